import { tf } from '@neuralrg/tensor';
import type { Tensor2D } from '@neuralrg/tensor';
import { Bijector, BijectorResult, checkWidth } from './bijector';

/**
 * Feature-major passes: the batch is given as [dim, B], one row per
 * variable. Every built-in bijector computes in this layout, where the
 * slices, concatenations and gathers that couplings and lattice blocks
 * need act on contiguous rows instead of strided columns; the row-major
 * `forward` / `inverse` of the Bijector interface wrap it with one
 * transpose on each side.
 */
export interface ColumnPasses {
  forwardColumns(z: Tensor2D): BijectorResult;
  inverseColumns(x: Tensor2D): BijectorResult;
}

/** Whether a bijector computes feature-major passes natively. */
export function hasColumnPasses(b: Bijector): b is Bijector & ColumnPasses {
  const candidate = b as Partial<ColumnPasses>;
  return typeof candidate.forwardColumns === 'function' && typeof candidate.inverseColumns === 'function';
}

/** A feature-major pass of any bijector, transposing for those that lack one. */
export function passColumns(b: Bijector, x: Tensor2D, direction: 'forward' | 'inverse'): BijectorResult {
  if (hasColumnPasses(b)) {
    return direction === 'forward' ? b.forwardColumns(x) : b.inverseColumns(x);
  }
  const out = direction === 'forward' ? b.forward(tf.transpose(x)) : b.inverse(tf.transpose(x));
  return { y: tf.transpose(out.y), logDet: out.logDet };
}

/** Base class of bijectors written in the feature-major layout. */
export abstract class ColumnBijector implements Bijector, ColumnPasses {
  abstract readonly type: string;
  abstract readonly dim: number;

  abstract forwardColumns(z: Tensor2D): BijectorResult;
  abstract inverseColumns(x: Tensor2D): BijectorResult;
  abstract parameters(): import('./bijector').NamedVariable[];
  abstract spec(): import('./bijector').BijectorSpec;
  abstract dispose(): void;

  forward(z: Tensor2D): BijectorResult {
    checkWidth(this.type, z, this.dim);
    const out = this.forwardColumns(tf.transpose(z));
    return { y: tf.transpose(out.y), logDet: out.logDet };
  }

  inverse(x: Tensor2D): BijectorResult {
    checkWidth(this.type, x, this.dim);
    const out = this.inverseColumns(tf.transpose(x));
    return { y: tf.transpose(out.y), logDet: out.logDet };
  }
}

/** Checks a feature-major batch, [dim, B]. */
export function checkRows(owner: string, x: Tensor2D, dim: number): void {
  if (x.rank !== 2 || x.shape[0] !== dim) {
    throw new RangeError(
      `${owner}: expected a feature-major batch of shape [${dim}, B], got [${x.shape.join(', ')}]`,
    );
  }
}
