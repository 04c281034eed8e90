/** Options of {@link linearExtent} and {@link logExtent}. */
export interface ExtentOptions {
  /** Values that must lie inside, e.g. 0 or an exact result. */
  include?: readonly number[];
  /** Fraction of the span added at each end (linear only); 0.05 by default. */
  padding?: number;
}

function finiteValues(values: Iterable<number>): number[] {
  const kept: number[] = [];
  for (const value of values) if (Number.isFinite(value)) kept.push(value);
  return kept;
}

/**
 * A domain [low, high] covering the finite values (and `include`), padded
 * by a fraction of the span; a single value gets +-1 (or +-|value|/10).
 * Undefined when there is no finite value at all.
 */
export function linearExtent(
  values: Iterable<number>,
  options: ExtentOptions = {},
): [number, number] | undefined {
  const kept = finiteValues(values).concat(finiteValues(options.include ?? []));
  if (kept.length === 0) return undefined;
  let low = Infinity;
  let high = -Infinity;
  for (const value of kept) {
    low = Math.min(low, value);
    high = Math.max(high, value);
  }
  if (low === high) {
    const half = Math.abs(low) / 10 || 1;
    return [low - half, high + half];
  }
  const pad = (high - low) * (options.padding ?? 0.05);
  return [low - pad, high + pad];
}

/**
 * A log domain covering the positive finite values: from the power of ten
 * at or below the smallest to the one at or above the largest (at least
 * one decade wide). Values <= 0 are ignored (callers show them clipped).
 * Undefined when no value is positive.
 */
export function logExtent(
  values: Iterable<number>,
  options: ExtentOptions = {},
): [number, number] | undefined {
  const positive = finiteValues(values)
    .concat(finiteValues(options.include ?? []))
    .filter((value) => value > 0);
  if (positive.length === 0) return undefined;
  let low = Infinity;
  let high = -Infinity;
  for (const value of positive) {
    low = Math.min(low, value);
    high = Math.max(high, value);
  }
  const bottom = 10 ** Math.floor(Math.log10(low) + 1e-12);
  let top = 10 ** Math.ceil(Math.log10(high) - 1e-12);
  if (top <= bottom) top = bottom * 10;
  return [bottom, top];
}
