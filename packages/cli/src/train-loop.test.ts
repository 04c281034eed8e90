import { NonFiniteLossError } from '@neuralrg/trainer';
import { FakeTrainer } from './testing/fake-trainer';
import { LoopHooks, runTrainingLoop } from './train-loop';

/** Hooks that record the steps seen and the steps checkpointed. */
function recordingHooks(trainer: FakeTrainer, interruptAfter?: number) {
  const steps: number[] = [];
  const saved: number[] = [];
  const hooks: LoopHooks = {
    onStep: (metrics) => steps.push(metrics.step),
    saveCheckpoint: () => saved.push(trainer.step),
    interrupted: () => interruptAfter !== undefined && trainer.step >= interruptAfter,
  };
  return { steps, saved, hooks };
}

describe('runTrainingLoop', () => {
  it('checkpoints every N steps and once at the end', async () => {
    const trainer = new FakeTrainer(7);
    const { steps, saved, hooks } = recordingHooks(trainer);

    expect(await runTrainingLoop(trainer.asTrainer(), 3, hooks)).toBe('done');
    expect(steps).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(saved).toEqual([3, 6, 7]);
  });

  it('does not save the final step twice', async () => {
    const trainer = new FakeTrainer(6);
    const { saved, hooks } = recordingHooks(trainer);

    await runTrainingLoop(trainer.asTrainer(), 3, hooks);
    expect(saved).toEqual([3, 6]);
  });

  it('does not rewrite the checkpoint of a resumed run that is already done', async () => {
    const trainer = new FakeTrainer(4);
    trainer.step = 4;
    const { saved, hooks } = recordingHooks(trainer);

    await runTrainingLoop(trainer.asTrainer(), 3, hooks, 4);
    expect(saved).toEqual([]);
  });

  it('saves the current step when interrupted and stops', async () => {
    const trainer = new FakeTrainer(10);
    const { steps, saved, hooks } = recordingHooks(trainer, 5);

    expect(await runTrainingLoop(trainer.asTrainer(), 3, hooks)).toBe('interrupted');
    expect(steps).toEqual([1, 2, 3, 4, 5]);
    expect(saved).toEqual([3, 5]);
  });

  it('saves nothing for a step whose loss is not finite', async () => {
    const trainer = new FakeTrainer(10, 5);
    const { saved, hooks } = recordingHooks(trainer);

    await expect(runTrainingLoop(trainer.asTrainer(), 3, hooks)).rejects.toBeInstanceOf(
      NonFiniteLossError,
    );
    expect(saved).toEqual([3]);
  });
});
