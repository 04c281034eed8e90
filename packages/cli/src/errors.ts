/** Exit codes of the neuralrg command. */
export const EXIT = {
  ok: 0,
  /** A runtime failure: a missing file, a diverged run, a missing backend package. */
  failure: 1,
  /** A usage error: a bad flag or flag value. */
  usage: 2,
  /** Stopped by Ctrl-C after saving a checkpoint (128 + SIGINT). */
  interrupted: 130,
} as const;

/** A bad command line: an unknown flag, a missing one, or a value out of range. */
export class UsageError extends Error {
  readonly exitCode = EXIT.usage;

  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** A failure while doing the work the command line asked for. */
export class RunError extends Error {
  readonly exitCode = EXIT.failure;

  constructor(message: string) {
    super(message);
    this.name = 'RunError';
  }
}

/** The exit code that an error thrown by a command stands for. */
export function exitCodeOf(error: unknown): number {
  return error instanceof UsageError ? EXIT.usage : EXIT.failure;
}

/** An error's message on one line, without the stack. */
export function oneLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .join(' ');
}

/** The single line that reports an error on stderr. */
export function errorLine(message: string): string {
  return `neuralrg: error: ${message}\n`;
}
