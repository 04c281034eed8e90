import { paretoShapeOfTail, paretoTailLength } from '@neuralrg/tensor';

/**
 * The largest log importance weights of a stream, enough of them for the
 * Pareto-k diagnostic of all the weights seen (see paretoShapeOfTail): it
 * keeps at least twice the M + 1 largest that the fit needs, so memory
 * grows as sqrt(n).
 */
export class WeightTail {
  private top: Float64Array;
  private pending: number[] = [];
  private seen: number;

  constructor(saved?: { top: Float64Array; count: number }) {
    this.top = saved ? Float64Array.from(saved.top).sort() : new Float64Array(0);
    this.seen = saved?.count ?? 0;
  }

  /** Number of weights seen. */
  get count(): number {
    return this.seen;
  }

  /** Adds one log weight (NaN is skipped; -Infinity counts as a zero weight). */
  add(logWeight: number): void {
    if (Number.isNaN(logWeight)) return;
    this.seen += 1;
    this.pending.push(logWeight);
    if (this.pending.length >= Math.max(1024, this.keep())) this.merge();
  }

  /** The Pareto shape k of all the weights seen; NaN for fewer than 25. */
  shape(): number {
    this.merge();
    return paretoShapeOfTail(this.top, this.seen);
  }

  /** What a saved state needs: the kept weights, ascending, and the count. */
  state(): { top: Float64Array; count: number } {
    this.merge();
    return { top: Float64Array.from(this.top), count: this.seen };
  }

  private keep(): number {
    return 2 * (paretoTailLength(this.seen) + 1);
  }

  private merge(): void {
    if (this.pending.length === 0) return;
    const all = new Float64Array(this.top.length + this.pending.length);
    all.set(this.top);
    all.set(this.pending, this.top.length);
    all.sort();
    this.top = all.slice(Math.max(0, all.length - this.keep()));
    this.pending = [];
  }
}
