import { BruteForceIndex } from './brute-force-index';
import { KdTree } from './kd-tree';
import type { NeighbourIndex, NeighbourSearch } from './neighbour-index';
import { ProjectionIndex } from './projection-index';
import type { Samples } from './samples';

/**
 * The neighbour index of one point set for the named search. In 1D the
 * k-d tree search uses the sorted projection, which is a 1D k-d tree
 * without the tree.
 *
 * @param order - for 'projection', a precomputed sort order of the first coordinate.
 */
export function makeIndex(
  samples: Samples,
  search: NeighbourSearch,
  order?: Int32Array,
): NeighbourIndex {
  switch (search) {
    case 'brute-force':
      return new BruteForceIndex(samples);
    case 'kd-tree':
      return samples.dim === 1 ? new ProjectionIndex(samples, order) : new KdTree(samples);
    case 'projection':
      return new ProjectionIndex(samples, order);
  }
}
