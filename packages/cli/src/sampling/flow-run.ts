import * as fs from 'fs';
import * as path from 'path';
import type { Flow } from '@neuralrg/bijectors';
import { IsingDual, createEnergy } from '@neuralrg/energies';
import { Trainer, readCheckpoint } from '@neuralrg/trainer';
import { RunError, oneLine } from '../errors';

/** A trained flow loaded from a run folder, with the dual energy it was trained on. */
export interface FlowRun {
  dir: string;
  flow: Flow;
  dual: IsingDual;
  L: number;
  T: number;
  /** Optimisation steps behind the flow. */
  step: number;
  /** Releases the flow's and the energy's tensors. */
  dispose(): void;
}

/**
 * Loads the flow of a `neuralrg train` run folder from its
 * checkpoint.json, rebuilding it on the energy it was trained on. The
 * tensor backend must be started first.
 *
 * @throws RunError when the folder or checkpoint is missing or corrupt, or
 *   the run is not on the Ising model.
 */
export function loadFlowRun(dir: string): FlowRun {
  const file = path.join(dir, 'checkpoint.json');
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
    throw new RunError(
      `--flow '${dir}' is not a folder; expected a run folder made by 'neuralrg train --out'`,
    );
  }
  let checkpoint;
  try {
    checkpoint = readCheckpoint(file);
  } catch (error) {
    throw new RunError(oneLine(error));
  }
  const { name, ...parameters } = checkpoint.config.energy;
  if (name !== 'ising') {
    throw new RunError(
      `--flow '${dir}' holds a flow for '${name}'; the samplers compare on 'ising' only`,
    );
  }
  const energy = createEnergy(name, parameters);
  if (!(energy instanceof IsingDual)) {
    energy.dispose();
    throw new RunError(`--flow '${dir}': the energy 'ising' did not build an IsingDual`);
  }
  let trainer: Trainer;
  try {
    trainer = Trainer.resume(checkpoint, energy);
  } catch (error) {
    energy.dispose();
    throw new RunError(`checkpoint ${file} cannot be restored: ${oneLine(error)}`);
  }
  return {
    dir,
    flow: trainer.flow,
    dual: energy,
    L: energy.config.L,
    T: energy.config.T,
    step: checkpoint.step,
    dispose() {
      trainer.dispose();
      energy.dispose();
    },
  };
}
