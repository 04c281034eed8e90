import {
  BijectorResult,
  BijectorSpec,
  ColumnBijector,
  NamedVariable,
  checkRows,
} from '@neuralrg/bijectors';
import { tf, variableOf } from '@neuralrg/tensor';
import type { Tensor, Tensor1D, Tensor2D, Variable } from '@neuralrg/tensor';

/** ln cosh u = |u| + ln(1 + exp(-2|u|)) - ln 2, without overflow. */
function logCosh(u: Tensor): Tensor {
  const a = tf.abs(u);
  return tf.sub(tf.add(a, tf.softplus(tf.mul(a, -2))), Math.LN2);
}

/**
 * The sinh-arcsinh transform (Jones and Pewsey, Biometrika 96, 761, 2009)
 * per variable, with learned skew a_i and tail weight b_i:
 *   x = sinh(exp(b) asinh(z) + a),   z = sinh((asinh(x) - a) exp(-b)),
 *   ln|dx/dz| = ln cosh(exp(b) asinh(z) + a) + b - ln(1 + z^2) / 2.
 * It starts as the identity (a = b = 0) and can make tails heavier or
 * lighter than a Gaussian's, which affine couplings cannot.
 */
export class SinhArcsinh extends ColumnBijector {
  readonly type = 'sinh-arcsinh';
  private readonly skew: Variable;
  private readonly tail: Variable;

  constructor(readonly dim: number) {
    super();
    if (!Number.isInteger(dim) || dim <= 0) {
      throw new RangeError(`sinh-arcsinh: dim must be a positive integer, got ${dim}`);
    }
    this.skew = variableOf(tf.zeros([dim, 1]));
    this.tail = variableOf(tf.zeros([dim, 1]));
  }

  forwardColumns(z: Tensor2D): BijectorResult {
    checkRows(this.type, z, this.dim);
    const u = tf.add(tf.mul(tf.exp(this.tail), tf.asinh(z)), this.skew);
    const perVariable = tf.sub(tf.add(logCosh(u), this.tail), tf.mul(tf.log1p(tf.square(z)), 0.5));
    return { y: tf.sinh(u) as Tensor2D, logDet: tf.sum(perVariable, 0) as Tensor1D };
  }

  /** With asinh(x) = u, ln cosh u = ln(1 + x^2) / 2, so ln|dz/dx| needs no u. */
  inverseColumns(x: Tensor2D): BijectorResult {
    checkRows(this.type, x, this.dim);
    const z = tf.sinh(tf.mul(tf.sub(tf.asinh(x), this.skew), tf.exp(tf.neg(this.tail)))) as Tensor2D;
    const perVariable = tf.sub(
      tf.mul(tf.log1p(tf.square(z)), 0.5),
      tf.add(tf.mul(tf.log1p(tf.square(x)), 0.5), this.tail),
    );
    return { y: z, logDet: tf.sum(perVariable, 0) as Tensor1D };
  }

  parameters(): NamedVariable[] {
    return [
      { name: 'skew', variable: this.skew },
      { name: 'tail', variable: this.tail },
    ];
  }

  spec(): BijectorSpec {
    return { type: this.type, options: { dim: this.dim } };
  }

  dispose(): void {
    this.skew.dispose();
    this.tail.dispose();
  }
}
