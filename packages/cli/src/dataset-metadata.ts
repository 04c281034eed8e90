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
 * Refuses `--data FILE` for an Ising run whose L or T differ from those the
 * file was drawn at, when `neuralrg dataset` left a record beside it that
 * still matches the file's bytes. Files without a (matching) record pass:
 * the trainer checks their shape only.
 *
 * @throws UsageError naming both targets.
 */
export function checkDatasetTarget(dataFile: string, L: number, T: number): void {
  const record = metadataFile(dataFile);
  if (!fs.existsSync(record) || !fs.existsSync(dataFile)) return;
  let metadata: Partial<DatasetMetadata>;
  try {
    metadata = JSON.parse(fs.readFileSync(record, 'utf8')) as Partial<DatasetMetadata>;
  } catch {
    return;
  }
  if (metadata.format !== DATASET_FORMAT || metadata.sha256 !== sha256(fs.readFileSync(dataFile))) {
    return;
  }
  if (metadata.L !== L || metadata.T !== T) {
    throw new UsageError(
      `--data ${dataFile} holds Ising configurations drawn at L = ${metadata.L}, ` +
        `T = ${metadata.T} (see ${record}); this run is L = ${L}, T = ${T}: ` +
        'draw a data set for this target with neuralrg dataset',
    );
  }
}
