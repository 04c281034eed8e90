import * as fs from 'fs';
import * as path from 'path';
import { BACKENDS } from '@neuralrg/tensor';
import type { BackendName } from '@neuralrg/tensor';
import { writeFileAtomic } from '@neuralrg/trainer';
import type { TrainConfig } from '@neuralrg/trainer';
import { RunError, UsageError } from './errors';

/** The files of a run folder. */
export const RUN_FILES = {
  config: 'config.json',
  metrics: 'metrics.jsonl',
  checkpoint: 'checkpoint.json',
  summary: 'summary.json',
  samples: 'samples.png',
} as const;

export type RunFile = keyof typeof RUN_FILES;

/** The files of a `neuralrg sample` folder (see sampling/sample-state.ts). */
const SAMPLE_RUN_FILES = ['state.json', 'sample.json'];

/**
 * Checks an output path given with `flag` before any work is done: it must
 * not be a folder, and must not be named like a training run's own files,
 * which an analysis written over them would destroy.
 *
 * @throws UsageError naming the flag and the path.
 */
export function checkOutputFile(flag: string, file: string): string {
  if (fs.existsSync(file) && fs.statSync(file).isDirectory()) {
    throw new UsageError(`${flag} must name a file, got '${file}', which is a folder`);
  }
  const protectedNames = Object.values(RUN_FILES) as string[];
  if (protectedNames.includes(path.basename(file))) {
    throw new UsageError(
      `${flag} '${file}' would overwrite a training run's ${path.basename(file)}; ` +
        `choose another file name (run files: ${protectedNames.join(', ')})`,
    );
  }
  if (SAMPLE_RUN_FILES.includes(path.basename(file))) {
    throw new UsageError(
      `${flag} '${file}' would overwrite a sample run's ${path.basename(file)}; ` +
        `choose another file name (sample run files: ${SAMPLE_RUN_FILES.join(', ')})`,
    );
  }
  return file;
}

/** config.json: the resolved TrainConfig, plus the settings of the CLI run. */
export type StoredConfig = TrainConfig & {
  backend: BackendName;
  checkpointEvery: number;
};

/** The folder that holds one training run and its results. */
export class RunFolder {
  constructor(readonly dir: string) {}

  /** Path of one of the run's files. */
  file(name: RunFile): string {
    return path.join(this.dir, RUN_FILES[name]);
  }

  /** Names of the run files that already exist in the folder. */
  existingFiles(): string[] {
    return (Object.keys(RUN_FILES) as RunFile[])
      .filter((name) => fs.existsSync(this.file(name)))
      .map((name) => RUN_FILES[name]);
  }

  /**
   * Makes sure a new run will overwrite nothing: the folder is absent, or
   * holds none of the run files.
   *
   * @throws RunError naming the files found and what to do instead.
   */
  checkFreeForNewRun(): void {
    if (fs.existsSync(this.dir) && !fs.statSync(this.dir).isDirectory()) {
      throw new RunError(`--out '${this.dir}' is a file, expected a folder for the run`);
    }
    const found = this.existingFiles();
    if (found.length === 0) return;
    const hint = found.includes(RUN_FILES.checkpoint)
      ? `continue it with 'neuralrg train --resume ${this.dir}'`
      : 'nothing there can be resumed';
    throw new RunError(
      `--out '${this.dir}' already holds a run (${found.join(', ')}); refusing to overwrite ` +
        `earlier results: ${hint}, or choose another --out`,
    );
  }

  /**
   * Deletes the config and metrics of a new run that never saved a
   * checkpoint; a folder with a checkpoint is left alone.
   */
  removeUnfinishedRun(): void {
    if (fs.existsSync(this.file('checkpoint'))) return;
    for (const name of ['config', 'metrics', 'summary', 'samples'] as RunFile[]) {
      fs.rmSync(this.file(name), { force: true });
    }
  }

  writeConfig(config: StoredConfig): void {
    writeFileAtomic(this.file('config'), `${JSON.stringify(config, null, 2)}\n`);
  }

  /**
   * Reads config.json back.
   *
   * @throws RunError when it is missing, not JSON, or lacks a known backend.
   */
  readConfig(): StoredConfig {
    const file = this.file('config');
    if (!fs.existsSync(file)) {
      throw new RunError(
        `run config ${file} does not exist; is '${this.dir}' a neuralrg run folder?`,
      );
    }
    let parsed: Partial<StoredConfig>;
    try {
      parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<StoredConfig>;
    } catch (error) {
      const reason = (error as Error).message;
      throw new RunError(`run config ${file} is corrupt: not valid JSON (${reason})`);
    }
    if (parsed === null || typeof parsed !== 'object') {
      throw new RunError(`run config ${file} is corrupt: expected a JSON object`);
    }
    if (!(BACKENDS as readonly unknown[]).includes(parsed.backend)) {
      throw new RunError(
        `run config ${file} is corrupt: backend must be one of ${BACKENDS.join(', ')}, ` +
          `got ${JSON.stringify(parsed.backend)}`,
      );
    }
    return parsed as StoredConfig;
  }

  writeJson(name: 'summary', value: unknown): void {
    writeFileAtomic(this.file(name), `${JSON.stringify(value, null, 2)}\n`);
  }
}
