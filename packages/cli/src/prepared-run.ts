import type { EnergyModel } from '@neuralrg/energies';
import type { BackendName } from '@neuralrg/tensor';
import type { Trainer } from '@neuralrg/trainer';
import type { MetricsLog } from './metrics-log';
import type { RunFolder } from './run-folder';

/** A run ready to train: a new one, or one restored from its checkpoint. */
export interface PreparedRun {
  folder: RunFolder;
  trainer: Trainer;
  energy: EnergyModel;
  backend: BackendName;
  checkpointEvery: number;
  metrics: MetricsLog;
  /** Step of the checkpoint the run was resumed from; undefined for a new run. */
  resumedFrom?: number;
  /** Backend of the session before, when resumed; steps match bit for bit only on the same one. */
  previousBackend?: BackendName;
}

/** Releases the tensors of a run. */
export function disposeRun(run: PreparedRun): void {
  run.trainer.dispose();
  run.energy.dispose();
}
