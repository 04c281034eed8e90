import type { RunData } from '../inputs/run-data';

/**
 * The exact ln Z of the trained density, when known: from summary.json or
 * estimates.json, or else from any step of metrics.jsonl that has a gap,
 * since klGap = F_q + ln Z on every step (so a live run has it before it
 * ends). Undefined when no input knows it.
 */
export function exactLnZ(data: RunData): number | undefined {
  if (data.summary?.exactLnZ !== undefined) return data.summary.exactLnZ;
  if (data.estimates?.exactLnZ !== undefined) return data.estimates.exactLnZ;
  const point = data.metrics.find((p) => p.klGap !== undefined);
  return point === undefined ? undefined : (point.klGap as number) - point.freeEnergy;
}
