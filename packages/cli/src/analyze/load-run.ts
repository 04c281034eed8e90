import * as fs from 'fs';
import type { Flow } from '@neuralrg/bijectors';
import { createEnergy } from '@neuralrg/energies';
import type { EnergyModel } from '@neuralrg/energies';
import type { BackendName } from '@neuralrg/tensor';
import { Trainer, readCheckpoint } from '@neuralrg/trainer';
import type { Checkpoint } from '@neuralrg/trainer';
import { RunError, oneLine } from '../errors';
import { RunFolder } from '../run-folder';
import { startBackend } from '../start-backend';

/** A trained flow restored from a run folder, ready to be analysed. */
export interface LoadedRun {
  folder: RunFolder;
  checkpoint: Checkpoint;
  energy: EnergyModel;
  trainer: Trainer;
  flow: Flow;
  backend: BackendName;
  /** Linear lattice size. */
  L: number;
  dispose(): void;
}

/**
 * Reads checkpoint.json and config.json of a run folder, starts the
 * backend (the run's own unless `backend` is given) and rebuilds the
 * trained flow.
 *
 * @throws RunError for a missing folder, a missing or corrupt checkpoint
 *   or config, a backend that cannot start, or an energy that is not an
 *   L x L lattice.
 */
export async function loadRun(dir: string, backend?: BackendName): Promise<LoadedRun> {
  const folder = new RunFolder(dir);
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
    throw new RunError(
      `run folder '${dir}' does not exist; expected a folder made by 'neuralrg train --out'`,
    );
  }
  let checkpoint: Checkpoint;
  try {
    checkpoint = readCheckpoint(folder.file('checkpoint'));
  } catch (error) {
    throw new RunError(oneLine(error));
  }
  const stored = folder.readConfig();
  const chosen = backend ?? stored.backend;
  await startBackend(chosen);

  const { name, ...parameters } = checkpoint.config.energy;
  const energy = createEnergy(name, parameters);
  if (energy.shape.length !== 2 || energy.shape[0] !== energy.shape[1]) {
    energy.dispose();
    throw new RunError(
      `analyze needs an L x L lattice energy, the run's '${name}' has shape [${energy.shape.join(', ')}]`,
    );
  }
  let trainer: Trainer;
  try {
    trainer = Trainer.resume(checkpoint, energy);
  } catch (error) {
    energy.dispose();
    throw new RunError(`checkpoint ${folder.file('checkpoint')} cannot be restored: ${oneLine(error)}`);
  }
  return {
    folder,
    checkpoint,
    energy,
    trainer,
    flow: trainer.flow,
    backend: chosen,
    L: energy.shape[0],
    dispose() {
      trainer.dispose();
      energy.dispose();
    },
  };
}
