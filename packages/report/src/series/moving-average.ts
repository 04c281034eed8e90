/**
 * Centred moving average over `window` points (an odd number; even ones
 * are rounded up), shrinking symmetrically at the ends so that the first
 * and last points average fewer values instead of being shifted.
 * Non-finite values are left out of each average; a window with none
 * gives NaN.
 */
export function movingAverage(values: ArrayLike<number>, window: number): Float64Array {
  if (!Number.isInteger(window) || window < 1) {
    throw new RangeError(`moving average window must be a positive integer, got ${window}`);
  }
  const half = Math.floor(window / 2);
  const n = values.length;
  const prefix = new Float64Array(n + 1);
  const counts = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) {
    const ok = Number.isFinite(values[i]);
    prefix[i + 1] = prefix[i] + (ok ? values[i] : 0);
    counts[i + 1] = counts[i] + (ok ? 1 : 0);
  }
  const result = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const reach = Math.min(half, i, n - 1 - i);
    const count = counts[i + reach + 1] - counts[i - reach];
    result[i] = count > 0 ? (prefix[i + reach + 1] - prefix[i - reach]) / count : NaN;
  }
  return result;
}

/** The smoothing window for n points: about 2% of them, odd, at least 1. */
export function smoothingWindow(n: number): number {
  const window = Math.max(1, Math.round(n / 50));
  return window % 2 === 1 ? window : window + 1;
}
