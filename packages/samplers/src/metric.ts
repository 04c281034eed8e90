import { choleskyFactor } from '@neuralrg/energies';
import { decodeFloat64Array, encodeArray } from './state-encoding';

/**
 * The HMC metric (inverse mass matrix) Sigma, with kinetic energy
 * p^T Sigma p / 2: 'identity' (unit mass), 'diagonal' (one variance per
 * variable) or 'dense' (a full covariance), the latter two estimated from
 * warm-up samples. HMC then moves as if on the variables whitened by
 * Sigma, so that a target with very different widths along different
 * directions (the continuous Ising dual, whose magnetisation mode is far
 * wider than its staggered modes) takes one step size.
 */
export type MetricKind = 'identity' | 'diagonal' | 'dense';
export const METRIC_KINDS: readonly MetricKind[] = ['identity', 'diagonal', 'dense'];

/**
 * The shortest warm-up that can estimate a metric: 15 steps of step-size
 * search, windows of 8, 16 and 36 steps, and 25 steps to adapt the step
 * size to the final metric.
 */
export const MIN_METRIC_WARMUP = 100;

/**
 * The warm-up steps after which the metric is re-estimated, for a warm-up
 * of `warmup` steps: the first 15 % adapt the step size only; three
 * windows of relative lengths 1, 2 and 4 fill the next 60 % and each ends
 * in a new estimate from its own samples; the last 25 % adapt the step
 * size to the final metric. The layout is Stan's (Stan Reference Manual,
 * "HMC algorithm parameters"), with a longer last stretch, which the
 * per-chain step sizes need: each adapts on one chain's noisy acceptance.
 *
 * @throws RangeError below {@link MIN_METRIC_WARMUP} steps.
 */
export function metricWindowEnds(warmup: number): number[] {
  if (!(warmup >= MIN_METRIC_WARMUP)) {
    throw new RangeError(
      `a metric needs a warm-up of at least ${MIN_METRIC_WARMUP} steps to be estimated, got ${warmup}`,
    );
  }
  const start = metricWindowStart(warmup);
  const end = Math.floor(0.75 * warmup);
  const base = Math.floor((end - start) / 7);
  return [start + base, start + 3 * base, end];
}

/** The warm-up step after which {@link metricWindowEnds}'s first window begins: 15 % in. */
export function metricWindowStart(warmup: number): number {
  return Math.floor(0.15 * warmup);
}

/** The saved state of a {@link Metric}. */
export interface MetricState {
  kind: MetricKind;
  /** Base64 float64: the Cholesky factor (dense, row-major) or the standard deviations (diagonal). */
  factor?: string;
  /** The factor before the last estimate (absent: the identity). */
  previous?: string;
  /** Samples in the current window, and their running mean and scatter (base64 float64). */
  count: number;
  mean?: string;
  scatter?: string;
  updates: number;
  /** The kind of the factor in use and of the previous one (a dense request can fall back). */
  inUse?: MetricKind;
  previousInUse?: MetricKind;
}

/**
 * A metric Sigma = F F^T held as its factor F (lower triangular for
 * 'dense', diagonal for 'diagonal', I for 'identity'), with Welford
 * accumulators of the current warm-up window, pooled over chains (they
 * share one target).
 *
 * HMC in whitened momenta r = F^T p: r ~ N(0, I), kinetic |r|^2 / 2,
 * dq/dt = F r, dr/dt = -F^T grad U.
 */
export class Metric {
  readonly kind: MetricKind;
  private readonly dim: number;
  private factor: Float64Array | null;
  private previous: Float64Array | null = null;
  private current: MetricKind = 'identity';
  private before: MetricKind = 'identity';
  private count = 0;
  private mean: Float64Array;
  private scatter: Float64Array;
  private updateCount = 0;

  constructor(kind: MetricKind, dim: number, saved?: MetricState) {
    if (!METRIC_KINDS.includes(kind)) {
      throw new RangeError(`metric must be one of ${METRIC_KINDS.join(', ')}, got ${String(kind)}`);
    }
    this.kind = kind;
    this.dim = dim;
    const size = kind === 'dense' ? dim * dim : kind === 'diagonal' ? dim : 0;
    this.factor = null;
    this.mean = new Float64Array(kind === 'identity' ? 0 : dim);
    this.scatter = new Float64Array(size);
    if (saved !== undefined) {
      if (saved.kind !== kind) {
        throw new RangeError(`resume state has a '${saved.kind}' metric, expected '${kind}'`);
      }
      if (saved.factor !== undefined) this.factor = decodeFloat64Array('metric.factor', saved.factor, size);
      if (saved.previous !== undefined) {
        this.previous = decodeFloat64Array('metric.previous', saved.previous, size);
      }
      this.count = saved.count;
      if (kind !== 'identity' && saved.count > 0) {
        this.mean = decodeFloat64Array('metric.mean', saved.mean, dim);
        this.scatter = decodeFloat64Array('metric.scatter', saved.scatter, size);
      }
      this.updateCount = saved.updates;
      this.current = saved.inUse ?? (this.factor === null ? 'identity' : kind);
      this.before = saved.previousInUse ?? (this.previous === null ? 'identity' : kind);
    }
  }

  /** How many times the metric has been re-estimated. */
  get updates(): number {
    return this.updateCount;
  }

