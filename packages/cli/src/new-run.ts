import { createEnergy } from '@neuralrg/energies';
import { Trainer } from '@neuralrg/trainer';
import { MetricsLog } from './metrics-log';
import type { NewRunPlan } from './new-run-plan';
import type { PreparedRun } from './prepared-run';
import { RunFolder } from './run-folder';
import { startBackend } from './start-backend';

/**
 * Sets up a new run: checks that the folder holds no earlier results,
 * starts the backend, builds the energy and the flow, then writes
 * config.json and opens metrics.jsonl. Nothing is written before every
 * check has passed.
 *
 * @throws RunError when the folder already holds a run or the backend cannot start.
 */
export async function prepareNewRun(plan: NewRunPlan): Promise<PreparedRun> {
  const folder = new RunFolder(plan.out);
  folder.checkFreeForNewRun();
  await startBackend(plan.backend);

  const { name, ...parameters } = plan.config.energy;
  const energy = createEnergy(name, parameters);
  let trainer: Trainer;
  try {
    trainer = Trainer.create(plan.config, energy);
  } catch (error) {
    energy.dispose();
    throw error;
  }

  // The trainer's config, not the plan's: a forward-KL run's data carries
  // the fingerprint of its samples, which the checkpoints carry too.
  const { backend, checkpointEvery } = plan;
  folder.writeConfig({ ...trainer.config, backend, checkpointEvery });
  return {
    folder,
    trainer,
    energy,
    backend,
    checkpointEvery,
    metrics: MetricsLog.create(folder.file('metrics')),
  };
}
