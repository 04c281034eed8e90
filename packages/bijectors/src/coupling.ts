import { Rng, tf } from '@neuralrg/tensor';
import type { Tensor1D, Tensor2D } from '@neuralrg/tensor';
import { BijectorResult, BijectorSpec, NamedVariable, prefixed } from './bijector';
import { ColumnBijector, checkRows } from './columns';
import { ConvNet, ConvOptions, checkConvOptions } from './conv';
import { Mlp, MlpOptions } from './mlp';
import { RowPermutation } from './permute';

export interface CouplingOptions extends MlpOptions {
  /** Width of the vectors. */
  dim: number;
  /**
   * Without a mask: 0 lets the first half condition the second, 1 the
   * other way round (dim must be even).
   */
  parity?: 0 | 1;
  /** 1 marks a conditioning variable, 0 a transformed one; overrides parity. */
  mask?: readonly number[];
  /**
   * A convolutional conditioner on a periodic lattice instead of the MLP:
   * its `channels` replace `hidden`, and dim must be the lattice's size.
   */
  conv?: ConvOptions;
}

export interface AffineCouplingOptions extends CouplingOptions {
  /** Bound on |s|: s = bound * tanh(raw / bound). */
  scaleBound: number;
}

/** The conditioning and transformed index sets of a coupling. */
function partition(options: CouplingOptions, owner: string): { conditioning: number[]; transformed: number[] } {
  const { dim, mask } = options;
  if (!Number.isInteger(dim) || dim < 2) {
    throw new RangeError(`${owner}: dim must be an integer >= 2, got ${dim}`);
  }
  if (mask === undefined) {
    if (dim % 2 !== 0) {
      throw new RangeError(`${owner}: dim must be even without a mask, got ${dim}`);
    }
    const first = Array.from({ length: dim / 2 }, (_, i) => i);
    const second = first.map((i) => i + dim / 2);
    return (options.parity ?? 0) === 0
      ? { conditioning: first, transformed: second }
      : { conditioning: second, transformed: first };
  }
  if (mask.length !== dim || mask.some((m) => m !== 0 && m !== 1)) {
    throw new RangeError(
      `${owner}: mask must have ${dim} entries, each 0 or 1, got [${mask.join(', ')}]`,
    );
  }
  const conditioning = [...mask.keys()].filter((i) => mask[i] === 1);
  const transformed = [...mask.keys()].filter((i) => mask[i] === 0);
  if (conditioning.length === 0 || transformed.length === 0) {
    throw new RangeError(`${owner}: mask must mark at least one variable of each kind, got [${mask.join(', ')}]`);
  }
  return { conditioning, transformed };
}

/**
 * Shared machinery of coupling layers: the variables are split into a
 * conditioning set a, passed through unchanged, and a transformed set b,
 * updated elementwise with parameters computed from a by an MLP.
 */
abstract class Coupling extends ColumnBijector {
  readonly dim: number;
  protected readonly sizes: [number, number];
  protected readonly net: Mlp | ConvNet;
  private readonly permutation?: RowPermutation;
  private readonly swapped: boolean;

  protected constructor(
    readonly options: CouplingOptions,
    outputsPerVariable: number,
    rng: Rng,
  ) {
    super();
    const owner = new.target.name;
    const { conditioning, transformed } = partition(options, owner);
    this.dim = options.dim;
    this.sizes = [conditioning.length, transformed.length];
    const halves = options.mask === undefined;
    this.swapped = halves && (options.parity ?? 0) === 1;
    if (!halves) this.permutation = new RowPermutation([...conditioning, ...transformed], owner);
    if (options.conv) checkConvOptions(options.conv, this.dim, owner);
    this.net = options.conv
      ? new ConvNet(conditioning, transformed, outputsPerVariable, options.conv, options.activation, options.outputGain, rng)
      : new Mlp(conditioning.length, outputsPerVariable * transformed.length, options, rng);
  }

  /** Rows reordered to (conditioning, transformed). */
  private split(x: Tensor2D): [Tensor2D, Tensor2D] {
    const ordered = this.permutation ? this.permutation.apply(x) : x;
    const [first, second] = tf.split(ordered, this.swapped ? [this.sizes[1], this.sizes[0]] : this.sizes, 0) as [
      Tensor2D,
      Tensor2D,
    ];
    return this.swapped ? [second, first] : [first, second];
  }

