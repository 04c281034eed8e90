import { tf } from '@neuralrg/tensor';
import type { Tensor1D, Tensor2D } from '@neuralrg/tensor';
import { Bijector, BijectorResult, NamedVariable, checkWidth } from './bijector';
import { ColumnPermutation } from './permute';

/**
 * Applies one bijector of width k to many disjoint groups of k variables
 * of a [B, n] batch, with parameters shared by all groups; the variables
 * in no group pass through unchanged. ln|det| is the sum over groups.
 *
 * `blocks` lists the variable indices group by group (length a multiple of
 * k); inside a group the order is the inner bijector's input order.
 */
export class Blockwise implements Bijector {
  readonly type = 'blockwise';
  readonly blockCount: number;
  private readonly covered: number;
  private readonly permutation: ColumnPermutation;

  constructor(
    readonly dim: number,
    readonly blocks: ArrayLike<number>,
    readonly inner: Bijector,
  ) {
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
    const order = Array.from(blocks);
    for (const i of order) {
      if (!Number.isInteger(i) || i < 0 || i >= dim || seen[i]) {
        throw new RangeError(`Blockwise: index ${i} is out of range 0..${dim - 1} or repeated`);
      }
      seen[i] = 1;
    }
    for (let i = 0; i < dim; i++) if (!seen[i]) order.push(i);
    this.permutation = new ColumnPermutation(order, 'Blockwise');
  }

  forward(z: Tensor2D): BijectorResult {
    return this.run(z, (x) => this.inner.forward(x));
  }

  inverse(x: Tensor2D): BijectorResult {
    return this.run(x, (y) => this.inner.inverse(y));
  }

  private run(x: Tensor2D, pass: (blocks: Tensor2D) => BijectorResult): BijectorResult {
    checkWidth(this.type, x, this.dim);
    const batch = x.shape[0];
    const k = this.inner.dim;
    const ordered = this.permutation.apply(x);
    const head =
      this.covered === this.dim ? ordered : (tf.slice(ordered, [0, 0], [batch, this.covered]) as Tensor2D);
    const out = pass(tf.reshape(head, [batch * this.blockCount, k]));
    const logDet = tf.sum(tf.reshape(out.logDet, [batch, this.blockCount]), 1) as Tensor1D;
    let joined = tf.reshape(out.y, [batch, this.covered]) as Tensor2D;
    if (this.covered < this.dim) {
      const rest = tf.slice(ordered, [0, this.covered], [batch, this.dim - this.covered]);
      joined = tf.concat([joined, rest], 1);
    }
    return { y: this.permutation.undo(joined), logDet };
  }

  parameters(): NamedVariable[] {
    return this.inner.parameters();
  }

  dispose(): void {
    this.inner.dispose();
    this.permutation.dispose();
  }
}
