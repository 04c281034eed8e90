/** The samplers of this package, by name. */
export const SAMPLER_KINDS = [
  'metropolis',
  'wolff',
  'hmc',
  'latent-hmc',
  'flow-metropolis',
] as const;
export type SamplerKind = (typeof SAMPLER_KINDS)[number];

/** A chain taken out of the run, and why. */
export interface ChainStop {
  chain: number;
  /** The step (1-based, warm-up included) at which it stopped. */
  step: number;
  reason: string;
}

/** What one step of a sampler reports, for every chain. */
export interface SamplerStep {
  /** Steps completed by the sampler, warm-up included. */
  step: number;
  /**
   * Per chain, the acceptance of this step in [0, 1]: the Metropolis
   * probability min(1, ratio) for HMC and independence Metropolis, the
   * fraction of accepted flips of a Metropolis sweep, 1 for Wolff. NaN for
   * a stopped chain.
   */
  acceptance: Float64Array;
  /** Per observable name, the value of each chain after this step; NaN for a stopped chain. */
  observables: Record<string, Float64Array>;
  /** Chains that stopped during this step. */
  stopped: ChainStop[];
}

/** A sampler's whole state as JSON, for stopping and resuming a run exactly. */
export interface SamplerState {
  kind: SamplerKind;
  chains: number;
  step: number;
  rng: number[];
  stopped: ChainStop[];
  /** Sampler-specific: the configuration, step size and adaptation state. */
  data: Record<string, unknown>;
}

/**
 * A Markov chain Monte Carlo sampler running many chains as one batch.
 * Every sampler of this package has this shape, so that a driver
 * ({@link runSampler}), the CLI and reports treat them alike.
 *
 * A chain whose energy turns NaN (or -Infinity) is stopped: it keeps its
 * last state, reports NaN from then on, is listed in `stopped`, and the
 * summaries leave it out.
 */
export interface Sampler {
  readonly kind: SamplerKind;
  readonly chains: number;
  /** Names of the observables each step reports, e.g. ['energy', 'absMagnetization']. */
  readonly observableNames: readonly string[];
  /** What one step is, for people, e.g. 'sweep of 64 single-spin updates'. */
  readonly stepUnit: string;
  /** The code that does the work, e.g. 'typescript' or 'tfjs wasm'. */
  readonly engine: string;
  /** Steps completed, warm-up included. */
  readonly stepsDone: number;
  /** Chains stopped so far. */
  readonly stopped: readonly ChainStop[];
  /**
   * Advances every live chain by one step. With `adapt`, tunable
   * parameters (an HMC step size) adapt, which breaks detailed balance:
   * use it during warm-up only.
   */
  step(adapt: boolean): Promise<SamplerStep>;
  /** The tuned parameters and facts a report should show. */
  settings(): Record<string, number | string | boolean>;
  /**
   * The current configuration of every chain, chains x width row-major:
   * spins as +1/-1 for the lattice samplers, physical x = g(z) for latent
   * HMC, x itself for the others. A copy.
   */
  samples(): { values: Float32Array; width: number };
  /** The whole state, to resume with the sampler's `resume` option. */
  saveState(): SamplerState;
  dispose(): void;
}
