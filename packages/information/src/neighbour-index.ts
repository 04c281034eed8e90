// Globals copied once: in a vm context (jest) each global lookup in a hot loop is slow.
const { abs } = Math;

/**
 * Neighbour queries on a fixed set of points under the max-norm
 * ||a - b|| = max_c |a_c - b_c|, the norm of the KSG and
 * Kozachenko-Leonenko estimators. A query is about one of the indexed
 * points, which never counts as its own neighbour.
 */
export interface NeighbourIndex {
  /**
   * The k nearest neighbours of point i: their indices and distances, in
   * increasing distance, written to `indices[0..k)` and `distances[0..k)`.
   */
  nearest(i: number, k: number, indices: Int32Array, distances: Float64Array): void;
  /**
   * The number of points j != i with ||x_j - x_i|| < radius, or <= radius
   * when `inclusive`.
   */
  countWithin(i: number, radius: number, inclusive: boolean): number;
}

/** The neighbour searches: a plain O(n) scan per query, or a space-partitioning one. */
export const NEIGHBOUR_SEARCHES = ['kd-tree', 'projection', 'brute-force'] as const;
export type NeighbourSearch = (typeof NEIGHBOUR_SEARCHES)[number];

/** Max-norm distance between rows a and b of a row-major [n, dim] array. */
export function maxNormDistance(points: Float64Array, dim: number, a: number, b: number): number {
  let d = 0;
  const pa = a * dim;
  const pb = b * dim;
  for (let c = 0; c < dim; c++) {
    const diff = abs(points[pa + c] - points[pb + c]);
    if (diff > d) d = diff;
  }
  return d;
}

/**
 * Inserts (index, distance) into the first `filled` entries of a buffer
 * kept sorted by distance, dropping the largest when the buffer has
 * `k` entries. Returns the new fill.
 */
export function insertNeighbour(
  indices: Int32Array,
  distances: Float64Array,
  filled: number,
  k: number,
  index: number,
  distance: number,
): number {
  let p = filled < k ? filled : k - 1;
  if (filled >= k && distance >= distances[k - 1]) return filled;
  while (p > 0 && distances[p - 1] > distance) {
    distances[p] = distances[p - 1];
    indices[p] = indices[p - 1];
    p--;
  }
  distances[p] = distance;
  indices[p] = index;
  return filled < k ? filled + 1 : k;
}
