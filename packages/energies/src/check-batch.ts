import { tf } from '@neuralrg/tensor';
import type { Tensor2D } from '@neuralrg/tensor';
import { describeValue } from './validate';

/**
 * Checks that `x` is a float32 tensor of shape [B, size], the batch layout
 * of every {@link EnergyModel}.
 *
 * @param layout - how `size` arises, for the message, e.g. 'L*L for L = 4'.
 * @throws TypeError when x is not a float32 tensor; RangeError when its shape is wrong.
 */
export function checkEnergyBatch(x: Tensor2D, size: number, layout: string): void {
  if (!(x instanceof tf.Tensor)) {
    throw new TypeError(`energy input x must be a tf.Tensor, got ${describeValue(x)}`);
  }
  if (x.dtype !== 'float32') {
    throw new TypeError(`energy input x must have dtype float32, got ${x.dtype}`);
  }
  if (x.rank !== 2 || x.shape[1] !== size) {
    throw new RangeError(
      `energy input x must have shape [B, ${size}] (${layout}), got [${x.shape.join(', ')}]`,
    );
  }
}
