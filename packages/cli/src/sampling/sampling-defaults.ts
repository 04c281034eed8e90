import type { BackendName } from '@neuralrg/tensor';
import type {
  LatticeEnginePreference,
  MetricKind,
  StepSizeAdaptation,
} from '@neuralrg/samplers';

/** Defaults of `neuralrg sample` and `neuralrg compare-samplers`. */
export interface SamplingDefaults {
  /** Chains of the lattice samplers (metropolis, wolff), which cost the same per chain at any count. */
  latticeChains: number;
  /**
   * Chains of the tfjs samplers (hmc, latent-hmc, flow-metropolis): a flow
   * gradient costs about as much for 32 rows as for 8 on the wasm backend
   * (~0.1 s at L = 8), so these run more chains per batch.
   */
  tensorChains: number;
  warmup: number;
  sweeps: number;
  /** Wall-time budget of the sampling phase, per sampler, in seconds. */
  seconds: number;
  seed: number;
  backend: BackendName;
  engine: LatticeEnginePreference;
  leapfrog: number;
  stepSize: number;
  stepSizeAdaptation: StepSizeAdaptation;
  metric: MetricKind;
  globalEvery: number;
  delayedRejection: number;
  proposalBatch: number;
}

/**
 * The one place where the sampling defaults live. With them
 * `compare-samplers` at L = 8 takes at most ~4 minutes: 5 samplers x
 * (30 s sampling + at most 15 s warm-up), and less for the samplers that
 * reach their step counts first.
 */
export const SAMPLING_DEFAULTS: Readonly<SamplingDefaults> = Object.freeze({
  latticeChains: 8,
  tensorChains: 32,
  warmup: 200,
  sweeps: 20000,
  seconds: 30,
  seed: 1,
  backend: 'wasm',
  engine: 'auto',
  leapfrog: 10,
  stepSize: 0.1,
  stepSizeAdaptation: 'shared',
  metric: 'identity',
  globalEvery: 0,
  delayedRejection: 0,
  proposalBatch: 256,
});

/**
 * The warm-up budget is this fraction of the sampling budget: enough for
 * ~15 latent-HMC trajectories of step-size adaptation at L = 8.
 */
export const WARMUP_BUDGET_FRACTION = 0.5;
