import { pairwiseMutualInformation } from '@neuralrg/information';
import type {
  DistanceGroup,
  LevelGroup,
  LevelPairGroup,
  SitePairRecord,
} from './analysis-schema';
import { siteDistance } from './lattice-geometry';
import { groupByKey, meanStd } from './statistics';

export interface MutualInformationOptions {
  k: number;
  algorithm: 1 | 2;
  distance: 'euclidean' | 'manhattan';
  /** Called with pairs done and the total over both variable sets. */
  onProgress?(done: number, total: number): void;
}

export interface MutualInformationSection {
  groupedBy: 'euclidean' | 'manhattan';
  pairs: SitePairRecord[];
  byDistance: DistanceGroup[];
  byLevel: LevelGroup[];
  betweenLevels: LevelPairGroup[];
  total: { physical: number; latent: number };
}

/** Column s of a row-major [n, size] table, in float64. */
function columns(table: Float32Array, n: number, size: number): Float64Array[] {
  return Array.from({ length: size }, (_, s) => {
    const column = new Float64Array(n);
    for (let b = 0; b < n; b++) column[b] = table[b * size + s];
    return column;
  });
}

function byDistance(
  pairs: readonly SitePairRecord[],
  metric: 'euclidean' | 'manhattan',
): DistanceGroup[] {
  const key = (p: SitePairRecord) => (metric === 'euclidean' ? p.euclideanDistance : p.manhattanDistance);
  return groupByKey(pairs, key).map(({ key: distance, items }) => ({
    distance,
    pairs: items.length,
    physical: meanStd(items.map((p) => p.physical)),
    latent: meanStd(items.map((p) => p.latent)),
  }));
}

/**
 * KSG mutual information of every pair of sites, between physical
 * variables x_a, x_b and between latent variables z_a, z_b of the same
 * draws, grouped by periodic lattice distance, by RG level (pairs of
 * latents that both leave the hierarchy at one level) and by pairs of
 * levels.
 *
 * @param siteLevels - RG level of the latent variable at each site.
 */
export function mutualInformationSection(
  x: Float32Array,
  z: Float32Array,
  n: number,
  L: number,
  siteLevels: Int32Array,
  options: MutualInformationOptions,
): MutualInformationSection {
  const size = L * L;
  const total = size * (size - 1);
  const estimate = (table: Float32Array, offset: number) =>
    pairwiseMutualInformation(columns(table, n, size), {
      k: options.k,
      algorithm: options.algorithm,
      onProgress: (done) => options.onProgress?.(offset + done, total),
    }).matrix;
  const physical = estimate(x, 0);
  const latent = estimate(z, total / 2);

  const pairs: SitePairRecord[] = [];
  for (let a = 0; a < size; a++) {
    for (let b = a + 1; b < size; b++) {
      const { euclidean, manhattan } = siteDistance(L, a, b);
      pairs.push({
        siteA: a,
        siteB: b,
        euclideanDistance: euclidean,
        manhattanDistance: manhattan,
        levelA: siteLevels[a],
        levelB: siteLevels[b],
        physical: physical[a * size + b],
        latent: latent[a * size + b],
      });
    }
  }

  const levels = [...new Set(siteLevels)].sort((a, b) => a - b);
  const byLevel: LevelGroup[] = levels.map((level) => {
    const inside = pairs.filter((p) => p.levelA === level && p.levelB === level);
    return {
      level,
      sites: Array.from(siteLevels.keys()).filter((s) => siteLevels[s] === level),
      pairs: inside.length,
      physical: meanStd(inside.map((p) => p.physical)),
      latent: meanStd(inside.map((p) => p.latent)),
      byDistance: byDistance(inside, options.distance),
    };
  });
  const betweenLevels: LevelPairGroup[] = [];
  for (const levelA of levels) {
    for (const levelB of levels.filter((l) => l >= levelA)) {
      const group = pairs.filter(
        (p) => Math.min(p.levelA, p.levelB) === levelA && Math.max(p.levelA, p.levelB) === levelB,
      );
      betweenLevels.push({
        levelA,
        levelB,
        pairs: group.length,
        physical: meanStd(group.map((p) => p.physical)),
        latent: meanStd(group.map((p) => p.latent)),
      });
    }
  }
  const sum = (key: 'physical' | 'latent') => pairs.reduce((s, p) => s + p[key], 0);
  return {
    groupedBy: options.distance,
    pairs,
    byDistance: byDistance(pairs, options.distance),
    byLevel,
    betweenLevels,
    total: { physical: sum('physical'), latent: sum('latent') },
  };
}
