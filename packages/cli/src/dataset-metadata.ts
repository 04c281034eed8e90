import { createHash } from 'crypto';
import * as fs from 'fs';
import { writeFileAtomic } from '@neuralrg/trainer';
import { UsageError } from './errors';

export const DATASET_FORMAT = 'neuralrg-dataset';
export const DATASET_VERSION = 1;

/** How a data set of `neuralrg dataset` was drawn. */
export interface DatasetSettings {
  L: number;
  T: number;
  samples: number;
  chains: number;
  thin: number;
  warmup: number;
  seed: number;
}

/** What `neuralrg dataset` records beside the .npy it writes, in FILE.json. */
export interface DatasetMetadata extends DatasetSettings {
  format: typeof DATASET_FORMAT;
  version: typeof DATASET_VERSION;
  model: 'ising';
  /** SHA-256 of the .npy file's bytes, so that a stale record is never trusted. */
  sha256: string;
}

/** The record of a data file: the file name with `.json` added. */
export function metadataFile(dataFile: string): string {
  return `${dataFile}.json`;
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Writes the record of `dataFile`, whose bytes are `bytes`, atomically. */
export function writeDatasetMetadata(
  dataFile: string,
  bytes: Uint8Array,
  settings: DatasetSettings,
): void {
  const metadata: DatasetMetadata = {
    format: DATASET_FORMAT,
    version: DATASET_VERSION,
    model: 'ising',
    ...settings,
    sha256: sha256(bytes),
  };
  writeFileAtomic(metadataFile(dataFile), `${JSON.stringify(metadata, null, 2)}\n`);
}

/**
 * Checks `--data FILE` against the record `neuralrg dataset` left beside
 * it: a record that matches the file's bytes must name this run's model,
 * L and T. Files without a record pass unchecked (data from elsewhere).
 *
 * @returns a warning when a record is there but cannot be used (unreadable,
 *   of another format, incomplete, or no longer matching the file), so the
 *   target goes unchecked; undefined otherwise.
 * @throws UsageError when a matching record names another model, L or T.
 */
export function checkDatasetRecord(
  dataFile: string,
  energy: { name: string; L?: unknown; T?: unknown },
): string | undefined {
  const record = metadataFile(dataFile);
  if (!fs.existsSync(record) || !fs.existsSync(dataFile)) return undefined;
  const unchecked = `so the data's target is not checked`;
  let metadata: Partial<DatasetMetadata> | null;
  try {
    metadata = JSON.parse(fs.readFileSync(record, 'utf8')) as Partial<DatasetMetadata> | null;
  } catch {
    return `${record} is not valid JSON, ${unchecked}`;
  }
  if (typeof metadata !== 'object' || metadata === null || metadata.format !== DATASET_FORMAT) {
    return `${record} is not a ${DATASET_FORMAT} record, ${unchecked}`;
  }
  if (metadata.sha256 !== sha256(fs.readFileSync(dataFile))) {
    return `${record} does not match ${dataFile} (its SHA-256 differs: the file changed after it was written), ${unchecked}`;
  }
  if (!Number.isInteger(metadata.L) || typeof metadata.T !== 'number') {
    return `${record} lacks a numeric L and T, ${unchecked}`;
  }
  const drawn = `holds Ising configurations drawn at L = ${metadata.L}, T = ${metadata.T} (see ${record})`;
  if (energy.name !== 'ising') {
    throw new UsageError(`--data ${dataFile} ${drawn}; this run's energy is '${energy.name}'`);
  }
  if (metadata.L !== energy.L || metadata.T !== energy.T) {
    throw new UsageError(
      `--data ${dataFile} ${drawn}; this run is L = ${String(energy.L)}, T = ${String(energy.T)}: ` +
        'draw a data set for this target with neuralrg dataset',
    );
  }
  return undefined;
}
