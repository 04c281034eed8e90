import { Rng, tf, variableOf } from '@neuralrg/tensor';
import type { Tensor2D, Tensor4D, Variable } from '@neuralrg/tensor';
import type { NamedVariable } from './bijector';
import { glorotVariableOfShape } from './init';
import { activate, Activation } from './mlp';
import { RowPermutation } from './permute';

/** Geometry and widths of a convolutional conditioner on a periodic lattice. */
export interface ConvOptions {
  /** Lattice shape [height, width]; the coupling's dim must be height * width. */
  lattice: readonly [number, number];
  /** Channels of the hidden convolutions, e.g. [16, 16]. */
  channels: readonly number[];
  /** Odd side of every kernel (default 3). */
  kernelSize?: number;
}

/** Checks a conv conditioner's options against the coupling's dim; returns the kernel size. */
export function checkConvOptions(conv: ConvOptions, dim: number, owner: string): number {
  const [h, w] = conv.lattice ?? [];
  if (!Number.isInteger(h) || !Number.isInteger(w) || h < 1 || w < 1 || h * w !== dim) {
    throw new RangeError(
      `${owner}: conv lattice must be [height, width] with height * width = dim = ${dim}, got ${JSON.stringify(conv.lattice)}`,
    );
  }
  const k = conv.kernelSize ?? 3;
  if (!Number.isInteger(k) || k < 1 || k % 2 === 0 || k > Math.min(h, w)) {
    throw new RangeError(`${owner}: conv kernelSize must be an odd integer no larger than the lattice, got ${k}`);
  }
  if (!Array.isArray(conv.channels) || conv.channels.some((c) => !Number.isInteger(c) || c <= 0)) {
    throw new RangeError(`${owner}: conv channels must be positive integers, got ${JSON.stringify(conv.channels)}`);
  }
  return k;
}

/** Pads a [B, H, W, C] batch by r sites on every side with its periodic images. */
function periodicPad(x: Tensor4D, r: number): Tensor4D {
  if (r === 0) return x;
  const [, h, w] = x.shape;
  const rows = tf.concat([tf.slice(x, [0, h - r, 0, 0], [-1, r, -1, -1]), x, tf.slice(x, [0, 0, 0, 0], [-1, r, -1, -1])], 1);
  return tf.concat(
    [tf.slice(rows, [0, 0, w - r, 0], [-1, -1, r, -1]), rows, tf.slice(rows, [0, 0, 0, 0], [-1, -1, r, -1])],
    2,
  ) as Tensor4D;
}

/**
 * A 'valid' convolution of a [B, H + k - 1, W + k - 1, C] batch with a
 * [k, k, C, C'] filter, written as patches times a matrix: the WebAssembly
 * backend has no gradient kernels for conv2d, and slices, concatenations
 * and matrix products have them everywhere.
 */
export function convolve(padded: Tensor4D, filter: Tensor4D, height: number, width: number): Tensor4D {
  const [k, , inputs, outputs] = filter.shape;
  const batch = padded.shape[0];
  const patches: Tensor4D[] = [];
  for (let di = 0; di < k; di++) {
    for (let dj = 0; dj < k; dj++) patches.push(tf.slice(padded, [0, di, dj, 0], [batch, height, width, inputs]));
  }
  const columns = tf.reshape(patches.length === 1 ? patches[0] : tf.concat(patches, 3), [batch * height * width, k * k * inputs]);
  const product = tf.matMul(columns, tf.reshape(filter, [k * k * inputs, outputs]));
  return tf.reshape(product, [batch, height, width, outputs]);
}

/**
 * A translation-equivariant conditioner for a coupling on a periodic
 * lattice: the conditioning variables are placed on the lattice (the
 * transformed sites read 0), convolutions with periodic padding map the
 * one input channel through the hidden channels to `outputsPerSite`
 * channels, and the outputs at the transformed sites are returned,
 * channel-major: rows [c * n_b + j] for channel c and transformed site j.
 * Batches are feature-major, like every conditioner here.
 */
export class ConvNet {
  private readonly filters: Variable[] = [];
  private readonly biases: Variable[] = [];
  private readonly kernelSize: number;
  /** Site order to (conditioning, transformed) order. */
  private readonly placement: RowPermutation;
  /** Channel-major output rows with the transformed sites' rows first. */
  private readonly picks: RowPermutation;
  private readonly transformedCount: number;
  private readonly sites: number;

  constructor(
    conditioning: readonly number[],
    transformed: readonly number[],
    readonly outputsPerSite: number,
    readonly conv: ConvOptions,
    readonly activation: Activation,
    outputGain: number,
    rng: Rng,
  ) {
    const [h, w] = conv.lattice;
    this.sites = h * w;
    this.kernelSize = checkConvOptions(conv, h * w, 'ConvNet');
    // Permutations rather than general gathers: their gradients are gathers
    // too, where a general gather's would need a scatter-add.
    this.placement = new RowPermutation([...conditioning, ...transformed], 'ConvNet');
    this.transformedCount = transformed.length;
    const picked: number[] = [];
    for (let c = 0; c < outputsPerSite; c++) for (const site of transformed) picked.push(c * this.sites + site);
    const chosen = new Set(picked);
    const rest = Array.from({ length: outputsPerSite * this.sites }, (_, i) => i).filter((i) => !chosen.has(i));
    this.picks = new RowPermutation([...picked, ...rest], 'ConvNet');

    const sizes = [1, ...conv.channels, outputsPerSite];
    const k = this.kernelSize;
    for (let i = 0; i + 1 < sizes.length; i++) {
      const last = i + 2 === sizes.length;
      const shape = [k, k, sizes[i], sizes[i + 1]];
      this.filters.push(glorotVariableOfShape(rng, k * k * sizes[i], k * k * sizes[i + 1], shape, last ? outputGain : 1));
      this.biases.push(variableOf(tf.zeros([sizes[i + 1]])));
    }
  }

  /** Conditioning rows [n_a, B] to outputs [outputsPerSite * n_b, B]. */
  apply(conditioning: Tensor2D): Tensor2D {
    const batch = conditioning.shape[1];
    const [h, w] = this.conv.lattice;
    // The lattice with zeros at the transformed sites.
    const lattice = this.placement.undo(tf.concat([conditioning, tf.zeros([this.transformedCount, batch])], 0));
    let x = tf.reshape(tf.transpose(lattice), [batch, h, w, 1]) as Tensor4D;
    const r = (this.kernelSize - 1) / 2;
    const last = this.filters.length - 1;
    this.filters.forEach((filter, i) => {
      const y = tf.add(convolve(periodicPad(x, r), filter as Tensor4D, h, w), this.biases[i]) as Tensor4D;
      x = i < last ? activate(y, this.activation) : y;
    });
    // [B, H, W, C] -> [C, sites, B] -> rows c * sites + site; then the transformed sites of each channel.
    const channelMajor = tf.transpose(tf.reshape(x, [batch, this.sites, this.outputsPerSite]), [2, 1, 0]);
    const rows = tf.reshape(channelMajor, [this.outputsPerSite * this.sites, batch]) as Tensor2D;
    return tf.slice(this.picks.apply(rows), [0, 0], [this.outputsPerSite * this.transformedCount, batch]);
  }

  parameters(): NamedVariable[] {
    return this.filters.flatMap((f, i) => [
      { name: `conv${i}.filter`, variable: f },
      { name: `conv${i}.bias`, variable: this.biases[i] },
    ]);
  }

  dispose(): void {
    [...this.filters, ...this.biases].forEach((v) => v.dispose());
    this.placement.dispose();
    this.picks.dispose();
  }
}
