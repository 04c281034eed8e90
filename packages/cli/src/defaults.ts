import type { Activation, Layout } from '@neuralrg/bijectors';
import type { BackendName } from '@neuralrg/tensor';

/** Defaults of `neuralrg train`, for every flag the user leaves out. */
export interface TrainDefaults {
  energy: string;
  backend: BackendName;
  epochs: number;
  batch: number;
  lr: number;
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
}

/**
 * The one place where the defaults of `neuralrg train` live. The flow's
 * `depth` has no entry: left out, it is log2 L (every RG level).
 */
export const TRAIN_DEFAULTS: Readonly<TrainDefaults> = Object.freeze({
  energy: 'ising',
  backend: 'wasm',
  epochs: 500,
  batch: 256,
  lr: 0.005,
  seed: 1,
  symmetric: true,
  evalSamples: 4096,
  couplingLayers: 4,
  hidden: Object.freeze([16, 16]),
  activation: 'elu',
  layout: 'mera',
  repeats: 1,
  scaleBound: 2,
  checkpointEvery: 25,
});
