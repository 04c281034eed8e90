import { Rng, tf } from '@neuralrg/tensor';
import type { Tensor1D, Tensor2D } from '@neuralrg/tensor';
import { BijectorResult, NamedVariable, prefixed } from './bijector';
import { ColumnBijector, checkRows } from './columns';
import { Mlp, MlpOptions } from './mlp';

export interface AffineCouplingOptions extends MlpOptions {
  /** Width of the vectors; must be even. */
  dim: number;
  /** 0: the first half conditions the second; 1: the other way round. */
  parity: 0 | 1;
  /** Bound on |s|: s = bound * tanh(raw / bound). */
  scaleBound: number;
}

/**
 * RealNVP affine coupling (Dinh, Sohl-Dickstein and Bengio,
 * arXiv:1605.08803). With the vector split into a conditioning half a and
 * a transformed half b:
 *   forward:  x_a = z_a,  x_b = z_b * exp(s(z_a)) + t(z_a)
 *   inverse:  z_a = x_a,  z_b = (x_b - t(x_a)) * exp(-s(x_a))
 * and ln|det dx/dz| = sum_j s_j. One MLP yields both s and t, and
 * s = bound * tanh(raw / bound) keeps each step's scale bounded.
 */
export class AffineCoupling extends ColumnBijector {
  readonly type = 'affine-coupling';
  readonly dim: number;
  private readonly net: Mlp;

  constructor(readonly options: AffineCouplingOptions, rng: Rng) {
    super();
    const { dim, scaleBound } = options;
    if (!Number.isInteger(dim) || dim < 2 || dim % 2 !== 0) {
      throw new RangeError(`AffineCoupling: dim must be an even integer >= 2, got ${dim}`);
    }
    if (!(scaleBound > 0) || !Number.isFinite(scaleBound)) {
      throw new RangeError(`AffineCoupling: scaleBound must be positive and finite, got ${scaleBound}`);
    }
    this.dim = dim;
    this.net = new Mlp(dim / 2, dim, options, rng);
  }

  /** Splits rows into (conditioning, transformed) halves. */
  private split(x: Tensor2D): [Tensor2D, Tensor2D] {
    const [first, second] = tf.split(x, 2, 0) as [Tensor2D, Tensor2D];
    return this.options.parity === 0 ? [first, second] : [second, first];
  }

  private join(conditioning: Tensor2D, transformed: Tensor2D): Tensor2D {
    const parts = this.options.parity === 0 ? [conditioning, transformed] : [transformed, conditioning];
    return tf.concat(parts, 0);
  }

  private scaleShift(conditioning: Tensor2D): [Tensor2D, Tensor2D] {
    const [raw, shift] = tf.split(this.net.apply(conditioning), 2, 0) as [Tensor2D, Tensor2D];
    const bound = this.options.scaleBound;
    const scale = tf.mul(tf.tanh(tf.div(raw, bound)), bound) as Tensor2D;
    return [scale, shift];
  }

  forwardColumns(z: Tensor2D): BijectorResult {
    checkRows(this.type, z, this.dim);
    const [za, zb] = this.split(z);
    const [s, t] = this.scaleShift(za);
    const xb = tf.add(tf.mul(zb, tf.exp(s)), t) as Tensor2D;
    return { y: this.join(za, xb), logDet: tf.sum(s, 0) as Tensor1D };
  }

  inverseColumns(x: Tensor2D): BijectorResult {
    checkRows(this.type, x, this.dim);
    const [xa, xb] = this.split(x);
    const [s, t] = this.scaleShift(xa);
    const zb = tf.mul(tf.sub(xb, t), tf.exp(tf.neg(s))) as Tensor2D;
    return { y: this.join(xa, zb), logDet: tf.neg(tf.sum(s, 0)) as Tensor1D };
  }

  parameters(): NamedVariable[] {
    return prefixed('net', this.net.parameters());
  }

  dispose(): void {
    this.net.dispose();
  }
}
