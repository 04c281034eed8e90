import { DEFAULT_HIERARCHY, LAYOUTS, parseActivation } from '@neuralrg/bijectors';
import type { Activation, Layout } from '@neuralrg/bijectors';
import { scheduledLearningRate } from './learning-rate';
import { validateTrainingOptions } from './training-options';
import type { TrainingOptions } from './training-options';

/** Learning-rate schedules over the configured number of steps. */
export const SCHEDULES = ['constant', 'cosine', 'linear', 'exponential'] as const;
export type Schedule = (typeof SCHEDULES)[number];

/** The flow architecture, as stored in configs and checkpoints. */
export interface FlowConfig {
  layout: Layout;
  depth?: number;
  repeats: number;
  /** Registered bijector type of each block (default 'realnvp'); plugins add more. */
  block?: string;
  /** Extra options for the block factory. */
  blockOptions?: Record<string, unknown>;
  /** Sites per block on a 1D chain: 2 (default) or 4. */
  blockSize?: number;
  /** Side of the square blocks on a 2D lattice: 2 (default) or 4. */
  kernel?: number;
  couplingLayers: number;
  hidden: number[];
  activation: Activation;
  scaleBound: number;
}

/**
 * Everything that defines a training run; stored with every checkpoint.
 * The optional {@link TrainingOptions} (mode, data, gradientEstimator,
 * clipNorm, earlyStopping, warmupSteps) default to plain reverse-KL steps.
 */
export interface TrainConfig extends TrainingOptions {
  /** Energy model name and parameters, e.g. { name: 'ising', L: 8, T: 2.269 }. */
  energy: { name: string } & Record<string, number | string>;
  flow: FlowConfig;
  /** Modules to load before the flow is built (they register bijectors or energies). */
  plugins?: string[];
  /** Train and sample the Z2-symmetrised density q_sym(x) = [q(x) + q(-x)] / 2. */
  symmetric: boolean;
  batch: number;
  /** Number of optimisation steps. */
  epochs: number;
  learningRate: number;
  /** 'constant', 'cosine', 'linear' or 'exponential' (see scheduledLearningRate). */
  schedule?: Schedule;
  seed: number;
  /** Samples for the final importance-sampling estimates. */
  evalSamples: number;
}

export const DEFAULT_FLOW: FlowConfig = {
  layout: DEFAULT_HIERARCHY.layout,
  repeats: DEFAULT_HIERARCHY.repeats ?? 1,
  couplingLayers: DEFAULT_HIERARCHY.couplingLayers,
  hidden: [...DEFAULT_HIERARCHY.hidden],
  activation: DEFAULT_HIERARCHY.activation,
  scaleBound: DEFAULT_HIERARCHY.scaleBound,
};

function positiveInteger(name: string, value: number): void {
  if (!Number.isInteger(value) || value <= 0) {
    throw new RangeError(`${name} must be a positive integer, got ${value}`);
  }
}

/**
 * Checks every field of a training config and returns it unchanged.
 *
 * @throws RangeError naming the first bad field, its value and what was expected.
 */
export function validateConfig(config: TrainConfig): TrainConfig {
  positiveInteger('batch', config.batch);
  positiveInteger('epochs', config.epochs);
  positiveInteger('evalSamples', config.evalSamples);
  if (!Number.isInteger(config.seed) || config.seed < 0) {
    throw new RangeError(`seed must be a non-negative integer, got ${config.seed}`);
  }
  if (!(config.learningRate > 0) || !Number.isFinite(config.learningRate)) {
    throw new RangeError(`learning rate must be positive and finite, got ${config.learningRate}`);
  }
  if (config.schedule !== undefined && !(SCHEDULES as readonly string[]).includes(config.schedule)) {
    throw new RangeError(`schedule must be one of ${SCHEDULES.join(', ')}, got '${config.schedule}'`);
  }
  const flow = config.flow;
  if (!(LAYOUTS as readonly string[]).includes(flow.layout)) {
    throw new RangeError(`flow layout must be one of ${LAYOUTS.join(', ')}, got '${flow.layout}'`);
  }
  positiveInteger('couplingLayers', flow.couplingLayers);
  flow.hidden.forEach((w) => positiveInteger('hidden layer width', w));
  parseActivation(flow.activation);
  if (!(flow.scaleBound > 0) || !Number.isFinite(flow.scaleBound)) {
    throw new RangeError(`scaleBound must be positive and finite, got ${flow.scaleBound}`);
  }
  validateTrainingOptions(config);
  return config;
}

/** The learning rate of step `step` (0-based) under the config's schedule and warm-up. */
export function learningRateAt(config: TrainConfig, step: number): number {
  return scheduledLearningRate(config, step);
}
