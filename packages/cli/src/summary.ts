import { IsingDual } from '@neuralrg/energies';
import type { EnergyModel } from '@neuralrg/energies';
import type { BackendName } from '@neuralrg/tensor';
import type { FlowEstimates, TrainConfig } from '@neuralrg/trainer';
import type { Versions } from './versions';

/** Exact ln Z values of the target, when known. */
export interface ExactLnZ {
  /** ln Z of the density the flow is trained on (for Ising, the continuous dual). */
  lnZ: number;
  /** ln Z of the Ising model itself. */
  lnZIsing?: number;
  /** ln Z of the continuous dual (equal to lnZ for Ising). */
  lnZcont?: number;
}

/** summary.json: the final results of a run. */
export interface RunSummary {
  step: number;
  energy: TrainConfig['energy'];
  exact?: ExactLnZ;
  /** F_q = E_q[ln q + E] from the evaluation samples, an upper bound on -ln Z. */
  freeEnergy: number;
  freeEnergyStdErr: number;
  /** F_q + ln Z = KL(q || p) in nats, when ln Z is exact. */
  klGap?: number;
  /** ln Z estimated by importance sampling with the flow as proposal. */
  lnZ: number;
  lnZStdErr: number;
  /** Effective sample size over the number of samples, in (0, 1]. */
  essFraction: number;
  /** Forward-KL runs: the final mean -ln q over the held-out data rows, the run's own loss. */
  heldOutNll?: number;
  heldOutNllStdErr?: number;
  evalSamples: number;
  /** Wall-clock seconds of this invocation, from start-up to summary. */
  wallSeconds: number;
  /** Seconds in training steps, over every session of the run. */
  trainSeconds: number;
  secondsPerStep: number;
  backend: BackendName;
  versions: Versions;
}

/** The exact ln Z values an energy model knows. */
export function exactLnZ(energy: EnergyModel): ExactLnZ | undefined {
  if (energy instanceof IsingDual) {
    return { lnZ: energy.exactLnZ, lnZIsing: energy.lnZIsing, lnZcont: energy.exactLnZ };
  }
  return energy.exactLnZ === undefined ? undefined : { lnZ: energy.exactLnZ };
}

/** What {@link buildSummary} combines. */
export interface SummaryInputs {
  step: number;
  config: TrainConfig;
  energy: EnergyModel;
  estimates: FlowEstimates;
  /** Forward-KL runs with held-out rows: the final held-out NLL. */
  heldOutNll?: { mean: number; stdErr: number };
  wallSeconds: number;
  trainSeconds: number;
  backend: BackendName;
  versions: Versions;
}

export function buildSummary(inputs: SummaryInputs): RunSummary {
  const { estimates, step } = inputs;
  const exact = exactLnZ(inputs.energy);
  return {
    step,
    energy: inputs.config.energy,
    ...(exact === undefined ? {} : { exact }),
    freeEnergy: estimates.freeEnergy,
    freeEnergyStdErr: estimates.freeEnergyStdErr,
    ...(exact === undefined ? {} : { klGap: estimates.freeEnergy + exact.lnZ }),
    lnZ: estimates.lnZ,
    lnZStdErr: estimates.lnZStdErr,
    essFraction: estimates.essFraction,
    ...(inputs.heldOutNll === undefined
      ? {}
      : { heldOutNll: inputs.heldOutNll.mean, heldOutNllStdErr: inputs.heldOutNll.stdErr }),
    evalSamples: estimates.samples,
    wallSeconds: inputs.wallSeconds,
    trainSeconds: inputs.trainSeconds,
    secondsPerStep: step > 0 ? inputs.trainSeconds / step : 0,
    backend: inputs.backend,
    versions: inputs.versions,
  };
}
