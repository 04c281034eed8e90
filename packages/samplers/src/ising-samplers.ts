import type { Flow } from '@neuralrg/bijectors';
import { IsingDual } from '@neuralrg/energies';
import { Rng } from '@neuralrg/tensor';
import { dualIsingObservables } from './dual-observables';
import { dualFromSpins } from './dual-start';
import { FlowMetropolis } from './flow-metropolis';
import { Hmc } from './hmc';
import type { StepSizeAdaptation } from './hmc';
import type { MetricKind } from './metric';
import { IsingMetropolis } from './ising-metropolis';
import { IsingWolff } from './ising-wolff';
import { latentHmc } from './latent-hmc';
import type { LatticeEngine } from './lattice-engine';
import type { Sampler, SamplerKind, SamplerState } from './sampler';
import { SAMPLER_KINDS } from './sampler';
import { ISING_OBSERVABLES } from './spin-observables';
import { checkChains, checkInteger, checkLatticeSize, checkTemperature } from './validate';

/** Default starting HMC step size on the dual and in latent space (then adapted). */
export const DEFAULT_HMC_STEP_SIZE = 0.1;

/** Everything needed to build any of the five samplers on one Ising target. */
export interface IsingSamplerSetup {
  L: number;
  T: number;
  chains: number;
  seed?: number;
  /** The continuous dual at (L, T), for the HMC and flow samplers; built when absent. */
  dual?: IsingDual;
  /** A flow trained on the dual at (L, T), for latent HMC and flow Metropolis. */
  flow?: Flow;
  /** Code for the lattice samplers; TypeScript when absent. */
  engine?: LatticeEngine;
  stepSize?: number;
  leapfrogSteps?: number;
  targetAcceptance?: number;
  /** HMC and latent HMC: see {@link StepSizeAdaptation}. */
  stepSizeAdaptation?: StepSizeAdaptation;
  /** HMC and latent HMC: the metric, adapted over `warmupSteps` (see {@link MetricKind}). */
  metric?: MetricKind;
  warmupSteps?: number;
  /** Latent HMC: a global move from the prior after every so many trajectories; 0 for none. */
  globalEvery?: number;
  /** HMC and latent HMC: the second-try step reduction of delayed rejection (Hmc); 0 for none. */
  delayedRejection?: number;
  proposalBatch?: number;
  resume?: SamplerState;
}

/** Samplers that need a trained flow. */
export const FLOW_SAMPLERS: readonly SamplerKind[] = ['latent-hmc', 'flow-metropolis'];

/**
 * Builds one of the five samplers on the 2D Ising model at (L, T), all
 * reporting the same observables (energy and |magnetisation| per site):
 * - metropolis, wolff: on the spins, from a hot start;
 * - hmc: physical HMC on the continuous dual, from x ~ N(K s, K) of
 *   hot-start spins s;
 * - latent-hmc, flow-metropolis: through the trained flow, from flow samples.
 * The dual samplers measure the energy by its exact conditional mean and
 * |m| on decoded spins (dualIsingObservables).
 *
 * @throws RangeError for bad sizes, an unknown kind, or a flow sampler
 *   without a flow or with a flow of the wrong size.
 */
export function createIsingSampler(kind: SamplerKind, setup: IsingSamplerSetup): Sampler {
  if (!(SAMPLER_KINDS as readonly string[]).includes(kind)) {
    throw new RangeError(
      `sampler must be one of ${SAMPLER_KINDS.join(', ')}, got '${String(kind)}'`,
    );
  }
  const L = checkLatticeSize(setup.L);
  const T = checkTemperature(setup.T);
  const chains = checkChains(setup.chains);
  const seed = checkInteger('seed', setup.seed ?? 1, 0);
  const resume = setup.resume;

  if (kind === 'metropolis' || kind === 'wolff') {
    const options = { L, T, chains, seed, engine: setup.engine, resume };
    return kind === 'metropolis' ? new IsingMetropolis(options) : new IsingWolff(options);
  }

  const dual = setup.dual ?? new IsingDual({ L, T });
  if (dual.config.L !== L || dual.config.T !== T) {
    throw new RangeError(
      `the dual energy is for L = ${dual.config.L}, T = ${dual.config.T}, ` +
        `expected L = ${L}, T = ${T}`,
    );
  }
  const energy = (x: Parameters<IsingDual['energy']>[0]) => dual.energy(x);
  const observe = dualIsingObservables(L);
  const observableNames = ISING_OBSERVABLES;
  const hmcOptions = {
    chains,
    stepSize: setup.stepSize ?? DEFAULT_HMC_STEP_SIZE,
    leapfrogSteps: setup.leapfrogSteps,
    targetAcceptance: setup.targetAcceptance,
    stepSizeAdaptation: setup.stepSizeAdaptation,
    metric: setup.metric,
    warmupSteps: setup.warmupSteps,
    delayedRejection: setup.delayedRejection,
    observe,
    observableNames,
    resume,
  };

  if (kind === 'hmc') {
    const startRng = new Rng(seed);
    const spins = new Int8Array(chains * L * L).map(() => (startRng.uniform() < 0.5 ? 1 : -1));
    const initial =
      resume === undefined ? dualFromSpins(spins, L, T, startRng) : new Float32Array(0);
    return new Hmc({ ...hmcOptions, potential: energy, dim: L * L, initial, seed: seed + 1 });
  }

  const flow = setup.flow;
  if (flow === undefined) {
    throw new RangeError(`sampler '${kind}' needs a trained flow, got none`);
  }
  if (flow.dim !== L * L) {
    throw new RangeError(
      `the flow acts on ${flow.dim} variables, expected L*L = ${L * L} for L = ${L}`,
    );
  }
  if (kind === 'latent-hmc') {
    return latentHmc({ ...hmcOptions, flow, energy, seed, globalEvery: setup.globalEvery });
  }
  return new FlowMetropolis({
    flow,
    energy,
    chains,
    seed,
    proposalBatch: setup.proposalBatch,
    observe,
    observableNames,
    resume,
  });
}
