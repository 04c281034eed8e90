import * as fs from 'fs';
import * as path from 'path';
import type { Flow } from '@neuralrg/bijectors';
import { createEnergy } from '@neuralrg/energies';
import type { EnergyModel } from '@neuralrg/energies';
import { Trainer, readCheckpoint } from '@neuralrg/trainer';
import type { Checkpoint } from '@neuralrg/trainer';
import { RunError, oneLine } from '../errors';

/** A trained flow of a run folder with the energy it targets. */
export interface TrainedRun {
  dir: string;
  checkpoint: Checkpoint;
  flow: Flow;
  energy: EnergyModel;
  dispose(): void;
}

/**
 * Rebuilds the flow of a run folder from its checkpoint.json on the energy
 * of its config (any registered model, or a user module). Settings that
 * only matter while training (forward-KL data, the STL shadow flow) are
 * dropped, so that estimating needs neither the data file nor a second
 * flow. The tensor backend must be started first.
 *
 * @throws RunError when the folder or checkpoint is missing or corrupt, or
 *   the energy or the flow cannot be rebuilt.
 */
export function loadTrainedRun(dir: string): TrainedRun {
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
    throw new RunError(
      `run '${dir}' is not a folder; expected a run folder made by 'neuralrg train --out'`,
    );
  }
  let checkpoint: Checkpoint;
  try {
    checkpoint = readCheckpoint(path.join(dir, 'checkpoint.json'));
  } catch (error) {
    throw new RunError(oneLine(error));
  }

  const { name, ...parameters } = checkpoint.config.energy;
  let energy: EnergyModel;
  try {
    energy = createEnergy(name, parameters);
  } catch (error) {
    throw new RunError(`the energy of run '${dir}' cannot be rebuilt: ${oneLine(error)}`);
  }
  const { mode: _mode, data: _data, gradientEstimator: _estimator, ...config } = checkpoint.config;
  let trainer: Trainer;
  try {
    trainer = Trainer.resume({ ...checkpoint, config }, energy);
  } catch (error) {
    energy.dispose();
    throw new RunError(`checkpoint of run '${dir}' cannot be restored: ${oneLine(error)}`);
  }
  return {
    dir,
    checkpoint,
    flow: trainer.flow,
    energy,
    dispose() {
      trainer.dispose();
      energy.dispose();
    },
  };
}
