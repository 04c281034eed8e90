import { tf } from '@neuralrg/tensor';
import type { Tensor1D, Tensor2D } from '@neuralrg/tensor';
import type { EnergyModel } from '@neuralrg/energies';

/**
 * A diagonal Gaussian target on an L x L lattice,
 * E(x) = sum_i (x_i - mu_i)^2 / (2 sigma_i^2), with
 * ln Z = sum_i ln(sigma_i sqrt(2 pi)). An affine flow represents it exactly.
 */
export function gaussianTarget(L: number, mu: number[], sigma: number[]): EnergyModel {
  const size = L * L;
  const lnZ = sigma.reduce((acc, s) => acc + Math.log(s * Math.sqrt(2 * Math.PI)), 0);
  return {
    name: 'gaussian',
    shape: [L, L],
    size,
    z2Symmetric: mu.every((m) => m === 0),
    exactLnZ: lnZ,
    config: { L },
    energy(x: Tensor2D): Tensor1D {
      const centred = tf.div(tf.sub(x, tf.tensor1d(mu)), tf.tensor1d(sigma));
      return tf.mul(tf.sum(tf.square(centred), 1), 0.5) as Tensor1D;
    },
    dispose() {},
  };
}
