import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { CliIo } from '../io';
import { main } from '../main';

/** What one in-process run of the CLI printed and returned. */
export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Options of {@link runCli}. */
export interface RunCliOptions {
  /** Called with each stderr write and a function that simulates Ctrl-C. */
  onStderr?(text: string, interrupt: () => void): void;
}

/** Runs `neuralrg ...args` in-process with captured output and a fake Ctrl-C. */
export async function runCli(args: string[], options: RunCliOptions = {}): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const listeners = new Set<() => void>();
  const interrupt = () => listeners.forEach((listener) => listener());
  const io: CliIo = {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: {
      isTTY: false,
      write: (text: string) => {
        stderr += text;
        options.onStderr?.(text, interrupt);
      },
    },
    onInterrupt(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  const code = await main(['node', 'neuralrg', ...args], io);
  return { code, stdout, stderr };
}

/** A fresh temporary folder for one test's runs. */
export function temporaryFolder(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'neuralrg-cli-'));
}

/** Flags of a run small enough to train in a second on the cpu backend. */
export const TINY_RUN = [
  '--L', '4',
  '--T', 'Tc',
  '--batch', '8',
  '--coupling-layers', '1',
  '--hidden', '4',
  '--eval-samples', '16',
  '--backend', 'cpu',
];

/** Lines of a JSON-lines file, parsed. */
export function readJsonLines(file: string): Record<string, number>[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as Record<string, number>);
}

/** A record without its timing fields, which differ from run to run. */
export function withoutTimings(record: Record<string, unknown>): Record<string, unknown> {
  const copy = { ...record };
  delete copy.seconds;
  return copy;
}
