import { runSampler } from '@neuralrg/samplers';
import type { RunEnd, Sampler, SamplingRecord } from '@neuralrg/samplers';
import type { CliIo } from '../io';
import { WARMUP_BUDGET_FRACTION } from './sampling-defaults';
import { SamplingProgressDisplay } from './sampling-progress';

/** Saves wait at least this many times as long as the last save took. */
const SAVE_COST_FACTOR = 10;

/** How far one sampler runs in this session. */
export interface SessionPlan {
  warmup: number;
  sweeps: number;
  /** Sampling budget of this session in seconds; the warm-up gets a quarter of it. */
  seconds: number;
  progress: boolean;
  /**
   * Saves the sampler and record while the run goes: at most every
   * `everySeconds`, and never more often than keeps the time spent saving
   * under a tenth of the time between saves (the record grows as it runs).
   */
  checkpoint?: {
    everySeconds: number;
    save(sampler: Sampler, record: SamplingRecord): void;
    /** Seconds on a monotonic clock (default: the process's high-resolution clock). */
    clock?: () => number;
  };
}

/**
 * Runs one sampler with progress on stderr and Ctrl-C handling: the first
 * Ctrl-C ends the run after the current step (the record so far is kept),
 * a second one has its usual effect. The time budgets count from the
 * record's times so far, so a resumed run gets a fresh budget. With a
 * checkpoint, the state is saved as the run goes, so that a run killed
 * outright can resume from its last save.
 */
export async function runWithProgress(
  sampler: Sampler,
  plan: SessionPlan,
  io: CliIo,
  previous?: SamplingRecord,
): Promise<{ record: SamplingRecord; ended: RunEnd }> {
  const warmupBudget = WARMUP_BUDGET_FRACTION * plan.seconds;
  // The record's times are totals over every session: so are the budgets shown and applied.
  const budgets = {
    warmup: (previous?.warmupSeconds ?? 0) + warmupBudget,
    sampling: (previous?.seconds ?? 0) + plan.seconds,
  };
  const display = new SamplingProgressDisplay(io.stderr, sampler.kind, budgets, sampler.chains);
  let interrupted = false;
  const unsubscribe = io.onInterrupt(() => {
    interrupted = true;
    unsubscribe();
    display.finish();
    io.stderr.write('neuralrg: stopping after this step (Ctrl-C again quits now)\n');
  });
  const checkpoint = plan.checkpoint;
  const clock = checkpoint?.clock ?? (() => Number(process.hrtime.bigint()) / 1e9);
  let lastSave = clock();
  let saveSeconds = 0;
  try {
    return await runSampler(
      sampler,
      {
        warmup: plan.warmup,
        steps: plan.sweeps,
        seconds: budgets.sampling,
        warmupSeconds: budgets.warmup,
      },
      {
        onProgress: (progress) => {
          if (plan.progress) display.update(progress);
        },
        shouldStop: () => interrupted,
        onStep: (_step, running, _warmup, record) => {
          if (checkpoint === undefined) return;
          const now = clock();
          if (now - lastSave < Math.max(checkpoint.everySeconds, SAVE_COST_FACTOR * saveSeconds)) return;
          checkpoint.save(running, record);
          lastSave = clock();
          saveSeconds = lastSave - now;
        },
      },
      previous,
    );
  } finally {
    unsubscribe();
    display.finish();
  }
}
