import type { Activation, Layout } from '@neuralrg/bijectors';
import type { BackendName } from '@neuralrg/tensor';
import type { GradientEstimator, Schedule } from '@neuralrg/trainer';

/** Defaults of `neuralrg train`, for every flag the user leaves out. */
export interface TrainDefaults {
  energy: string;
  backend: BackendName;
  epochs: number;
  batch: number;
  lr: number;
  schedule: Schedule;
  seed: number;
  symmetric: boolean;
  evalSamples: number;
  couplingLayers: number;
  hidden: readonly number[];
  activation: Activation;
  layout: Layout;
  repeats: number;
  scaleBound: number;
  checkpointEvery: number;
  threads: number;
  gradientEstimator: GradientEstimator;
  /** Fraction of a --data file held out for the held-out NLL. */
  holdout: number;
}

/**
 * The one place where the defaults of `neuralrg train` live. The flow's
 * `depth` has no entry: left out, it is log2 L (every RG level).
 */
export const TRAIN_DEFAULTS: Readonly<TrainDefaults> = Object.freeze({
  energy: 'ising',
  backend: 'wasm',
  epochs: 1500,
  batch: 256,
  lr: 0.005,
  schedule: 'cosine',
  seed: 1,
  symmetric: true,
  evalSamples: 8192,
  couplingLayers: 6,
  hidden: Object.freeze([24, 24]),
  activation: 'elu',
  layout: 'mera',
  repeats: 1,
  scaleBound: 2,
  checkpointEvery: 25,
  threads: 1,
  gradientEstimator: 'reparam',
  holdout: 0.1,
});
