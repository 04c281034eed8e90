import type { MeanStd } from './analysis-schema';

/** Mean and (sample) standard deviation; std 0 for a single value, null for none. */
export function meanStd(values: readonly number[]): MeanStd | null {
  const n = values.length;
  if (n === 0) return null;
  const mean = values.reduce((a, b) => a + b, 0) / n;
  if (n === 1) return { mean, std: 0 };
  const variance = values.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1);
  return { mean, std: Math.sqrt(variance) };
}

/**
 * Groups items by a numeric key; keys that agree to 1e-9 (square roots
 * of the same integer) fall in one group. Groups come sorted by key.
 */
export function groupByKey<T>(
  items: readonly T[],
  key: (item: T) => number,
): { key: number; items: T[] }[] {
  const groups = new Map<string, { key: number; items: T[] }>();
  for (const item of items) {
    const value = key(item);
    const label = value.toFixed(9);
    const group = groups.get(label) ?? { key: value, items: [] };
    group.items.push(item);
    groups.set(label, group);
  }
  return [...groups.values()].sort((a, b) => a.key - b.key);
}
