import { tf } from '@neuralrg/tensor';
import type { Tensor1D, Tensor2D } from '@neuralrg/tensor';
import { Bijector, BijectorResult, BijectorSpec, NamedVariable } from './bijector';
import { ColumnBijector, checkRows, passColumns } from './columns';
import { RowPermutation } from './permute';

/**
 * Applies one bijector of width k to many disjoint groups of k variables,
 * with parameters shared by all groups; the variables in no group pass
 * through unchanged. ln|det| is the sum over groups.
 *
 * `blocks` lists the variable indices group by group (length a multiple of
 * k); inside a group the order is the inner bijector's input order. One
 * row gather brings the variables into element-major order (element e of
 * every group, then e + 1, ...), so that a reshape turns the feature-major
 * [n, B] batch into the inner bijector's [k, groups * B] batch.
 */
export class Blockwise extends ColumnBijector {
  readonly type = 'blockwise';
  readonly blockCount: number;
  private readonly covered: number;
  private readonly permutation: RowPermutation;

  constructor(
    readonly dim: number,
    readonly blocks: ArrayLike<number>,
    readonly inner: Bijector,
  ) {
    super();
    const k = inner.dim;
    if (blocks.length === 0 || blocks.length % k !== 0 || blocks.length > dim) {
      throw new RangeError(
        `Blockwise: block index list has length ${blocks.length}, expected a positive ` +
          `multiple of the inner width ${k}, at most ${dim}`,
      );
    }
    this.blockCount = blocks.length / k;
    this.covered = blocks.length;
    const seen = new Uint8Array(dim);
    for (let i = 0; i < blocks.length; i++) {
      const site = blocks[i];
      if (!Number.isInteger(site) || site < 0 || site >= dim || seen[site]) {
        throw new RangeError(`Blockwise: index ${site} is out of range 0..${dim - 1} or repeated`);
      }
      seen[site] = 1;
    }
    const order: number[] = [];
    for (let e = 0; e < k; e++) {
      for (let b = 0; b < this.blockCount; b++) order.push(blocks[b * k + e]);
    }
    for (let i = 0; i < dim; i++) if (!seen[i]) order.push(i);
    this.permutation = new RowPermutation(order, 'Blockwise');
  }

  forwardColumns(z: Tensor2D): BijectorResult {
    return this.run(z, 'forward');
  }

  inverseColumns(x: Tensor2D): BijectorResult {
    return this.run(x, 'inverse');
  }

  private run(x: Tensor2D, direction: 'forward' | 'inverse'): BijectorResult {
    checkRows(this.type, x, this.dim);
    const batch = x.shape[1];
    const k = this.inner.dim;
    const ordered = this.permutation.apply(x);
    const head =
      this.covered === this.dim ? ordered : (tf.slice(ordered, [0, 0], [this.covered, batch]) as Tensor2D);
    const out = passColumns(this.inner, tf.reshape(head, [k, this.blockCount * batch]), direction);
    const logDet = tf.sum(tf.reshape(out.logDet, [this.blockCount, batch]), 0) as Tensor1D;
    let joined = tf.reshape(out.y, [this.covered, batch]) as Tensor2D;
    if (this.covered < this.dim) {
      const rest = tf.slice(ordered, [this.covered, 0], [this.dim - this.covered, batch]);
      joined = tf.concat([joined, rest], 0);
    }
    return { y: this.permutation.undo(joined), logDet };
  }

  parameters(): NamedVariable[] {
    return this.inner.parameters();
  }

  spec(): BijectorSpec {
    return { type: this.type, options: { dim: this.dim, blocks: Array.from(this.blocks) }, children: [this.inner.spec()] };
  }

  dispose(): void {
    this.inner.dispose();
    this.permutation.dispose();
  }
}
