import { Rng } from '@neuralrg/tensor';
import { Bijector } from './bijector';
import { Blockwise } from './blockwise';
import { Chain } from './chain';
import { blockSites, checkPowerOfTwo } from './lattice';
import { Activation } from './mlp';
import { realNvpBlock } from './realnvp';

/** The hierarchy layouts of the MERA-like flow. */
export const LAYOUTS = ['mera', 'decimator', 'disentangler'] as const;
export type Layout = (typeof LAYOUTS)[number];

export interface HierarchyOptions {
  /** Linear size of the periodic L x L lattice, a power of 2. */
  L: number;
  /** 'mera': disentanglers and a decimator per level; 'decimator': decimators
   * only (a tree); 'disentangler': dense 2x2 layers at level 0 only. */
  layout: Layout;
  /** Number of RG levels (default log2 L); for 'disentangler', the number of layers. */
  depth?: number;
  /** Disentanglers per level in the 'mera' layout (default 1). */
  repeats?: number;
  /** Coupling layers in each 2x2 block bijector. */
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

/** The layers of a hierarchy in generation order (coarse to fine). */
export function hierarchyLayers(options: HierarchyOptions): LayerInfo[] {
  const { L, layout } = options;
  checkPowerOfTwo(L);
  const levels = Math.log2(L);
  const depth = options.depth ?? levels;
  const repeats = options.repeats ?? 1;
  if (layout !== 'disentangler' && (!Number.isInteger(depth) || depth < 1 || depth > levels)) {
    throw new RangeError(`hierarchy depth must be an integer in 1..${levels} for L = ${L}, got ${depth}`);
  }
  if (!Number.isInteger(repeats) || repeats < 0) {
    throw new RangeError(`hierarchy repeats must be a non-negative integer, got ${repeats}`);
  }
  const layers: LayerInfo[] = [];
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

/**
 * The MERA-like hierarchical flow on an L x L periodic lattice (Li and
 * Wang, PRL 121, 260601, 2018): every layer is one RealNVP bijector on 2x2
 * blocks, shared by all blocks of the layer, at dilation 2^level. In the
 * renormalisation direction, level 0 comes first: disentanglers on the
 * shifted tiling, then a decimator on the unshifted tiling, after which only
 * the first site of each block goes on to the next level.
 */
export function buildHierarchy(options: HierarchyOptions, rng: Rng): Chain {
  const size = options.L * options.L;
  const parts: Bijector[] = hierarchyLayers(options).map((info) => {
    const block = realNvpBlock(
      {
        dim: 4,
        layers: options.couplingLayers,
        hidden: options.hidden,
        activation: options.activation,
        scaleBound: options.scaleBound,
        outputGain: 0,
      },
      rng,
    );
    return new Blockwise(size, blockSites(options.L, info.level, info.shifted), block);
  });
  return new Chain(parts);
}

/**
 * The RG level at which each latent variable leaves the hierarchy: sites on
 * the grid of spacing 2^k but not 2^(k+1) are set at level k; the sites
 * that survive all `depth` levels get level `depth`.
 */
export function latentLevels(L: number, depth = Math.log2(L)): Int32Array {
  checkPowerOfTwo(L);
  const out = new Int32Array(L * L);
  for (let i = 0; i < L; i++) {
    for (let j = 0; j < L; j++) {
      let level = 0;
      while (level < depth && i % (2 << level) === 0 && j % (2 << level) === 0) level++;
      out[i * L + j] = level;
    }
  }
  return out;
}
