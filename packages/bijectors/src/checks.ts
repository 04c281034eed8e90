import { tf } from '@neuralrg/tensor';
import type { Tensor } from '@neuralrg/tensor';

let enabled = false;

/**
 * Turns on (or off) finite-value checks after every layer of a chain.
 * They read tensors back from the backend, so they cost time; the trainer
 * turns them on only to locate the layer behind a non-finite loss.
 */
export function setFiniteChecks(on: boolean): void {
  enabled = on;
}

export function finiteChecksEnabled(): boolean {
  return enabled;
}

/**
 * Throws when `t` holds a NaN or an infinity; `what` names the tensor.
 *
 * @throws RangeError naming the count of bad entries.
 */
export function assertFinite(t: Tensor, what: string): void {
  const bad = tf.tidy(() => tf.sum(tf.cast(tf.logicalNot(tf.isFinite(t)), 'int32')).dataSync()[0]);
  if (bad > 0) throw new RangeError(`${what} has ${bad} non-finite entries (NaN or infinity)`);
}
