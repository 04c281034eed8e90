import { Rng, tf, variableOf } from '@neuralrg/tensor';
import type { Tensor1D, Tensor2D, Variable } from '@neuralrg/tensor';
import { BijectorResult, BijectorSpec, NamedVariable } from './bijector';
import { ColumnBijector, checkRows } from './columns';

/**
 * Elementwise scale and shift with learned per-variable parameters:
 * x_i = z_i exp(a_i) + b_i, ln|det dx/dz| = sum_i a_i.
 */
export class ElementwiseAffine extends ColumnBijector {
  readonly type = 'elementwise-affine';
  private readonly logScale: Variable;
  private readonly shift: Variable;

  constructor(readonly dim: number) {
    super();
    if (!Number.isInteger(dim) || dim <= 0) {
      throw new RangeError(`ElementwiseAffine: dim must be a positive integer, got ${dim}`);
    }
    this.logScale = variableOf(tf.zeros([dim, 1]));
    this.shift = variableOf(tf.zeros([dim, 1]));
  }

  private logDet(batch: number, sign: number): Tensor1D {
    return tf.mul(tf.ones([batch]), tf.mul(tf.sum(this.logScale), sign)) as Tensor1D;
  }

  forwardColumns(z: Tensor2D): BijectorResult {
    checkRows(this.type, z, this.dim);
    const y = tf.add(tf.mul(z, tf.exp(this.logScale)), this.shift) as Tensor2D;
    return { y, logDet: this.logDet(z.shape[1], 1) };
  }

  inverseColumns(x: Tensor2D): BijectorResult {
    checkRows(this.type, x, this.dim);
    const y = tf.mul(tf.sub(x, this.shift), tf.exp(tf.neg(this.logScale))) as Tensor2D;
    return { y, logDet: this.logDet(x.shape[1], -1) };
  }

  parameters(): NamedVariable[] {
    return [
      { name: 'logScale', variable: this.logScale },
      { name: 'shift', variable: this.shift },
    ];
  }

  spec(): BijectorSpec {
    return { type: this.type, options: { dim: this.dim } };
  }

  dispose(): void {
    this.logScale.dispose();
    this.shift.dispose();
  }
}

/** Builds an ElementwiseAffine; the generator is unused (parameters start at the identity). */
export function elementwiseAffine(dim: number, _rng?: Rng): ElementwiseAffine {
  return new ElementwiseAffine(dim);
}
