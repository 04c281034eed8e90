import type { Tensor1D, Tensor2D } from '@neuralrg/tensor';
import { tf } from '@neuralrg/tensor';
import { BijectorResult, BijectorSpec, NamedVariable } from './bijector';
import { ColumnBijector, checkRows } from './columns';
import { RowPermutation } from './permute';

/** A fixed reordering of the variables, x_i = z_perm[i]; ln|det| = 0. */
export class Permutation extends ColumnBijector {
  readonly type = 'permutation';
  readonly dim: number;
  private readonly rows: RowPermutation;

  constructor(readonly order: readonly number[]) {
    super();
    this.dim = order.length;
    this.rows = new RowPermutation(order, 'Permutation');
  }

  forwardColumns(z: Tensor2D): BijectorResult {
    checkRows(this.type, z, this.dim);
    return { y: this.rows.apply(z), logDet: tf.zeros([z.shape[1]]) as Tensor1D };
  }

  inverseColumns(x: Tensor2D): BijectorResult {
    checkRows(this.type, x, this.dim);
    return { y: this.rows.undo(x), logDet: tf.zeros([x.shape[1]]) as Tensor1D };
  }

  parameters(): NamedVariable[] {
    return [];
  }

  spec(): BijectorSpec {
    return { type: this.type, options: { order: [...this.order] } };
  }

  dispose(): void {
    this.rows.dispose();
  }
}
