import { BruteForceIndex } from './brute-force-index';
import { KdTree } from './kd-tree';
import type { NeighbourIndex } from './neighbour-index';
import { ProjectionIndex } from './projection-index';
import { SplitMix32 } from './random';
import { Samples, samplesOf } from './samples';

/** Normal draws, or draws on a coarse grid with many ties when `grid` is set. */
function points(n: number, dim: number, seed: number, grid = 0): Samples {
  const rng = new SplitMix32(seed);
  const values = Array.from({ length: n * dim }, () => {
    const v = rng.normal();
    return grid > 0 ? Math.round(v * grid) / grid : v;
  });
  return samplesOf(values, dim);
}

const FAST: [string, (s: Samples) => NeighbourIndex][] = [
  ['projection', (s) => new ProjectionIndex(s)],
  ['kd-tree', (s) => new KdTree(s)],
];

describe.each(FAST)('%s neighbour search', (_, build) => {
  // Every search computes the same float64 differences, so distances and
  // counts must agree exactly with the brute-force scan, not approximately.
  it.each([
    [1, 0],
    [2, 0],
    [3, 0],
    [5, 0],
    [2, 4],
  ])('finds the same k nearest distances as brute force (dim %i, grid %i)', (dim, grid) => {
    const samples = points(400, dim, 10 + dim + grid, grid);
    const reference = new BruteForceIndex(samples);
    const fast = build(samples);
    const k = 5;
    const [i1, d1, i2, d2] = [new Int32Array(k), new Float64Array(k), new Int32Array(k), new Float64Array(k)];
    for (let i = 0; i < samples.n; i++) {
      reference.nearest(i, k, i1, d1);
      fast.nearest(i, k, i2, d2);
      expect(Array.from(d2)).toEqual(Array.from(d1));
      expect(Array.from(i2)).not.toContain(i);
    }
  });

  it.each([
    [1, 0],
    [2, 0],
    [4, 0],
    [1, 3],
    [2, 3],
  ])('counts the points within a radius as brute force (dim %i, grid %i)', (dim, grid) => {
    const samples = points(300, dim, 20 + dim + grid, grid);
    const reference = new BruteForceIndex(samples);
    const fast = build(samples);
    const k = 4;
    const [idx, dist] = [new Int32Array(k), new Float64Array(k)];
    for (let i = 0; i < samples.n; i++) {
      // Radii that are exact neighbour distances test the strict and inclusive edges.
      reference.nearest(i, k, idx, dist);
      for (const radius of [dist[0], dist[k - 1], 0.37, 2.5, 0]) {
        for (const inclusive of [false, true]) {
          expect(fast.countWithin(i, radius, inclusive)).toBe(
            reference.countWithin(i, radius, inclusive),
          );
        }
      }
    }
  });
});
