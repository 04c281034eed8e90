import { NeighbourIndex, insertNeighbour, maxNormDistance } from './neighbour-index';
import type { Samples } from './samples';

/**
 * The reference neighbour search: every query scans all n points, O(n)
 * per query and O(n^2) per estimate. Kept simple so that the fast
 * searches can be tested against it.
 */
export class BruteForceIndex implements NeighbourIndex {
  constructor(private readonly samples: Samples) {}

  nearest(i: number, k: number, indices: Int32Array, distances: Float64Array): void {
    const { values, n, dim } = this.samples;
    let filled = 0;
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      filled = insertNeighbour(indices, distances, filled, k, j, maxNormDistance(values, dim, i, j));
    }
  }

  countWithin(i: number, radius: number, inclusive: boolean): number {
    const { values, n, dim } = this.samples;
    let count = 0;
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      const d = maxNormDistance(values, dim, i, j);
      if (d < radius || (inclusive && d === radius)) count++;
    }
    return count;
  }
}
