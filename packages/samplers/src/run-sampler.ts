import type { Sampler, SamplerStep } from './sampler';
import { emptyRecord, liveChains, recordStep } from './sampling-record';
import type { SamplingRecord } from './sampling-record';
import { checkInteger } from './validate';

/** How long a run goes. */
export interface RunPlan {
  /** Warm-up steps (adaptation on, nothing recorded). */
  warmup: number;
  /** Sampling steps to record. */
  steps: number;
  /** Wall-time budget of the sampling phase in seconds; it ends early when spent. */
  seconds?: number;
  /** Wall-time budget of the warm-up in seconds. */
  warmupSeconds?: number;
}

/** What a run reports as it goes. */
export interface SamplingProgress {
  phase: 'warmup' | 'sampling';
  /** Steps done in this phase, and the phase's target. */
  step: number;
  total: number;
  /** Wall seconds spent in this phase. */
  seconds: number;
  /** Mean acceptance of this phase over live chains. */
  acceptance: number;
  /** Chains still running. */
  liveChains: number;
}

/** Callbacks of {@link runSampler}; the library never prints. */
export interface RunCallbacks {
  /** Called after every step. */
  onProgress?(progress: SamplingProgress): void;
  /**
   * Called after every step with what it reported; `sampler.samples()`
   * then gives the configurations, for consumers that keep samples, and
   * `sampler.saveState()` with `record` is a consistent point to resume from.
   */
  onStep?(step: SamplerStep, sampler: Sampler, warmup: boolean, record: SamplingRecord): void;
  /** Polled after every step; true ends the run with the record so far. */
  shouldStop?(): boolean;
}

/** Why a run ended. */
export type RunEnd = 'complete' | 'time-budget' | 'interrupted' | 'all-chains-stopped';

/** Time between two returns to the event loop, so that Ctrl-C and timers are heard. */
const YIELD_MILLISECONDS = 50;

/**
 * Drives a sampler through warm-up and sampling and records what it
 * reports ({@link SamplingRecord}). Continues a previous record when one
 * is given (the sampler must be the one resumed from the matching state):
 * warm-up and sampling go on from the steps already done. Returns when the
 * steps are done, the time budget is spent, `shouldStop` answers true, or
 * every chain has stopped.
 *
 * @throws RangeError for a negative warm-up, or fewer than 1 step.
 */
export async function runSampler(
  sampler: Sampler,
  plan: RunPlan,
  callbacks: RunCallbacks = {},
  previous?: SamplingRecord,
): Promise<{ record: SamplingRecord; ended: RunEnd }> {
  checkInteger('warmup', plan.warmup, 0);
  checkInteger('steps', plan.steps, 1);
  const record = previous ?? emptyRecord(sampler);
  let lastYield = Date.now();

  for (const phase of ['warmup', 'sampling'] as const) {
    const warmup = phase === 'warmup';
    const total = warmup ? plan.warmup : plan.steps;
    const budget = warmup ? plan.warmupSeconds : plan.seconds;
    while ((warmup ? record.warmupSteps : record.steps) < total) {
      if (liveChains(record).length === 0) return { record, ended: 'all-chains-stopped' };
      const spent = warmup ? record.warmupSeconds : record.seconds;
      if (budget !== undefined && spent >= budget) {
        if (warmup) break;
        return { record, ended: 'time-budget' };
      }

      const started = process.hrtime.bigint();
      const step = await sampler.step(warmup);
      recordStep(record, step, warmup, Number(process.hrtime.bigint() - started) / 1e9);
      callbacks.onStep?.(step, sampler, warmup, record);
      callbacks.onProgress?.(progressOf(record, phase, total));
      if (callbacks.shouldStop?.()) return { record, ended: 'interrupted' };
      if (Date.now() - lastYield >= YIELD_MILLISECONDS) {
        await new Promise((resolve) => setImmediate(resolve));
        lastYield = Date.now();
      }
    }
  }
  const ended = liveChains(record).length === 0 ? 'all-chains-stopped' : 'complete';
  return { record, ended };
}

function progressOf(
  record: SamplingRecord,
  phase: 'warmup' | 'sampling',
  total: number,
): SamplingProgress {
  const warmup = phase === 'warmup';
  const live = liveChains(record);
  const sums = warmup ? record.warmupAcceptanceSum : record.acceptanceSum;
  const steps = warmup ? record.warmupSteps : record.steps;
  const acceptance = live.reduce((a, c) => a + sums[c], 0) / Math.max(1, live.length * steps);
  return {
    phase,
    step: steps,
    total,
    seconds: warmup ? record.warmupSeconds : record.seconds,
    acceptance,
    liveChains: live.length,
  };
}
