import type { Bijector, BijectorResult, BijectorSpec } from '@neuralrg/bijectors';
import { Rng, tf } from '@neuralrg/tensor';
import type { Tensor1D, Tensor2D } from '@neuralrg/tensor';

/**
 * x = scale * z + shift, elementwise, with ln|det dx/dz| = sum ln|scale|:
 * a flow whose density is known exactly, for tests of the flow samplers.
 */
export class AffineBijector implements Bijector {
  readonly type = 'affine-test';
  readonly dim: number;

  constructor(
    readonly scale: Float32Array,
    readonly shift: Float32Array,
  ) {
    this.dim = scale.length;
  }

  forward(z: Tensor2D): BijectorResult {
    return tf.tidy(() => {
      const y = tf.add(tf.mul(z, tf.tensor1d(this.scale)), tf.tensor1d(this.shift)) as Tensor2D;
      return { y, logDet: tf.fill([z.shape[0]], this.logDet()) as Tensor1D };
    });
  }

  inverse(x: Tensor2D): BijectorResult {
    return tf.tidy(() => {
      const y = tf.div(tf.sub(x, tf.tensor1d(this.shift)), tf.tensor1d(this.scale)) as Tensor2D;
      return { y, logDet: tf.fill([x.shape[0]], -this.logDet()) as Tensor1D };
    });
  }

  parameters() {
    return [];
  }

  spec(): BijectorSpec {
    return {
      type: this.type,
      options: { scale: Array.from(this.scale), shift: Array.from(this.shift) },
    };
  }

  dispose(): void {}

  private logDet(): number {
    let total = 0;
    for (const s of this.scale) total += Math.log(Math.abs(s));
    return total;
  }
}

/** E(x) = sum_i (x_i - shift_i)^2 / (2 scale_i^2): the target whose exact proposal is AffineBijector. */
export function gaussianEnergy(
  scale: Float32Array,
  shift: Float32Array,
): (x: Tensor2D) => Tensor1D {
  return (x) =>
    tf.tidy(() => {
      const standard = tf.div(tf.sub(x, tf.tensor1d(shift)), tf.tensor1d(scale));
      return tf.mul(tf.sum(tf.square(standard), 1), 0.5) as Tensor1D;
    });
}

/** An AR(1) series x_t = rho x_{t-1} + sqrt(1 - rho^2) e_t, started in equilibrium. */
export function ar1Series(rho: number, n: number, rng: Rng): Float64Array {
  const noise = rng.fillNormal(new Float32Array(n));
  const out = new Float64Array(n);
  const sigma = Math.sqrt(1 - rho * rho);
  out[0] = noise[0];
  for (let t = 1; t < n; t++) out[t] = rho * out[t - 1] + sigma * noise[t];
  return out;
}
