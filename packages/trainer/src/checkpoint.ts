import * as fs from 'fs';
import * as path from 'path';
import { decodeFloat32, encodeFloat32 } from '@neuralrg/tensor';
import type { TrainConfig } from './config';
import type { PlateauState } from './plateau';

export const CHECKPOINT_FORMAT = 'neuralrg-checkpoint';
export const CHECKPOINT_VERSION = 1;

/** A stored tensor: its name, shape and little-endian float32 data in base64. */
export interface StoredTensor {
  name: string;
  shape: number[];
  data: string;
}

/** Everything needed to continue a run exactly where it stopped. */
export interface Checkpoint {
  format: typeof CHECKPOINT_FORMAT;
  version: number;
  config: TrainConfig;
  /** Number of completed optimisation steps. */
  step: number;
  /** State of the seeded generator after `step` steps. */
  rng: number[];
  /** Seconds of training behind this checkpoint, summed over sessions. */
  trainSeconds: number;
  params: StoredTensor[];
  optimizer: { t: number; m: StoredTensor[]; v: StoredTensor[] };
  /** Early-stopping state, when the run uses it (absent in older checkpoints). */
  plateau?: PlateauState;
}

export function storeTensor(name: string, shape: number[], values: Float32Array): StoredTensor {
  return { name, shape, data: encodeFloat32(values) };
}

export function loadTensor(stored: StoredTensor): Float32Array {
  const size = stored.shape.reduce((a, b) => a * b, 1);
  return decodeFloat32(stored.data, size);
}

/**
 * Writes text or bytes to `file` atomically: a temporary file in the same
 * folder is written and synced, then renamed over the target, so a reader
 * never sees a half-written file and a crash leaves the previous version
 * intact. A failed write (a full disk, a folder in the way) removes the
 * temporary file and rethrows.
 */
export function writeFileAtomic(file: string, content: string | Uint8Array): void {
  const dir = path.dirname(file);
  fs.mkdirSync(dir, { recursive: true });
  const temporary = path.join(dir, `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    const fd = fs.openSync(temporary, 'w');
    try {
      // Two calls, because TypeScript picks one overload per argument type.
      if (typeof content === 'string') fs.writeSync(fd, content);
      else fs.writeSync(fd, content);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temporary, file);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw error;
  }
}

/** Saves a checkpoint atomically as JSON. */
export function saveCheckpoint(file: string, checkpoint: Checkpoint): void {
  writeFileAtomic(file, JSON.stringify(checkpoint));
}

/**
 * Reads and checks a checkpoint file.
 *
 * @throws Error naming the file when it is missing, not JSON, or not a
 * neuralrg checkpoint of a known version.
 */
export function readCheckpoint(file: string): Checkpoint {
  if (!fs.existsSync(file)) {
    throw new Error(`checkpoint ${file} does not exist`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`checkpoint ${file} is corrupt: not valid JSON (${(error as Error).message})`);
  }
  const c = parsed as Partial<Checkpoint>;
  if (c === null || typeof c !== 'object' || c.format !== CHECKPOINT_FORMAT) {
    throw new Error(`checkpoint ${file} is corrupt: expected format '${CHECKPOINT_FORMAT}'`);
  }
  if (c.version !== CHECKPOINT_VERSION) {
    throw new Error(`checkpoint ${file} has version ${c.version}, expected ${CHECKPOINT_VERSION}`);
  }
  const ok =
    typeof c.step === 'number' &&
    Array.isArray(c.rng) &&
    Array.isArray(c.params) &&
    c.optimizer !== undefined &&
    Array.isArray(c.optimizer.m) &&
    Array.isArray(c.optimizer.v) &&
    c.config !== undefined;
  if (!ok) throw new Error(`checkpoint ${file} is corrupt: missing fields`);
  const step = c.step as number;
  if (!Number.isInteger(step) || step < 0) {
    throw new Error(`checkpoint ${file} is corrupt: step must be a non-negative integer, got ${step}`);
  }
  const rng = c.rng as unknown[];
  if (rng.length !== 4 || !rng.every((w) => Number.isInteger(w) && (w as number) >= 0 && (w as number) < 2 ** 32)) {
    throw new Error(`checkpoint ${file} is corrupt: rng must be 4 unsigned 32-bit integers`);
  }
  return c as Checkpoint;
}
