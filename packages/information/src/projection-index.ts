import { NeighbourIndex, insertNeighbour } from './neighbour-index';
import type { Samples } from './samples';

// Globals copied once: in a vm context (jest) each global lookup in a hot loop is slow.
const { abs, min } = Math;
const INFINITY = Number.POSITIVE_INFINITY;

/**
 * The order that sorts the draws by their first coordinate (stable in
 * the draw index for equal values).
 */
export function projectionOrder(samples: Samples): Int32Array {
  const { values, n, dim } = samples;
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) keys[i] = values[i * dim];
  const order = Int32Array.from({ length: n }, (_, i) => i);
  order.sort((a, b) => keys[a] - keys[b] || a - b);
  return order;
}

/**
 * Neighbour search on the points sorted by their first coordinate (the
 * "sorted projection"): a query walks outwards from the point's rank and
 * stops once the gap in the first coordinate alone reaches the current
 * k-th distance, since the max-norm is never smaller than that gap. In 1D
 * this is exact binary search: counts take O(log n) by galloping. In
 * higher dimensions a query visits the points of a slab around the
 * point, about sqrt(k n) of them in 2D for smooth densities.
 */
export class ProjectionIndex implements NeighbourIndex {
  private readonly order: Int32Array;
  private readonly rank: Int32Array;
  /** The draws in projection order, row-major: queries scan contiguous memory. */
  private readonly sorted: Float64Array;
  private readonly dim: number;
  private readonly n: number;

  /** @param order - a precomputed {@link projectionOrder} of the same first coordinate. */
  constructor(samples: Samples, order?: Int32Array) {
    const { values, n, dim } = samples;
    this.n = n;
    this.dim = dim;
    this.order = order ?? projectionOrder(samples);
    this.rank = new Int32Array(n);
    this.sorted = new Float64Array(n * dim);
    for (let p = 0; p < n; p++) {
      const i = this.order[p];
      this.rank[i] = p;
      for (let c = 0; c < dim; c++) this.sorted[p * dim + c] = values[i * dim + c];
    }
  }

  /** Max-norm distance between the draws at sorted positions p and q. */
  private distance(p: number, q: number): number {
    const { sorted, dim } = this;
    let d = 0;
    for (let c = 0; c < dim; c++) {
      const diff = abs(sorted[p * dim + c] - sorted[q * dim + c]);
      if (diff > d) d = diff;
    }
    return d;
  }

  nearest(i: number, k: number, indices: Int32Array, distances: Float64Array): void {
    const { sorted, order, dim, n } = this;
    const position = this.rank[i];
    const base = position * dim;
    const key = sorted[base];
    const second = dim >= 2 ? sorted[base + 1] : 0;
    let below = position - 1;
    let above = position + 1;
    let filled = 0;
    let worst = INFINITY;
    while (below >= 0 || above < n) {
      const gapBelow = below >= 0 ? abs(key - sorted[below * dim]) : INFINITY;
      const gapAbove = above < n ? abs(sorted[above * dim] - key) : INFINITY;
      const takeBelow = gapBelow <= gapAbove;
      const gap = takeBelow ? gapBelow : gapAbove;
      if (gap >= worst) break;
      const p = takeBelow ? below-- : above++;
      let d = gap;
      if (dim === 2) {
        const other = abs(sorted[2 * p + 1] - second);
        if (other > d) d = other;
      } else if (dim > 2) {
        d = this.distance(position, p);
      }
      if (d < worst) {
        filled = insertNeighbour(indices, distances, filled, k, order[p], d);
        if (filled === k) worst = distances[k - 1];
      }
    }
  }

  countWithin(i: number, radius: number, inclusive: boolean): number {
    const position = this.rank[i];
    if (this.dim === 1) {
      return this.gallop(position, radius, inclusive, 1) + this.gallop(position, radius, inclusive, -1);
    }
    return this.scan(position, radius, inclusive, 1) + this.scan(position, radius, inclusive, -1);
  }

  /** Points on one side of `position` within the radius, 1D: galloping then bisection. */
  private gallop(position: number, radius: number, inclusive: boolean, step: 1 | -1): number {
    const limit = step === 1 ? this.n - 1 - position : position;
    let good = 0;
    let span = 1;
    while (span <= limit && this.inside(position, span * step, radius, inclusive)) {
      good = span;
      span *= 2;
    }
    let bad = min(span, limit + 1);
    while (bad - good > 1) {
      const middle = (good + bad) >>> 1;
      if (this.inside(position, middle * step, radius, inclusive)) good = middle;
      else bad = middle;
    }
    return good;
  }

  /** Whether the 1D draw `offset` places from `position` lies within the radius. */
  private inside(position: number, offset: number, radius: number, inclusive: boolean): boolean {
    const keys = this.sorted;
    const other = keys[position + offset];
    const gap = offset > 0 ? other - keys[position] : keys[position] - other;
    return gap < radius || (inclusive && gap === radius);
  }

  /** Points on one side of `position` within the radius, any dimension: a walk over the slab. */
  private scan(position: number, radius: number, inclusive: boolean, step: 1 | -1): number {
    const { sorted, dim, n } = this;
    const key = sorted[position * dim];
    let count = 0;
    for (let p = position + step; p >= 0 && p < n; p += step) {
      const gap = step === 1 ? sorted[p * dim] - key : key - sorted[p * dim];
      if (gap > radius || (!inclusive && gap === radius)) break;
      const d = this.distance(position, p);
      if (d < radius || (inclusive && d === radius)) count++;
    }
    return count;
  }
}
