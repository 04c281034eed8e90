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
 * A reordering of the rows of a feature-major [n, B] batch,
 * out[i] = x[perm[i]]. Its gradient is the inverse reordering, a gather,
 * rather than the scatter-add tfjs uses for a general gather.
 */
export class RowPermutation {
  readonly perm: Tensor;
  readonly inverse: Tensor;
  private readonly applyOp: (x: Tensor) => Tensor;
  private readonly undoOp: (x: Tensor) => Tensor;

  constructor(perm: ArrayLike<number>, owner?: string) {
    const inverse = inversePermutation(perm, owner);
    this.perm = tf.keep(tf.tensor1d(Int32Array.from(perm), 'int32'));
    this.inverse = tf.keep(tf.tensor1d(inverse, 'int32'));
    this.applyOp = gatherWithInverse(this.perm, this.inverse);
    this.undoOp = gatherWithInverse(this.inverse, this.perm);
  }

  apply(x: Tensor2D): Tensor2D {
    return this.applyOp(x) as Tensor2D;
  }

  undo(x: Tensor2D): Tensor2D {
    return this.undoOp(x) as Tensor2D;
  }

  dispose(): void {
    this.perm.dispose();
    this.inverse.dispose();
  }
}

function gatherWithInverse(perm: Tensor, inverse: Tensor): (x: Tensor) => Tensor {
  return tf.customGrad((...args: unknown[]) => {
    const input = args[0] as Tensor;
    return {
      value: tf.gather(input, perm, 0),
      gradFunc: (dy: Tensor) => tf.gather(dy, inverse, 0),
    };
  });
}
