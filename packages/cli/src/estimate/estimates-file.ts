import { IsingDual } from '@neuralrg/energies';
import type { EnergyModel } from '@neuralrg/energies';
import type { BackendName } from '@neuralrg/tensor';
import type {
  Estimate,
  ObservableEstimate,
  ObservableWeights,
  PhysicsEstimates,
  TrainConfig,
} from '@neuralrg/trainer';
import type { Versions } from '../versions';

export const ESTIMATES_FORMAT = 'neuralrg-estimates';
export const ESTIMATES_VERSION = 1;

/** Above this Pareto k the importance-sampling error bars are not trusted (Vehtari et al. 2024). */
export const PARETO_K_LIMIT = 0.7;

/**
 * RUN/estimates.json, written by `neuralrg estimate`. Every quantity with
 * an error bar is `{ value, stdErr }` (one standard error). Schema, version 1:
 *
 * - `format` 'neuralrg-estimates', `version` 1
 * - `run` the folder; `step` the optimisation steps behind the flow;
 *   `energy` the model name and parameters (as in config.json)
 * - `samples`, `batch`, `seed`, `backend`, `bootstrapResamples`: how the
 *   numbers were made (the same values give the same numbers on one backend)
 * - `freeEnergy`: F_q = E_q[ln q + E], an upper bound on -ln Z
 * - `lnZ`: importance-sampled ln Z with `stdErr` (delta method) and
 *   `bootstrapStdErr`
 * - `essFraction`: (sum w)^2 / (n sum w^2)
 * - `paretoK`: Pareto shape of the weights' upper tail (PSIS diagnostic);
 *   above 0.7 the importance-sampling estimates and their error bars are
 *   unreliable (the flow misses part of the target); `reliable` is
 *   paretoK <= 0.7
 * - `exactLnZ` and `klGap` (F_q + exact ln Z, in nats) when ln Z is known;
 *   `lnZDeviation` = (lnZ - exactLnZ) / lnZ.stdErr
 * - `ising` (Ising runs only): `lnZ` of the spin model itself, the
 *   estimate minus the dual's constant shift, and `exactLnZ` (Kaufman)
 * - `weights`: 'raw' or 'psis', the weights behind the reweighted
 *   observables (--weights; PSIS smooths the largest by a fitted Pareto tail)
 * - `observables`: one entry per observable, in the model's order:
 *   `name`, `description`, `kind` ('mean' or 'derived'), `value` and
 *   `stdErr` (self-normalised importance sampling, delta method), `flowValue`
 *   and `flowStdErr` (plain average under q, not reweighted), and where the
 *   model knows it `exact` with `deviation` = (value - exact) / stdErr.
 *   Names with a distance carry it in brackets: `correlation[2]`.
 * - `seconds` (wall time of the estimate) and `versions` (node, neuralrg, tfjs).
 */
export interface EstimatesFile {
  format: typeof ESTIMATES_FORMAT;
  version: number;
  run: string;
  step: number;
  energy: TrainConfig['energy'];
  samples: number;
  batch: number;
  seed: number;
  backend: BackendName;
  bootstrapResamples: number;
  freeEnergy: Estimate;
  lnZ: Estimate & { bootstrapStdErr: number };
  essFraction: number;
  paretoK: number;
  reliable: boolean;
  exactLnZ?: number;
  klGap?: Estimate;
  lnZDeviation?: number;
  ising?: { lnZ: Estimate; exactLnZ: number };
  weights: ObservableWeights;
  observables: ObservableEstimate[];
  seconds: number;
  versions: Versions;
}

/** What {@link buildEstimatesFile} combines. */
export interface EstimatesInputs {
  run: string;
  step: number;
  config: TrainConfig;
  energy: EnergyModel;
  estimates: PhysicsEstimates;
  batch: number;
  seed: number;
  backend: BackendName;
  seconds: number;
  versions: Versions;
}

export function buildEstimatesFile(inputs: EstimatesInputs): EstimatesFile {
  const { estimates, energy } = inputs;
  const lnZ = estimates.lnZ;
  const file: EstimatesFile = {
    format: ESTIMATES_FORMAT,
    version: ESTIMATES_VERSION,
    run: inputs.run,
    step: inputs.step,
    energy: inputs.config.energy,
    samples: estimates.samples,
    batch: inputs.batch,
    seed: inputs.seed,
    backend: inputs.backend,
    bootstrapResamples: lnZ.bootstrapResamples,
    freeEnergy: estimates.freeEnergy,
    lnZ: { value: lnZ.lnZ, stdErr: lnZ.stdErr, bootstrapStdErr: lnZ.bootstrapStdErr },
    essFraction: lnZ.essFraction,
    paretoK: lnZ.paretoK,
    reliable: lnZ.paretoK <= PARETO_K_LIMIT,
    weights: estimates.weights,
    observables: estimates.observables,
    seconds: inputs.seconds,
    versions: inputs.versions,
  };
  if (estimates.exactLnZ !== undefined) {
    file.exactLnZ = estimates.exactLnZ;
    file.klGap = estimates.klGap;
    if (lnZ.stdErr > 0) file.lnZDeviation = (lnZ.lnZ - estimates.exactLnZ) / lnZ.stdErr;
  }
  if (energy instanceof IsingDual) {
    file.ising = {
      lnZ: { value: lnZ.lnZ - energy.shift, stdErr: lnZ.stdErr },
      exactLnZ: energy.lnZIsing,
    };
  }
  return file;
}
