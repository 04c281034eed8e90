import { Rng, assignValues, tf, variableOf } from '@neuralrg/tensor';
import type { Tensor, Tensor1D, Tensor2D, Variable } from '@neuralrg/tensor';
import { BijectorResult, BijectorSpec, NamedVariable } from './bijector';
import { ColumnBijector, checkRows } from './columns';

export interface LinearLuOptions {
  dim: number;
  /** Fixed signs of U's diagonal (default all +1), so that any invertible W is reachable. */
  signs?: readonly number[];
  /** Scale of random initial off-diagonal entries; 0 starts at the identity. */
  initScale?: number;
}

/**
 * An invertible dense linear map with a bias, x = W z + b, in the LU
 * parametrisation W = L (U + diag(sigma * exp(d))) (Kingma and Dhariwal,
 * arXiv:1807.03039): L unit lower triangular, U strictly upper triangular,
 * sigma fixed signs. ln|det W| = sum_i d_i costs nothing, and W can never
 * become singular. Triangular inverses use the finite Neumann series of
 * the nilpotent off-diagonal parts, so the inverse pass is differentiable
 * with plain matrix products.
 */
export class LinearLU extends ColumnBijector {
  readonly type = 'linear-lu';
  readonly dim: number;
  private readonly lower: Variable;
  private readonly upper: Variable;
  private readonly logDiag: Variable;
  private readonly bias: Variable;
  private readonly lowerMask: Tensor;
  private readonly upperMask: Tensor;
  private readonly signs: Tensor;

  constructor(readonly options: LinearLuOptions, rng?: Rng) {
    super();
    const { dim } = options;
    if (!Number.isInteger(dim) || dim <= 0) {
      throw new RangeError(`LinearLU: dim must be a positive integer, got ${dim}`);
    }
    const signs = options.signs ?? new Array(dim).fill(1);
    if (signs.length !== dim || signs.some((s) => s !== 1 && s !== -1)) {
      throw new RangeError(`LinearLU: signs must be ${dim} entries of +1 or -1, got [${signs.join(', ')}]`);
    }
    this.dim = dim;
    const scale = options.initScale ?? 0;
    const random = () => {
      const values = new Float32Array(dim * dim);
      if (scale > 0 && rng) rng.fillNormal(values).forEach((v, i) => (values[i] = v * scale));
      return tf.tensor2d(values, [dim, dim]);
    };
    this.lower = variableOf(random());
    this.upper = variableOf(random());
    this.logDiag = variableOf(tf.zeros([dim]));
    this.bias = variableOf(tf.zeros([dim, 1]));
    const mask = (above: boolean) => {
      const values = new Float32Array(dim * dim);
      for (let i = 0; i < dim; i++) for (let j = 0; j < dim; j++) values[i * dim + j] = (above ? j > i : j < i) ? 1 : 0;
      return tf.keep(tf.tensor2d(values, [dim, dim]));
    };
    this.lowerMask = mask(false);
    this.upperMask = mask(true);
    this.signs = tf.keep(tf.tensor1d(Float32Array.from(signs)));
  }

  /**
   * Sets the map to x = W z + b for a given invertible W (row-major),
   * by LU decomposition without pivoting.
   *
   * @throws RangeError when W is singular, or needs row exchanges.
   */
  setMatrix(matrix: ArrayLike<number>, bias?: ArrayLike<number>): void {
    const n = this.dim;
    if (matrix.length !== n * n) {
      throw new RangeError(`LinearLU.setMatrix: expected ${n * n} entries, got ${matrix.length}`);
    }
    const a = Float64Array.from(matrix);
    const norm = Math.max(...Array.from(a, Math.abs));
    const lower = new Float32Array(n * n);
    for (let k = 0; k < n; k++) {
      const pivot = a[k * n + k];
      if (!(Math.abs(pivot) > 1e-7 * norm)) {
        throw new RangeError(
          `linear-lu layer: matrix is singular (or needs pivoting) at pivot ${k}, value ${pivot}`,
        );
      }
      for (let i = k + 1; i < n; i++) {
        const f = a[i * n + k] / pivot;
        lower[i * n + k] = f;
        for (let j = k; j < n; j++) a[i * n + j] -= f * a[k * n + j];
      }
    }
    const signs = this.signs.dataSync();
    const upper = new Float32Array(n * n);
    const logDiag = new Float32Array(n);
    for (let i = 0; i < n; i++) {
      if (Math.sign(a[i * n + i]) !== signs[i]) {
        throw new RangeError(`linear-lu layer: pivot ${i} has sign ${Math.sign(a[i * n + i])}, the layer's fixed sign is ${signs[i]}`);
      }
      logDiag[i] = Math.log(Math.abs(a[i * n + i]));
      for (let j = i + 1; j < n; j++) upper[i * n + j] = a[i * n + j];
    }
    assignValues(this.lower, lower);
    assignValues(this.upper, upper);
    assignValues(this.logDiag, logDiag);
    if (bias) assignValues(this.bias, Float32Array.from(bias));
  }

