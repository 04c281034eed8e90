import { createHash } from 'crypto';
import { Rng } from '@neuralrg/tensor';
import type { SampleFile } from './sample-file';

/**
 * Samples split into a training part and a held-out part. The split is a
 * seeded shuffle of the rows, so the same file and seed give the same
 * split in every session of a run.
 */
export class SampleSet {
  readonly train: Float32Array;
  readonly trainRows: number;
  readonly heldOut: Float32Array;
  readonly heldOutRows: number;

  /**
   * @param holdoutFraction - in [0, 1); at least one row stays for training.
   * @param seed - of the shuffle.
   * @throws RangeError when nothing would be left to train on.
   */
  constructor(readonly source: SampleFile, holdoutFraction: number, seed: number) {
    const { rows, size, values } = source;
    const heldOutRows = Math.min(Math.round(rows * holdoutFraction), rows - 1);
    if (rows - heldOutRows < 1) {
      throw new RangeError(`data file ${source.file} has ${rows} rows: too few to hold any out`);
    }
    const order = Array.from({ length: rows }, (_, i) => i);
    const rng = new Rng(seed ^ 0x5eed);
    for (let i = rows - 1; i > 0; i--) {
      const j = Math.floor(rng.uniform() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    const gather = (indices: number[]): Float32Array => {
      const out = new Float32Array(indices.length * size);
      indices.forEach((row, k) => out.set(values.subarray(row * size, (row + 1) * size), k * size));
      return out;
    };
    this.heldOutRows = heldOutRows;
    this.trainRows = rows - heldOutRows;
    this.heldOut = gather(order.slice(0, heldOutRows));
    this.train = gather(order.slice(heldOutRows));
  }

  /** SHA-256 (hex) of the row count, the row size and the float32 values, in file order. */
  get fingerprint(): string {
    const { rows, size, values } = this.source;
    return createHash('sha256')
      .update(`${rows}x${size}:`)
      .update(new Uint8Array(values.buffer, values.byteOffset, values.byteLength))
      .digest('hex');
  }

  get size(): number {
    return this.source.size;
  }

  /** A minibatch of training rows drawn uniformly with replacement. */
  minibatch(batch: number, rng: Rng): Float32Array {
    const size = this.size;
    const out = new Float32Array(batch * size);
    for (let b = 0; b < batch; b++) {
      const row = Math.min(Math.floor(rng.uniform() * this.trainRows), this.trainRows - 1);
      out.set(this.train.subarray(row * size, (row + 1) * size), b * size);
    }
    return out;
  }
}
