/** Where the CLI writes text: process.stdout and process.stderr, or test buffers. */
export interface TextSink {
  write(text: string): unknown;
  /** True when the sink is a terminal, so that a progress line may redraw itself. */
  isTTY?: boolean;
  /** Terminal width in columns, when known. */
  columns?: number;
}

/** Stops listening for an interrupt. */
export type Unsubscribe = () => void;

/**
 * The outside world of one `main` call. Tests pass buffers and a fake
 * interrupt source; `bin.ts` passes the process's own.
 */
export interface CliIo {
  stdout: TextSink;
  stderr: TextSink;
  /**
   * Calls `listener` when the user asks to stop (Ctrl-C). Listening ends
   * when the returned function is called; afterwards a Ctrl-C has its
   * usual effect again.
   */
  onInterrupt(listener: () => void): Unsubscribe;
}

/** The process's own streams and SIGINT. */
export function processIo(): CliIo {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    onInterrupt(listener) {
      process.on('SIGINT', listener);
      return () => {
        process.off('SIGINT', listener);
      };
    },
  };
}
