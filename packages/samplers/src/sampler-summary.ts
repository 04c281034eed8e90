import { summariseObservable } from './observable-summary';
import type { ObservableSummary } from './observable-summary';
import type { RunEnd } from './run-sampler';
import type { ChainStop, Sampler, SamplerKind } from './sampler';
import { liveChains } from './sampling-record';
import type { SamplingRecord } from './sampling-record';
import { DEFAULT_WINDOW_FACTOR } from './tau-int';

/** An observable's diagnostics, with the exact value when one is known. */
export interface ObservableReport extends ObservableSummary {
  /** The exact expectation, when known. */
  exact: number | null;
  /** (mean - exact) / stdErr; |z| < 2-3 means agreement within error bars. */
  zScore: number | null;
}

/** One sampler's results: the entry of samplers.json's `samplers` list. */
export interface SamplerSummary {
  sampler: SamplerKind;
  engine: string;
  stepUnit: string;
  chains: number;
  /** Chains that never stopped; only these enter the averages. */
  liveChains: number;
  warmupSteps: number;
  /** Sampling steps per chain. */
  steps: number;
  warmupSeconds: number;
  /** Wall seconds of the sampling steps; ESS per second divides by this. */
  seconds: number;
  /** Mean acceptance over live chains and sampling steps; null before any step. */
  acceptance: number | null;
  /** Per chain; null for a stopped chain. */
  acceptancePerChain: (number | null)[];
  stopped: ChainStop[];
  ended: RunEnd;
  settings: Record<string, number | string | boolean>;
  /** Per observable; null when fewer than 2 samples per live chain exist. */
  observables: Record<string, ObservableReport | null>;
}

/**
 * Summarises a run: acceptance, and for each observable the mean, error
 * bars, tau_int, ESS, ESS per second and R-hat over the chains that never
 * stopped (see summariseObservable), compared with `exact` where given.
 */
export function summariseRun(
  sampler: Sampler,
  record: SamplingRecord,
  ended: RunEnd,
  exact: Record<string, number> = {},
  windowFactor = DEFAULT_WINDOW_FACTOR,
): SamplerSummary {
  const live = liveChains(record);
  const acceptancePerChain = record.acceptanceSum.map((sum, c) =>
    live.includes(c) && record.steps > 0 ? sum / record.steps : null,
  );
  const liveAcceptance = live.map((c) => acceptancePerChain[c] as number);
  const observables: Record<string, ObservableReport | null> = {};
  for (const name of record.observableNames) {
    if (live.length === 0 || record.steps < 2) {
      observables[name] = null;
      continue;
    }
    const series = live.map((c) => record.series[name][c]);
    const summary = summariseObservable(series, record.seconds, windowFactor);
    const value = exact[name];
    observables[name] = {
      ...summary,
      exact: value ?? null,
      zScore:
        value === undefined || !(summary.stdErr > 0)
          ? null
          : (summary.mean - value) / summary.stdErr,
    };
  }
  return {
    sampler: sampler.kind,
    engine: sampler.engine,
    stepUnit: sampler.stepUnit,
    chains: record.chains,
    liveChains: live.length,
    warmupSteps: record.warmupSteps,
    steps: record.steps,
    warmupSeconds: record.warmupSeconds,
    seconds: record.seconds,
    acceptance:
      liveAcceptance.length > 0 && record.steps > 0
        ? liveAcceptance.reduce((a, b) => a + b, 0) / liveAcceptance.length
        : null,
    acceptancePerChain,
    stopped: [...record.stopped],
    ended,
    settings: sampler.settings(),
    observables,
  };
}
