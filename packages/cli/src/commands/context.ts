import type { CliIo } from '../io';

/** What a command's action gets from `main`: the io and a place for its exit code. */
export interface CommandContext {
  io: CliIo;
  setExitCode(code: number): void;
}
