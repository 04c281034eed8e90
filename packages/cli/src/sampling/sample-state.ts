import * as fs from 'fs';
import * as path from 'path';
import { RUN_FILES } from '../run-folder';
import type { SamplerKind, SamplerState, SamplingRecord } from '@neuralrg/samplers';
import { writeFileAtomic } from '@neuralrg/trainer';
import { RunError } from '../errors';
import type { SamplingSettings } from './sampling-flags';
import type { SamplingTarget } from './sampling-target';

export const SAMPLE_STATE_FORMAT = 'neuralrg-sample-state';
export const SAMPLE_STATE_VERSION = 1;

/** The files of a `neuralrg sample` folder. */
export const SAMPLE_FILES = { state: 'state.json', results: 'sample.json' } as const;

/** state.json: everything `neuralrg sample --resume` needs to continue a run exactly. */
export interface SampleState {
  format: typeof SAMPLE_STATE_FORMAT;
  version: typeof SAMPLE_STATE_VERSION;
  sampler: SamplerKind;
  target: SamplingTarget;
  /** Absolute path of the flow run folder, or null. */
  flow: string | null;
  settings: SamplingSettings;
  samplerState: SamplerState;
  record: SamplingRecord;
}

/** Writes state.json atomically. */
export function writeSampleState(dir: string, state: SampleState): void {
  writeFileAtomic(path.join(dir, SAMPLE_FILES.state), JSON.stringify(state));
}

/**
 * Reads and checks state.json of a sample folder.
 *
 * @throws RunError when it is missing, not JSON, or not a sample state of this version.
 */
export function readSampleState(dir: string): SampleState {
  const file = path.join(dir, SAMPLE_FILES.state);
  if (!fs.existsSync(file)) {
    throw new RunError(
      `--resume '${dir}' holds no ${SAMPLE_FILES.state}; expected a folder of 'neuralrg sample --out'`,
    );
  }
  let parsed: Partial<SampleState>;
  try {
    parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<SampleState>;
  } catch (error) {
    throw new RunError(`${file} is corrupt: not valid JSON (${(error as Error).message})`);
  }
  if (parsed?.format !== SAMPLE_STATE_FORMAT || parsed.version !== SAMPLE_STATE_VERSION) {
    throw new RunError(
      `${file} is not a '${SAMPLE_STATE_FORMAT}' file of version ${SAMPLE_STATE_VERSION}`,
    );
  }
  if (
    parsed.samplerState === undefined ||
    parsed.record === undefined ||
    parsed.settings === undefined ||
    parsed.target === undefined
  ) {
    throw new RunError(`${file} is corrupt: missing fields`);
  }
  return parsed as SampleState;
}

/**
 * Makes sure a new sample run overwrites nothing.
 *
 * @throws RunError when the folder is a file or already holds a sample run.
 */
export function checkFreeSampleFolder(dir: string): void {
  if (fs.existsSync(dir) && !fs.statSync(dir).isDirectory()) {
    throw new RunError(`--out '${dir}' is a file, expected a folder for the run`);
  }
  const found = Object.values(SAMPLE_FILES).filter((name) => fs.existsSync(path.join(dir, name)));
  if (found.length > 0) {
    throw new RunError(
      `--out '${dir}' already holds a sample run (${found.join(', ')}); refusing to overwrite it: ` +
        `continue it with 'neuralrg sample --resume ${dir}', or choose another --out`,
    );
  }
  if (fs.existsSync(path.join(dir, RUN_FILES.checkpoint))) {
    throw new RunError(
      `--out '${dir}' is a training run's folder; a sample run needs a folder of its own: ` +
        `pass the training run as --flow ${dir} and choose another --out`,
    );
  }
}
