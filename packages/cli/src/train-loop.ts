import type { StepMetrics, Trainer } from '@neuralrg/trainer';

/** What the loop reports to, and asks of, the command around it. */
export interface LoopHooks {
  /** Called after each completed step. */
  onStep(metrics: StepMetrics): void;
  /** Saves a checkpoint of the trainer's current state. */
  saveCheckpoint(): void;
  /** Whether the user asked to stop (Ctrl-C). */
  interrupted(): boolean;
}

/** How the loop ended: every step done, or stopped at the user's request. */
export type LoopEnd = 'done' | 'interrupted';

/** Lets pending events (a SIGINT) run between two training steps. */
function yieldToEvents(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * Trains until the configured number of steps, saving a checkpoint every
 * `checkpointEvery` steps and at the end. Between steps it checks for an
 * interrupt; if there was one, it saves a checkpoint at the current step
 * and returns 'interrupted'. A NonFiniteLossError from a step propagates
 * with no checkpoint saved, so the last one on disk stays the last good one.
 *
 * @param savedStep - the step of the checkpoint already on disk, if any.
 */
export async function runTrainingLoop(
  trainer: Trainer,
  checkpointEvery: number,
  hooks: LoopHooks,
  savedStep = -1,
): Promise<LoopEnd> {
  const save = () => {
    if (savedStep === trainer.step) return;
    hooks.saveCheckpoint();
    savedStep = trainer.step;
  };

  while (!trainer.done) {
    if (hooks.interrupted()) {
      save();
      return 'interrupted';
    }
    const metrics = await trainer.trainStepAsync();
    hooks.onStep(metrics);
    if (metrics.step % checkpointEvery === 0) save();
    await yieldToEvents();
  }
  save();
  return 'done';
}
