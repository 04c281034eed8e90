import type { ChainStop, Sampler, SamplerKind, SamplerStep } from './sampler';

/**
 * Everything a run has recorded, as JSON: per-chain series of every
 * observable over the sampling phase (warm-up is not kept), acceptance
 * sums and wall times. Together with the sampler's state it resumes a run.
 */
export interface SamplingRecord {
  kind: SamplerKind;
  chains: number;
  observableNames: string[];
  /** Completed warm-up steps. */
  warmupSteps: number;
  /** Completed sampling steps. */
  steps: number;
  warmupSeconds: number;
  /** Wall seconds of the sampling steps, for ESS per second. */
  seconds: number;
  /** Per chain, the sum of the acceptance over warm-up and over sampling steps. */
  warmupAcceptanceSum: number[];
  acceptanceSum: number[];
  /** series[name][chain][t], t over sampling steps; NaN after a chain stopped. */
  series: Record<string, number[][]>;
  stopped: ChainStop[];
}

/** An empty record for a sampler. */
export function emptyRecord(sampler: Sampler): SamplingRecord {
  const perChain = () => Array.from({ length: sampler.chains }, () => [] as number[]);
  return {
    kind: sampler.kind,
    chains: sampler.chains,
    observableNames: [...sampler.observableNames],
    warmupSteps: 0,
    steps: 0,
    warmupSeconds: 0,
    seconds: 0,
    warmupAcceptanceSum: new Array<number>(sampler.chains).fill(0),
    acceptanceSum: new Array<number>(sampler.chains).fill(0),
    series: Object.fromEntries(sampler.observableNames.map((name) => [name, perChain()])),
    stopped: [],
  };
}

/** Adds one step to the record: its acceptance, and its observables when sampling. */
export function recordStep(
  record: SamplingRecord,
  step: SamplerStep,
  warmup: boolean,
  seconds: number,
): void {
  const sums = warmup ? record.warmupAcceptanceSum : record.acceptanceSum;
  step.acceptance.forEach((value, c) => {
    if (Number.isFinite(value)) sums[c] += value;
  });
  record.stopped.push(...step.stopped);
  if (warmup) {
    record.warmupSteps += 1;
    record.warmupSeconds += seconds;
    return;
  }
  record.steps += 1;
  record.seconds += seconds;
  for (const name of record.observableNames) {
    const values = step.observables[name];
    if (values === undefined) {
      throw new Error(`sampler '${record.kind}' did not report observable '${name}'`);
    }
    record.series[name].forEach((chain, c) => chain.push(values[c]));
  }
}

/** Chains that never stopped, by index. */
export function liveChains(record: SamplingRecord): number[] {
  const stopped = new Set(record.stopped.map((s) => s.chain));
  return Array.from({ length: record.chains }, (_, c) => c).filter((c) => !stopped.has(c));
}

/**
 * Checks that a parsed JSON value has the shape of a SamplingRecord for
 * the sampler, so that a resumed run cannot mix records.
 *
 * @throws Error naming what does not fit.
 */
export function checkRecord(value: unknown, sampler: Sampler): SamplingRecord {
  const r = value as Partial<SamplingRecord> | null;
  if (
    r === null ||
    typeof r !== 'object' ||
    r.kind !== sampler.kind ||
    r.chains !== sampler.chains
  ) {
    throw new Error(`the saved record is not for ${sampler.chains} chains of '${sampler.kind}'`);
  }
  const ok =
    typeof r.steps === 'number' &&
    typeof r.warmupSteps === 'number' &&
    Array.isArray(r.acceptanceSum) &&
    Array.isArray(r.warmupAcceptanceSum) &&
    Array.isArray(r.stopped) &&
    r.series !== undefined &&
    sampler.observableNames.every(
      (name) =>
        Array.isArray(r.series?.[name]) && r.series[name].every((s) => s.length === r.steps),
    );
  if (!ok) throw new Error('the saved record is incomplete or its series lengths do not match');
  return r as SamplingRecord;
}