  /** Adds the positions of the chains marked live (rows of `q`) to the window. */
  accumulate(q: Float32Array, live: readonly boolean[]): void {
    if (this.kind === 'identity') return;
    const { dim } = this;
    const delta = new Float64Array(dim);
    live.forEach((alive, c) => {
      if (!alive) return;
      this.count += 1;
      const n = this.count;
      for (let i = 0; i < dim; i++) {
        delta[i] = q[c * dim + i] - this.mean[i];
        this.mean[i] += delta[i] / n;
      }
      // Welford: scatter += delta (q - new mean)^T.
      if (this.kind === 'diagonal') {
        for (let i = 0; i < dim; i++) this.scatter[i] += delta[i] * (q[c * dim + i] - this.mean[i]);
        return;
      }
      for (let i = 0; i < dim; i++) {
        const after = q[c * dim + i] - this.mean[i];
        const row = i * dim;
        for (let j = 0; j <= i; j++) this.scatter[row + j] += after * delta[j];
      }
    });
  }

  /**
   * Ends a window: the metric becomes the window's covariance, regularised
   * toward a small multiple of I as Stan does ((n / (n + 5)) S + 1e-3
   * (5 / (n + 5)) I), and the window starts empty. A dense estimate from
   * fewer samples than twice the dimension, or one that is not positive
   * definite in floating point, falls back to its diagonal.
   *
   * @returns whether the metric changed (false with fewer than 3 samples).
   */
  endWindow(): boolean {
    if (this.kind === 'identity' || this.count < 3) return false;
    const { dim } = this;
    const n = this.count;
    const weight = n / (n + 5);
    const ridge = 1e-3 * (5 / (n + 5));
    const variance = (i: number) =>
      (this.kind === 'dense' ? this.scatter[i * dim + i] : this.scatter[i]) / (n - 1);
    let factor: Float64Array | null = null;
    if (this.kind === 'dense' && n >= 2 * dim) {
      const sigma = new Float64Array(dim * dim);
      for (let i = 0; i < dim; i++) {
        for (let j = 0; j <= i; j++) {
          sigma[i * dim + j] = (weight * this.scatter[i * dim + j]) / (n - 1);
        }
        sigma[i * dim + i] += ridge;
      }
      try {
        factor = choleskyFactor(sigma, dim);
      } catch {
        // Not positive definite in floating point: the diagonal below.
        factor = null;
      }
    }
    const dense = factor !== null;
    if (factor === null) {
      const sd = Float64Array.from({ length: dim }, (_, i) =>
        Math.sqrt(weight * variance(i) + ridge),
      );
      if (this.kind === 'dense') {
        factor = new Float64Array(dim * dim);
        for (let i = 0; i < dim; i++) factor[i * dim + i] = sd[i];
      } else {
        factor = sd;
      }
    }
    this.previous = this.factor;
    this.before = this.current;
    this.factor = factor;
    this.current = this.kind === 'dense' && !dense ? 'diagonal' : this.kind;
    this.count = 0;
    this.mean.fill(0);
    this.scatter.fill(0);
    this.updateCount += 1;
    return true;
  }

  /** Goes back to the metric before the last estimate. */
  revert(): void {
    this.factor = this.previous;
    this.current = this.before;
    this.previous = null;
  }

  /**
   * The kind of metric in use: 'identity' before the first estimate or
   * after reverting it, 'diagonal' where a dense estimate had too few
   * samples, else the kind asked for.
   */
  get inUse(): MetricKind {
    return this.current;
  }

  /** F r for each row of r (the drift of q per unit step). */
  velocity(r: Float32Array, rows: number): Float32Array {
    const F = this.factor;
    if (F === null) return r;
    const { dim } = this;
    const out = new Float32Array(r.length);
    for (let c = 0; c < rows; c++) {
      const o = c * dim;
      if (this.kind === 'diagonal') {
        for (let i = 0; i < dim; i++) out[o + i] = F[i] * r[o + i];
        continue;
      }
      for (let i = 0; i < dim; i++) {
        let sum = 0;
        const row = i * dim;
        for (let j = 0; j <= i; j++) sum += F[row + j] * r[o + j];
        out[o + i] = sum;
      }
    }
    return out;
  }

  /** F^T g for each row of g (the force on the whitened momenta). */
  force(g: Float32Array, rows: number): Float32Array {
    const F = this.factor;
    if (F === null) return g;
    const { dim } = this;
    const out = new Float32Array(g.length);
    for (let c = 0; c < rows; c++) {
      const o = c * dim;
      if (this.kind === 'diagonal') {
        for (let i = 0; i < dim; i++) out[o + i] = F[i] * g[o + i];
        continue;
      }
      // (F^T g)_j = sum_{i >= j} F_ij g_i, accumulated row by row of F.
      for (let i = 0; i < dim; i++) {
        const gi = g[o + i];
        if (gi === 0) continue;
        const row = i * dim;
        for (let j = 0; j <= i; j++) out[o + j] += F[row + j] * gi;
      }
    }
    return out;
  }

  /** The metric's variances Sigma_ii (1 for the identity). */
  variances(): Float64Array {
    const F = this.factor;
    const { dim } = this;
    if (F === null) return new Float64Array(dim).fill(1);
    if (this.kind === 'diagonal') return F.map((s) => s * s);
    return Float64Array.from({ length: dim }, (_, i) => {
      let sum = 0;
      for (let j = 0; j <= i; j++) sum += F[i * dim + j] ** 2;
      return sum;
    });
  }

  saveState(): MetricState {
    const state: MetricState = {
      kind: this.kind,
      count: this.count,
      updates: this.updateCount,
      inUse: this.current,
      previousInUse: this.before,
    };
    if (this.factor !== null) state.factor = encodeArray(this.factor);
    if (this.previous !== null) state.previous = encodeArray(this.previous);
    if (this.kind !== 'identity' && this.count > 0) {
      state.mean = encodeArray(this.mean);
      state.scatter = encodeArray(this.scatter);
    }
    return state;
  }
}
