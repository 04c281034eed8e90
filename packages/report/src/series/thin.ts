/**
 * Indices of at most about `maxPoints` points of a series that still draw
 * the same picture: the series is cut into maxPoints / 2 buckets of
 * consecutive points, and each bucket keeps its lowest and highest point
 * (in order), so that spikes survive. Short series keep every index.
 */
export function thinIndices(values: ArrayLike<number>, maxPoints: number): number[] {
  const n = values.length;
  if (n <= maxPoints) return Array.from({ length: n }, (_, i) => i);
  const buckets = Math.max(1, Math.floor(maxPoints / 2));
  const kept: number[] = [];
  for (let b = 0; b < buckets; b++) {
    const start = Math.floor((b * n) / buckets);
    const end = Math.floor(((b + 1) * n) / buckets);
    let low = -1;
    let high = -1;
    for (let i = start; i < end; i++) {
      if (!Number.isFinite(values[i])) continue;
      if (low < 0 || values[i] < values[low]) low = i;
      if (high < 0 || values[i] > values[high]) high = i;
    }
    if (low < 0) {
      kept.push(start);
      continue;
    }
    kept.push(Math.min(low, high));
    if (high !== low) kept.push(Math.max(low, high));
  }
  return kept;
}

/** The entries of `values` at `indices`. */
export function pick(values: ArrayLike<number>, indices: readonly number[]): Float64Array {
  return Float64Array.from(indices, (i) => values[i]);
}
