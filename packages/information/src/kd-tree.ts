import { NeighbourIndex, insertNeighbour } from './neighbour-index';
import type { Samples } from './samples';

// Globals copied once: in a vm context (jest) each global lookup in a hot loop is slow.
const { abs } = Math;

/** Points per leaf: below this a node is scanned rather than split. */
const LEAF_SIZE = 12;

/**
 * A k-d tree (Bentley 1975) for max-norm neighbour queries. Each node
 * splits its points at the median of the coordinate with the widest
 * spread and keeps its bounding box; a query skips every node whose box
 * is farther than the current k-th distance (nearest) or the radius
 * (counts), and a count takes a whole node at once when its box lies
 * inside the radius. Building costs O(n log n); a query about
 * O(log n + k) for smooth densities in few dimensions.
 */
export class KdTree implements NeighbourIndex {
  /** Draw indices, grouped so that every node owns a contiguous range. */
  private readonly perm: Int32Array;
  /** Position of each draw in `perm`. */
  private readonly slot: Int32Array;
  private readonly start: number[] = [];
  private readonly end: number[] = [];
  private readonly left: number[] = [];
  private readonly right: number[] = [];
  /** Bounding boxes, 2 * dim numbers per node: the minima, then the maxima. */
  private boxes: number[] = [];
  private readonly box: Float64Array;
  /** Coordinates in `perm` order, so that a leaf is one contiguous block. */
  private readonly coords: Float64Array;
  /** Coordinates of the current query point. */
  private readonly point: Float64Array;

  // Query state, kept on the instance to avoid closures in the hot loop.
  private query = 0;
  private k = 0;
  private filled = 0;
  private indices: Int32Array = new Int32Array(0);
  private distances: Float64Array = new Float64Array(0);

  constructor(private readonly samples: Samples) {
    const { n } = samples;
    this.perm = Int32Array.from({ length: n }, (_, i) => i);
    this.build(0, n);
    this.box = Float64Array.from(this.boxes);
    this.boxes = [];
    this.slot = new Int32Array(n);
    const { values, dim } = samples;
    this.coords = new Float64Array(n * dim);
    this.point = new Float64Array(dim);
    for (let p = 0; p < n; p++) {
      const i = this.perm[p];
      this.slot[i] = p;
      for (let c = 0; c < dim; c++) this.coords[p * dim + c] = values[i * dim + c];
    }
  }

  /** Makes draw i the query point. */
  private setQuery(i: number): void {
    const { values, dim } = this.samples;
    this.query = i;
    for (let c = 0; c < dim; c++) this.point[c] = values[i * dim + c];
  }

  /** Max-norm distance from the query point to the draw at position p of `perm`. */
  private distanceTo(p: number): number {
    const { dim } = this.samples;
    let d = 0;
    for (let c = 0; c < dim; c++) {
      const diff = abs(this.coords[p * dim + c] - this.point[c]);
      if (diff > d) d = diff;
    }
    return d;
  }

  private build(from: number, to: number): number {
    const { values, dim } = this.samples;
    const node = this.start.length;
    this.start.push(from);
    this.end.push(to);
    this.left.push(-1);
    this.right.push(-1);

    const low = new Array<number>(dim).fill(Infinity);
    const high = new Array<number>(dim).fill(-Infinity);
    for (let p = from; p < to; p++) {
      const base = this.perm[p] * dim;
      for (let c = 0; c < dim; c++) {
        const v = values[base + c];
        if (v < low[c]) low[c] = v;
        if (v > high[c]) high[c] = v;
      }
    }
    this.boxes.push(...low, ...high);
    if (to - from <= LEAF_SIZE) return node;

    let axis = 0;
    for (let c = 1; c < dim; c++) if (high[c] - low[c] > high[axis] - low[axis]) axis = c;
    if (high[axis] === low[axis]) return node; // all points equal: a leaf
    const middle = (from + to) >>> 1;
    this.select(from, to, middle, axis);
    this.left[node] = this.build(from, middle);
    this.right[node] = this.build(middle, to);
    return node;
  }

