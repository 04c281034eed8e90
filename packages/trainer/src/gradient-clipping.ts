import { tf } from '@neuralrg/tensor';
import type { Tensor } from '@neuralrg/tensor';

/** The global norm sqrt(sum over tensors of sum g^2) of a list of gradients. */
export function globalNorm(grads: readonly Tensor[]): number {
  if (grads.length === 0) return 0;
  return tf.tidy(() => {
    const squares = grads.map((g) => tf.sum(tf.square(g)));
    return Math.sqrt(tf.addN(squares).dataSync()[0]);
  });
}

/**
 * Clipping by global norm (Pascanu, Mikolov and Bengio, ICML 2013): when
 * the norm exceeds `maxNorm`, every gradient is scaled by maxNorm / norm,
 * which keeps the direction of the step. Returns new tensors (the inputs
 * are left to the caller) and the norm before clipping.
 */
export function clipByGlobalNorm(
  grads: readonly Tensor[],
  maxNorm: number,
): { grads: Tensor[]; norm: number } {
  const norm = globalNorm(grads);
  const factor = norm > maxNorm ? maxNorm / norm : 1;
  return { grads: grads.map((g) => tf.mul(g, factor)), norm };
}
