import { Rng } from '@neuralrg/tensor';
import { Bijector } from './bijector';
import { Blockwise } from './blockwise';
import { Chain } from './chain';
import { blockSites, chainBlockSites, checkPowerOf, checkPowerOfTwo } from './lattice';
import { Activation } from './mlp';
import { convRealNvp } from './realnvp';
import { buildBijector } from './registry';

/**
 * The flow layouts: the MERA-like hierarchy, its decimator-only and
 * disentangler-only parts, and 'conv', checkerboard couplings over the
 * whole lattice with convolutional conditioners (no RG levels).
 */
export const LAYOUTS = ['mera', 'decimator', 'disentangler', 'conv'] as const;
export type Layout = (typeof LAYOUTS)[number];

/** Whether a layout decimates, so that its latent variables belong to RG levels. */
export function layoutHasLevels(layout: Layout): boolean {
  return layout === 'mera' || layout === 'decimator';
}

export interface HierarchyOptions {
  /** Linear size: L x L sites for dims = 2, a chain of L sites for dims = 1. */
  L: number;
  /** 2 (periodic square lattice, the default) or 1 (periodic chain). */
  dims?: 1 | 2;
  /** Sites per block on a chain: 2 (default) or 4. */
  blockSize?: number;
  /**
   * Side of the square blocks on a 2D lattice: 2 (default) or 4. Every level
   * still halves the lattice; 4x4 blocks reach twice as far, and a level
   * whose grid is smaller than the kernel uses blocks of the whole grid.
   * For the 'conv' layout, the odd side of the convolution kernels (default 3).
   */
  kernel?: number;
  /** 'mera': disentanglers and a decimator per level; 'decimator': decimators
   * only (a tree); 'disentangler': dense block layers at level 0 only;
   * 'conv': `couplingLayers` checkerboard couplings over the whole 2D
   * lattice whose conditioners are convolutions with `hidden` channels. */
  layout: Layout;
  /** Number of RG levels (default: all); for 'disentangler', the number of layers. */
  depth?: number;
  /** Disentanglers per level in the 'mera' layout (default 1). */
  repeats?: number;
  /** Registered bijector type of every block (default 'realnvp'). */
  block?: string;
  /** Extra options for the block factory, merged over the ones below. */
  blockOptions?: Record<string, unknown>;
  /** Coupling layers in each RealNVP block. */
  couplingLayers: number;
  /** Hidden widths of each coupling's MLP. */
  hidden: readonly number[];
  activation: Activation;
  /** Bound on each coupling's log-scale. */
  scaleBound: number;
}

export const DEFAULT_HIERARCHY: Omit<HierarchyOptions, 'L'> = {
  layout: 'mera',
  repeats: 1,
  couplingLayers: 10,
  hidden: [10, 10, 10],
  activation: 'elu',
  scaleBound: 2,
};

/** One block layer of the hierarchy, in generation order. */
export interface LayerInfo {
  role: 'disentangler' | 'decimator';
  level: number;
  shifted: boolean;
}

/** Geometry of a hierarchy: sites per block and the number of RG levels. */
function geometry(options: HierarchyOptions): { size: number; blockSize: number; levels: number } {
  const { L } = options;
  const dims = options.dims ?? 2;
  if (dims === 2) {
    checkPowerOfTwo(L);
    if (options.blockSize !== undefined && options.blockSize !== 4) {
      throw new RangeError(`2D lattices set their blocks by kernel, not blockSize; got blockSize ${options.blockSize}`);
    }
    const kernel = options.kernel ?? 2;
    if (kernel !== 2 && kernel !== 4) throw new RangeError(`hierarchy kernel must be 2 or 4, got ${kernel}`);
    return { size: L * L, blockSize: kernel * kernel, levels: Math.log2(L) };
  }
  if (dims !== 1) throw new RangeError(`hierarchy dims must be 1 or 2, got ${dims}`);
  if (options.kernel !== undefined) {
    throw new RangeError(`kernel applies to 2D lattices; a chain sets blockSize instead (got kernel ${options.kernel})`);
  }
  const blockSize = options.blockSize ?? 2;
  if (blockSize !== 2 && blockSize !== 4) {
    throw new RangeError(`chain block size must be 2 or 4, got ${blockSize}`);
  }
  checkPowerOf(L, blockSize);
  return { size: L, blockSize, levels: Math.round(Math.log(L) / Math.log(blockSize)) };
}

/** The 'conv' layout: checkerboard couplings with convolutional conditioners. */
function buildConvLayout(options: HierarchyOptions, rng: Rng): Chain {
  if ((options.dims ?? 2) !== 2) throw new RangeError(`the 'conv' layout needs a 2D lattice, got dims ${options.dims}`);
  if (options.block !== undefined && options.block !== 'realnvp') {
    throw new RangeError(`the 'conv' layout builds its own couplings; block '${options.block}' does not apply`);
  }
  return convRealNvp(
    {
      L: options.L,
      layers: options.couplingLayers,
      channels: options.hidden,
      kernelSize: options.kernel,
      activation: options.activation,
      scaleBound: options.scaleBound,
    },
    rng,
  );
}

