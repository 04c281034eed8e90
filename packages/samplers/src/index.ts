export { SAMPLER_KINDS } from './sampler';
export type { ChainStop, Sampler, SamplerKind, SamplerState, SamplerStep } from './sampler';
export { runSampler } from './run-sampler';
export type { RunCallbacks, RunEnd, RunPlan, SamplingProgress } from './run-sampler';
export { checkRecord, emptyRecord, liveChains, recordStep } from './sampling-record';
export type { SamplingRecord } from './sampling-record';
export { summariseRun } from './sampler-summary';
export type { ObservableReport, SamplerSummary } from './sampler-summary';

export {
  Hmc,
  DEFAULT_LEAPFROG_STEPS,
  DEFAULT_STEP_JITTER,
  DEFAULT_TARGET_ACCEPTANCE,
  MAX_DELAYED_REJECTION,
  STEP_SIZE_ADAPTATIONS,
} from './hmc';
export type { HmcOptions, StepSizeAdaptation } from './hmc';
export {
  Metric,
  METRIC_KINDS,
  MIN_METRIC_WARMUP,
  metricWindowEnds,
  metricWindowStart,
} from './metric';
export type { MetricKind, MetricState } from './metric';
export { DualAveraging } from './dual-averaging';
export type { DualAveragingState } from './dual-averaging';
export { LATENT_TRAJECTORY_LENGTH, latentHmc, latentPotential } from './latent-hmc';
export type { LatentHmcOptions } from './latent-hmc';
export { FlowMetropolis, DEFAULT_PROPOSAL_BATCH } from './flow-metropolis';
export type { FlowMetropolisOptions } from './flow-metropolis';
export { potentialAndGradient, potentialValues } from './potential-gradient';
export type { Potential } from './potential-gradient';
export { dualIsingObservables } from './dual-observables';
export type { ObserveFunction } from './dual-observables';
export { dualFromSpins, dualLift } from './dual-start';

export { IsingMetropolis } from './ising-metropolis';
export { IsingWolff } from './ising-wolff';
export type { IsingLatticeOptions } from './ising-lattice-options';
export { LATTICE_ENGINES, selectLatticeEngine } from './lattice-engine';
export type { LatticeEngine, LatticeEnginePreference } from './lattice-engine';
export { emulatedKernelRunner } from './kernel-runner';
export type { KernelArgument, KernelRunner, SiteKernel } from './kernel-runner';
export { loadGpuJs } from './gpujs-runner';
export {
  bondSiteKernel,
  clusterFlipKernel,
  labelJumpKernel,
  labelPropagationKernel,
  metropolisSiteKernel,
} from './lattice-kernels';
export type { KernelThread } from './lattice-kernels';
export { metropolisHalfSweep } from './checkerboard-reference';
export { clusterFromBonds, wolffUpdate } from './wolff-reference';
export { wolffKernelUpdate } from './wolff-kernel-update';
export type { WolffDraws } from './wolff-kernel-update';
export { ISING_OBSERVABLES, batchSpinObservables, spinObservables } from './spin-observables';
export type { SpinArray } from './spin-observables';

export { createIsingSampler, DEFAULT_HMC_STEP_SIZE, FLOW_SAMPLERS } from './ising-samplers';
export type { IsingSamplerSetup } from './ising-samplers';
export { isingExactObservables } from './ising-exact';
export type { IsingExactObservables } from './ising-exact';
export { isingExactEnergyPerSite } from './ising-exact-energy';
export type { ExactEnergy } from './ising-exact-energy';
export { isingEnumeratedAverages, ENUMERATION_MAX_L } from './ising-enumeration';
export type { EnumeratedAverages } from './ising-enumeration';

export { integratedAutocorrelation, DEFAULT_WINDOW_FACTOR } from './tau-int';
export type { TauIntEstimate } from './tau-int';
export { pooledAutocovariance } from './autocovariance';
export { splitRhat } from './rhat';
export { binnedStdErr } from './binning';
export { summariseObservable } from './observable-summary';
export type { ObservableSummary } from './observable-summary';
export {
  isingDataset,
  DEFAULT_DATASET_CHAINS,
  DEFAULT_DATASET_THIN,
  DEFAULT_DATASET_WARMUP,
} from './ising-dataset';
export type { IsingDataset, IsingDatasetOptions } from './ising-dataset';