  /** Hoare's quickselect: perm[middle] gets the element of that rank along `axis`. */
  private select(from: number, to: number, middle: number, axis: number): void {
    const { values, dim } = this.samples;
    const perm = this.perm;
    const key = (p: number) => values[perm[p] * dim + axis];
    let lo = from;
    let hi = to - 1;
    while (hi > lo) {
      const pivot = key((lo + hi) >>> 1);
      let a = lo;
      let b = hi;
      while (a <= b) {
        while (key(a) < pivot) a++;
        while (key(b) > pivot) b--;
        if (a <= b) {
          const t = perm[a];
          perm[a] = perm[b];
          perm[b] = t;
          a++;
          b--;
        }
      }
      if (middle <= b) hi = b;
      else if (middle >= a) lo = a;
      else return;
    }
  }

  /** Max-norm distance from the query point to the box of `node` (0 inside). */
  private boxDistance(node: number): number {
    const { dim } = this.samples;
    const base = node * 2 * dim;
    let d = 0;
    for (let c = 0; c < dim; c++) {
      const v = this.point[c];
      const below = this.box[base + c] - v;
      const above = v - this.box[base + dim + c];
      const gap = below > above ? below : above;
      if (gap > d) d = gap;
    }
    return d;
  }

  /** Largest max-norm distance from the query point to any point of the box of `node`. */
  private boxReach(node: number): number {
    const { dim } = this.samples;
    const base = node * 2 * dim;
    let d = 0;
    for (let c = 0; c < dim; c++) {
      const v = this.point[c];
      const a = abs(v - this.box[base + c]);
      const b = abs(this.box[base + dim + c] - v);
      const far = a > b ? a : b;
      if (far > d) d = far;
    }
    return d;
  }

  nearest(i: number, k: number, indices: Int32Array, distances: Float64Array): void {
    this.setQuery(i);
    this.k = k;
    this.filled = 0;
    this.indices = indices;
    this.distances = distances;
    this.visitNearest(0);
  }

  private visitNearest(node: number): void {
    const first = this.left[node];
    if (first < 0) {
      for (let p = this.start[node]; p < this.end[node]; p++) {
        const j = this.perm[p];
        if (j === this.query) continue;
        const d = this.distanceTo(p);
        if (this.filled < this.k || d < this.distances[this.k - 1]) {
          this.filled = insertNeighbour(this.indices, this.distances, this.filled, this.k, j, d);
        }
      }
      return;
    }
    const second = this.right[node];
    const dFirst = this.boxDistance(first);
    const dSecond = this.boxDistance(second);
    if (dFirst <= dSecond) {
      this.visitIfCloser(first, dFirst);
      this.visitIfCloser(second, dSecond);
    } else {
      this.visitIfCloser(second, dSecond);
      this.visitIfCloser(first, dFirst);
    }
  }

  /** Visits a node unless k neighbours closer than its box are already known. */
  private visitIfCloser(node: number, boxDistance: number): void {
    if (this.filled < this.k || boxDistance < this.distances[this.k - 1]) this.visitNearest(node);
  }

  countWithin(i: number, radius: number, inclusive: boolean): number {
    this.setQuery(i);
    return this.visitCount(0, i, radius, inclusive);
  }

  private visitCount(node: number, i: number, radius: number, inclusive: boolean): number {
    const near = this.boxDistance(node);
    if (near > radius || (!inclusive && near === radius)) return 0;
    const reach = this.boxReach(node);
    if (reach < radius || (inclusive && reach === radius)) {
      const own = this.slot[i] >= this.start[node] && this.slot[i] < this.end[node];
      return this.end[node] - this.start[node] - (own ? 1 : 0);
    }
    if (this.left[node] < 0) {
      let count = 0;
      for (let p = this.start[node]; p < this.end[node]; p++) {
        if (this.perm[p] === i) continue;
        const d = this.distanceTo(p);
        if (d < radius || (inclusive && d === radius)) count++;
      }
      return count;
    }
    return (
      this.visitCount(this.left[node], i, radius, inclusive) +
      this.visitCount(this.right[node], i, radius, inclusive)
    );
  }
}