  private join(conditioning: Tensor2D, transformed: Tensor2D): Tensor2D {
    const joined = tf.concat(this.swapped ? [transformed, conditioning] : [conditioning, transformed], 0);
    return this.permutation ? this.permutation.undo(joined) : joined;
  }

  /** The transformed half and ln|det| of the elementwise map, given the conditioning half. */
  protected abstract transform(
    conditioning: Tensor2D,
    input: Tensor2D,
    direction: 'forward' | 'inverse',
  ): { output: Tensor2D; logDet: Tensor1D };

  forwardColumns(z: Tensor2D): BijectorResult {
    return this.pass(z, 'forward');
  }

  inverseColumns(x: Tensor2D): BijectorResult {
    return this.pass(x, 'inverse');
  }

  private pass(x: Tensor2D, direction: 'forward' | 'inverse'): BijectorResult {
    checkRows(this.type, x, this.dim);
    const [a, b] = this.split(x);
    const { output, logDet } = this.transform(a, b, direction);
    return { y: this.join(a, output), logDet };
  }

  parameters(): NamedVariable[] {
    return prefixed('net', this.net.parameters());
  }

  spec(): BijectorSpec {
    const { mask, conv, ...rest } = this.options;
    const options: Record<string, unknown> = { ...rest };
    if (mask) options.mask = [...mask];
    if (conv) options.conv = { ...conv, lattice: [...conv.lattice], channels: [...conv.channels] };
    return { type: this.type, options };
  }

  dispose(): void {
    this.net.dispose();
    this.permutation?.dispose();
  }
}

/**
 * RealNVP affine coupling (Dinh, Sohl-Dickstein and Bengio,
 * arXiv:1605.08803):
 *   forward:  x_a = z_a,  x_b = z_b * exp(s(z_a)) + t(z_a)
 *   inverse:  z_a = x_a,  z_b = (x_b - t(x_a)) * exp(-s(x_a))
 * and ln|det dx/dz| = sum_j s_j. One MLP yields both s and t, and
 * s = bound * tanh(raw / bound) keeps each step's scale bounded.
 */
export class AffineCoupling extends Coupling {
  readonly type = 'affine-coupling';

  constructor(override readonly options: AffineCouplingOptions, rng: Rng) {
    super(options, 2, rng);
    const bound = options.scaleBound;
    if (!(bound > 0) || !Number.isFinite(bound)) {
      throw new RangeError(`AffineCoupling: scaleBound must be positive and finite, got ${bound}`);
    }
  }

  protected transform(conditioning: Tensor2D, input: Tensor2D, direction: 'forward' | 'inverse') {
    const [raw, shift] = tf.split(this.net.apply(conditioning), 2, 0) as [Tensor2D, Tensor2D];
    const bound = this.options.scaleBound;
    const s = tf.mul(tf.tanh(tf.div(raw, bound)), bound) as Tensor2D;
    const sum = tf.sum(s, 0) as Tensor1D;
    if (direction === 'forward') {
      return { output: tf.add(tf.mul(input, tf.exp(s)), shift) as Tensor2D, logDet: sum };
    }
    return { output: tf.mul(tf.sub(input, shift), tf.exp(tf.neg(s))) as Tensor2D, logDet: tf.neg(sum) as Tensor1D };
  }
}

/**
 * NICE additive coupling (Dinh, Krueger and Bengio, arXiv:1410.8516):
 * x_b = z_b + t(z_a), volume preserving, ln|det| = 0.
 */
export class AdditiveCoupling extends Coupling {
  readonly type = 'additive-coupling';

  constructor(options: CouplingOptions, rng: Rng) {
    super(options, 1, rng);
  }

  protected transform(conditioning: Tensor2D, input: Tensor2D, direction: 'forward' | 'inverse') {
    const shift = this.net.apply(conditioning);
    const output = (direction === 'forward' ? tf.add(input, shift) : tf.sub(input, shift)) as Tensor2D;
    return { output, logDet: tf.zeros([input.shape[1]]) as Tensor1D };
  }
}
