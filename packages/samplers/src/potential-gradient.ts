import { tf } from '@neuralrg/tensor';
import type { Tensor1D, Tensor2D } from '@neuralrg/tensor';
import { hostTidy } from './host-tidy';

/** A potential U(q) per row of a [B, dim] batch; differentiable in q. */
export type Potential = (q: Tensor2D) => Tensor1D;

/**
 * U(q) and dU/dq for every row of a batch held on the host, by reverse
 * mode through tfjs (the rows are independent, so the gradient of
 * sum_b U(q_b) holds each row's own gradient). Every tensor made here is
 * released before returning.
 */
export function potentialAndGradient(
  potential: Potential,
  q: Float32Array,
  rows: number,
  dim: number,
): { values: Float64Array; gradient: Float32Array } {
  return hostTidy(() => {
    let perRow: Tensor1D | undefined;
    const { grad } = tf.valueAndGrad((input: tf.Tensor) => {
      // Kept past the gradient's own scope, then released here.
      perRow = tf.keep(potential(input as Tensor2D));
      return tf.sum(perRow);
    })(tf.tensor2d(q, [rows, dim]));
    const kept = perRow as Tensor1D;
    const values = Float64Array.from(kept.dataSync());
    kept.dispose();
    return { values, gradient: Float32Array.from(grad.dataSync()) };
  });
}

/** U(q) for every row, without the gradient. */
export function potentialValues(
  potential: Potential,
  q: Float32Array,
  rows: number,
  dim: number,
): Float64Array {
  return hostTidy(() => Float64Array.from(potential(tf.tensor2d(q, [rows, dim])).dataSync()));
}
