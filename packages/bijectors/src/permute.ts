import { tf } from '@neuralrg/tensor';
import type { Tensor, Tensor2D } from '@neuralrg/tensor';

/**
 * Checks that `perm` is a permutation of 0..n-1 and returns its inverse.
 *
 * @throws RangeError naming the first bad entry.
 */
export function inversePermutation(perm: ArrayLike<number>, owner = 'permutation'): Int32Array {
  const inverse = new Int32Array(perm.length).fill(-1);
  for (let i = 0; i < perm.length; i++) {
    const j = perm[i];
    if (!Number.isInteger(j) || j < 0 || j >= perm.length || inverse[j] !== -1) {
      throw new RangeError(
        `${owner}: entry ${i} is ${j}, expected each of 0..${perm.length - 1} exactly once`,
      );
    }
    inverse[j] = i;
  }
  return inverse;
}

/**
 * Reorders the columns of a [B, n] batch: out[:, i] = x[:, perm[i]].
 * The gradient is the inverse reordering, a gather rather than the
 * scatter-add that tfjs would use for a general gather.
 */
export function permuteColumns(
  x: Tensor2D,
  perm: Tensor,
  inverse: Tensor,
): Tensor2D {
  const op = tf.customGrad((...args: unknown[]) => {
    const input = args[0] as Tensor;
    return {
      value: tf.gather(input, perm, 1),
      gradFunc: (dy: Tensor) => tf.gather(dy, inverse, 1),
    };
  });
  return op(x) as Tensor2D;
}

/** A column permutation with its inverse held as int32 tensors. */
export class ColumnPermutation {
  readonly perm: Tensor;
  readonly inverse: Tensor;

  constructor(perm: ArrayLike<number>, owner?: string) {
    const inverse = inversePermutation(perm, owner);
    this.perm = tf.keep(tf.tensor1d(Int32Array.from(perm), 'int32'));
    this.inverse = tf.keep(tf.tensor1d(inverse, 'int32'));
  }

  apply(x: Tensor2D): Tensor2D {
    return permuteColumns(x, this.perm, this.inverse);
  }

  undo(x: Tensor2D): Tensor2D {
    return permuteColumns(x, this.inverse, this.perm);
  }

  dispose(): void {
    this.perm.dispose();
    this.inverse.dispose();
  }
}
