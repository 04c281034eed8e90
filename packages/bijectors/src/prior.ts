import { Rng, tf } from '@neuralrg/tensor';
import type { Tensor1D, Tensor2D } from '@neuralrg/tensor';

const HALF_LN_TWO_PI = 0.5 * Math.log(2 * Math.PI);

/** The standard normal prior p(z) on R^dim. */
export class StandardNormal {
  constructor(readonly dim: number) {
    if (!Number.isInteger(dim) || dim <= 0) {
      throw new RangeError(`prior dim must be a positive integer, got ${dim}`);
    }
  }

  /** A [batch, dim] sample drawn from the seeded generator. */
  sample(batch: number, rng: Rng): Tensor2D {
    if (!Number.isInteger(batch) || batch <= 0) {
      throw new RangeError(`batch must be a positive integer, got ${batch}`);
    }
    const values = rng.fillNormal(new Float32Array(batch * this.dim));
    return tf.tensor2d(values, [batch, this.dim]);
  }

  /** ln p(z) = -|z|^2 / 2 - (dim / 2) ln 2 pi, per row. */
  logProb(z: Tensor2D): Tensor1D {
    return tf.sub(tf.mul(tf.sum(tf.square(z), 1), -0.5), this.dim * HALF_LN_TWO_PI) as Tensor1D;
  }
}