/** The layers of a hierarchy in generation order (coarse to fine). */
export function hierarchyLayers(options: HierarchyOptions): LayerInfo[] {
  const { L, layout } = options;
  const { levels } = geometry(options);
  const depth = options.depth ?? levels;
  const repeats = options.repeats ?? 1;
  if (!(LAYOUTS as readonly string[]).includes(layout)) {
    throw new RangeError(`hierarchy layout must be one of ${LAYOUTS.join(', ')}, got '${layout}'`);
  }
  if (layout !== 'disentangler' && (!Number.isInteger(depth) || depth < 1 || depth > levels)) {
    throw new RangeError(`hierarchy depth must be an integer in 1..${levels} for L = ${L}, got ${depth}`);
  }
  if (!Number.isInteger(repeats) || repeats < 0) {
    throw new RangeError(`hierarchy repeats must be a non-negative integer, got ${repeats}`);
  }
  const layers: LayerInfo[] = [];
  if (layout === 'conv') return layers;
  if (layout === 'disentangler') {
    if (!Number.isInteger(depth) || depth < 1) {
      throw new RangeError(`hierarchy depth must be a positive integer, got ${depth}`);
    }
    for (let i = depth - 1; i >= 0; i--) {
      layers.push({ role: 'disentangler', level: 0, shifted: i % 2 === 1 });
    }
    return layers;
  }
  for (let level = depth - 1; level >= 0; level--) {
    layers.push({ role: 'decimator', level, shifted: false });
    if (layout === 'mera') {
      for (let r = 0; r < repeats; r++) layers.push({ role: 'disentangler', level, shifted: true });
    }
  }
  return layers;
}

/** Side of the 2D blocks at one level: the kernel, or the whole grid where that is smaller. */
function kernelAt(options: HierarchyOptions, level: number): number {
  return Math.min(options.kernel ?? 2, options.L >> level);
}

/** Site indices of the blocks of one layer. */
export function layerSites(options: HierarchyOptions, info: LayerInfo): Int32Array {
  const { blockSize } = geometry(options);
  return (options.dims ?? 2) === 2
    ? blockSites(options.L, info.level, info.shifted, kernelAt(options, info.level))
    : chainBlockSites(options.L, info.level, info.shifted, blockSize);
}

/** Variables per block in one layer. */
function layerBlockSize(options: HierarchyOptions, info: LayerInfo): number {
  if ((options.dims ?? 2) === 1) return geometry(options).blockSize;
  return kernelAt(options, info.level) ** 2;
}

/**
 * The MERA-like hierarchical flow (Li and Wang, PRL 121, 260601, 2018) on
 * a periodic L x L lattice or chain: every layer applies one block
 * bijector, shared by all blocks of the layer, at dilation 2^level on a
 * lattice (blockSize^level on a chain). In the renormalisation direction,
 * level 0 comes first: disentanglers on the shifted tiling, then a
 * decimator on the unshifted tiling, after which only the sites on the
 * next level's grid go on (one per 2x2 block, four per 4x4 block, the
 * first site of a chain block). The block type comes from the bijector
 * registry, so plugins and linear blocks slot in by name.
 */
export function buildHierarchy(options: HierarchyOptions, rng: Rng): Chain {
  if (options.layout === 'conv') return buildConvLayout(options, rng);
  const { size } = geometry(options);
  const parts: Bijector[] = hierarchyLayers(options).map((info) => {
    const blockSize = layerBlockSize(options, info);
    const blockSpec = {
      type: options.block ?? 'realnvp',
      options: {
        dim: blockSize,
        layers: options.couplingLayers,
        hidden: [...options.hidden],
        activation: options.activation,
        scaleBound: options.scaleBound,
        ...options.blockOptions,
      },
    };
    const block = buildBijector(blockSpec, rng);
    if (block.dim !== blockSize) {
      throw new RangeError(`block type '${blockSpec.type}' built a bijector of dim ${block.dim}, expected ${blockSize}`);
    }
    return new Blockwise(size, layerSites(options, info), block);
  });
  return new Chain(parts);
}

/**
 * The RG level at which each latent variable leaves the hierarchy: sites
 * on the grid of spacing b^k but not b^(k+1) (b = 2 on lattices, the block
 * size on chains) are set at level k; those that survive all `depth`
 * levels get level `depth`. Lattice sites are numbered i * L + j.
 */
export function latentLevels(L: number, depth?: number, dims: 1 | 2 = 2, blockSize = 2): Int32Array {
  if (dims === 2) checkPowerOfTwo(L);
  else checkPowerOf(L, blockSize);
  const base = dims === 2 ? 2 : blockSize;
  const maxDepth = Math.round(Math.log(L) / Math.log(base));
  const levels = depth ?? maxDepth;
  const levelOf = (i: number) => {
    let level = 0;
    while (level < levels && i % base ** (level + 1) === 0) level++;
    return level;
  };
  if (dims === 1) return Int32Array.from({ length: L }, (_, i) => levelOf(i));
  const out = new Int32Array(L * L);
  for (let i = 0; i < L; i++) for (let j = 0; j < L; j++) out[i * L + j] = Math.min(levelOf(i), levelOf(j));
  return out;
}