  private factors(): { l: Tensor2D; strictUpper: Tensor2D; diag: Tensor1D } {
    const eye = tf.eye(this.dim);
    const l = tf.add(eye, tf.mul(this.lower, this.lowerMask)) as Tensor2D;
    const strictUpper = tf.mul(this.upper, this.upperMask) as Tensor2D;
    const diag = tf.mul(this.signs, tf.exp(this.logDiag)) as Tensor1D;
    return { l, strictUpper, diag };
  }

  /** W = L (U + diag). */
  matrix(): Tensor2D {
    const { l, strictUpper, diag } = this.factors();
    const diagonal = tf.mul(tf.eye(this.dim), tf.reshape(diag, [1, -1]));
    return tf.matMul(l, tf.add(strictUpper, diagonal)) as Tensor2D;
  }

  /** (I + N)^-1 = sum_{n < dim} (-N)^n for a nilpotent N. */
  private neumann(nilpotent: Tensor2D): Tensor2D {
    let term = tf.eye(this.dim) as Tensor2D;
    let total = term;
    for (let n = 1; n < this.dim; n++) {
      term = tf.neg(tf.matMul(term, nilpotent)) as Tensor2D;
      total = tf.add(total, term) as Tensor2D;
    }
    return total;
  }

  /** W^-1 = (I + D^-1 U)^-1 D^-1 L^-1. */
  private inverseMatrix(): Tensor2D {
    const { l, strictUpper, diag } = this.factors();
    const invDiag = tf.reciprocal(diag);
    const lowerInverse = this.neumann(tf.sub(l, tf.eye(this.dim)) as Tensor2D);
    const scaled = tf.mul(tf.reshape(invDiag, [-1, 1]), strictUpper) as Tensor2D;
    const upperInverse = tf.mul(this.neumann(scaled), tf.reshape(invDiag, [1, -1])) as Tensor2D;
    return tf.matMul(upperInverse, lowerInverse) as Tensor2D;
  }

  private logDet(batch: number, sign: number): Tensor1D {
    return tf.mul(tf.ones([batch]), tf.mul(tf.sum(this.logDiag), sign)) as Tensor1D;
  }

  forwardColumns(z: Tensor2D): BijectorResult {
    checkRows(this.type, z, this.dim);
    const y = tf.add(tf.matMul(this.matrix(), z), this.bias) as Tensor2D;
    return { y, logDet: this.logDet(z.shape[1], 1) };
  }

  inverseColumns(x: Tensor2D): BijectorResult {
    checkRows(this.type, x, this.dim);
    const y = tf.matMul(this.inverseMatrix(), tf.sub(x, this.bias)) as Tensor2D;
    return { y, logDet: this.logDet(x.shape[1], -1) };
  }

  parameters(): NamedVariable[] {
    return [
      { name: 'lower', variable: this.lower },
      { name: 'upper', variable: this.upper },
      { name: 'logDiag', variable: this.logDiag },
      { name: 'bias', variable: this.bias },
    ];
  }

  spec(): BijectorSpec {
    return { type: this.type, options: { ...this.options, signs: this.options.signs ? [...this.options.signs] : undefined } };
  }

  dispose(): void {
    [this.lower, this.upper, this.logDiag, this.bias, this.lowerMask, this.upperMask, this.signs].forEach((t) =>
      t.dispose(),
    );
  }
}
