import type { ValueWithError } from './fields';
import type { Problem } from './problem';

/** One line of metrics.jsonl: a training step. */
export interface MetricPoint {
  step: number;
  /** F_q on this step's batch. */
  freeEnergy: number;
  freeEnergyStdErr?: number;
  /** F_q + ln Z on this batch, when ln Z is exact. */
  klGap?: number;
  seconds?: number;
}

/** summary.json: the final results of `neuralrg train`. */
export interface RunSummary {
  step?: number;
  freeEnergy?: ValueWithError;
  klGap?: number;
  lnZ?: ValueWithError;
  exactLnZ?: number;
  exactLnZIsing?: number;
  essFraction?: number;
  evalSamples?: number;
  wallSeconds?: number;
  trainSeconds?: number;
  secondsPerStep?: number;
  backend?: string;
  versions: Record<string, string>;
}

/** A PNG file of the run folder, checked and kept as bytes. */
export interface PngImage {
  file: string;
  bytes: Buffer;
  width: number;
  height: number;
}

/** One observable of estimates.json. */
export interface ObservableRow {
  name: string;
  description?: string;
  /** Reweighted to the target (self-normalised importance sampling). */
  value: number;
  stdErr?: number;
  /** Plain average under the flow q. */
  flowValue?: number;
  flowStdErr?: number;
  exact?: number;
  deviation?: number;
}

/** estimates.json: `neuralrg estimate`. */
export interface EstimatesData {
  step?: number;
  samples?: number;
  backend?: string;
  freeEnergy?: ValueWithError;
  lnZ?: ValueWithError;
  lnZBootstrapStdErr?: number;
  essFraction?: number;
  exactLnZ?: number;
  klGap?: ValueWithError;
  lnZDeviation?: number;
  isingLnZ?: ValueWithError;
  isingExactLnZ?: number;
  observables: ObservableRow[];
  versions: Record<string, string>;
}

/** One observable of one sampler in samplers.json. */
export interface SamplerObservable {
  mean: number;
  stdErr?: number;
  tauInt?: number;
  tauIntStdErr?: number;
  ess?: number;
  essPerSecond?: number;
  rhat?: number;
  exact?: number;
  autocorrelation?: number[];
}

/** One sampler of samplers.json. */
export interface SamplerRow {
  sampler: string;
  engine?: string;
  chains?: number;
  steps?: number;
  seconds?: number;
  /** Mean acceptance; undefined when none was measured. */
  acceptance?: number;
  observables: Record<string, SamplerObservable | null>;
}

/** samplers.json: `neuralrg compare-samplers`. */
export interface SamplersData {
  L?: number;
  T?: number;
  backend?: string;
  latticeEngine?: string;
  exact: Record<string, number>;
  samplers: SamplerRow[];
  skipped: { sampler: string; reason: string }[];
  versions: Record<string, string>;
}

/** Mutual information of a group of site pairs: mean and spread over pairs. */
export interface MiGroup {
  pairs?: number;
  physical: { mean: number; std: number };
  latent: { mean: number; std: number };
}

export interface MiDistanceGroup extends MiGroup {
  distance: number;
}

export interface MiLevelGroup extends MiGroup {
  level: number;
  byDistance: MiDistanceGroup[];
}

/** One latent variable's Jacobian row next to the Haar basis function of its site. */
export interface LatentJacobianData {
  site: number;
  level: number;
  band: string;
  blockRow: number;
  blockCol: number;
  mean: number[];
  std: number[];
  haar: number[];
  cosineToHaar?: number;
}

/** analysis.json: `neuralrg analyze`. */
export interface AnalysisData {
  L: number;
  depth?: number;
  samples?: number;
  /** Tensor backend of the flow samples. */
  backend?: string;
  density?: string;
  essFraction?: number;
  groupedBy?: string;
  /** Per site pair: the MI of x and of z (for the matrices). */
  pairs: { siteA: number; siteB: number; physical: number; latent: number }[];
  byDistance: MiDistanceGroup[];
  byLevel: MiLevelGroup[];
  betweenLevels: { levelA: number; levelB: number; physical: number; latent: number }[];
  latents: LatentJacobianData[];
  cosineByLevel: { level: number; mean: number; latents?: number }[];
  versions: Record<string, string>;
}

/** Everything read from a run folder. Absent optional files are undefined. */
export interface RunData {
  /** The folder as given. */
  folder: string;
  /** Its last path component: the run's name. */
  name: string;
  /** config.json as it is (shown as a table), when readable. */
  config?: Record<string, unknown>;
  metrics: MetricPoint[];
  summary?: RunSummary;
  samplesPng?: PngImage;
  estimates?: EstimatesData;
  samplers?: SamplersData;
  analysis?: AnalysisData;
  /** Input files found, and those looked for but absent. */
  present: string[];
  missing: string[];
  problems: Problem[];
}

/**
 * Renormalised variables of a few flow samples at each scale: scale 0 is
 * the physical field x (L x L); scale k the variables on the sites of the
 * 2^k grid after the first k RG levels of the flow's renormalisation
 * direction ((L / 2^k) x (L / 2^k)). Computed by the caller from the
 * flow (the CLI does, from checkpoint.json).
 */
export interface RenormalisedFields {
  /** Training step of the flow. */
  step?: number;
  seed: number;
  scales: { scale: number; size: number; fields: number[][] }[];
}
