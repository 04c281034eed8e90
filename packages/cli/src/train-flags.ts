/** The flags of `neuralrg train` as commander hands them over: text, or booleans. */
export interface TrainFlags {
  energy?: string;
  L?: string;
  T?: string;
  out?: string;
  resume?: string;
  epochs?: string;
  batch?: string;
  lr?: string;
  schedule?: string;
  seed?: string;
  backend?: string;
  symmetric?: boolean;
  couplingLayers?: string;
  hidden?: string;
  activation?: string;
  layout?: string;
  depth?: string;
  repeats?: string;
  scaleBound?: string;
  evalSamples?: string;
  checkpointEvery?: string;
  threads?: string;
  plugin?: string[];
  block?: string;
  blockSize?: string;
  kernel?: string;
  progress?: boolean;
  /** A JS/TS module that exports an energy factory (energy 'module'). */
  energyModule?: string;
  /** Energy parameters as key=value, repeatable. */
  param?: string[];
  /** Samples for forward-KL training (.npy, .csv, or .h5 with an optional :DATASET). */
  data?: string;
  holdout?: string;
  gradientEstimator?: string;
  clipNorm?: string;
  earlyStop?: string;
  earlyStopDelta?: string;
  warmup?: string;
}

/**
 * Flags that define a run and so cannot change on `--resume`, with their
 * spelling on the command line.
 */
export const RUN_DEFINING_FLAGS: readonly (readonly [keyof TrainFlags, string])[] = [
  ['energy', '--energy'],
  ['L', '--L'],
  ['T', '--T'],
  ['batch', '--batch'],
  ['lr', '--lr'],
  ['schedule', '--schedule'],
  ['seed', '--seed'],
  ['symmetric', '--symmetric/--no-symmetric'],
  ['couplingLayers', '--coupling-layers'],
  ['hidden', '--hidden'],
  ['activation', '--activation'],
  ['layout', '--layout'],
  ['depth', '--depth'],
  ['repeats', '--repeats'],
  ['scaleBound', '--scale-bound'],
  ['plugin', '--plugin'],
  ['block', '--block'],
  ['blockSize', '--block-size'],
  ['kernel', '--kernel'],
  ['energyModule', '--energy-module'],
  ['param', '--param'],
  ['data', '--data'],
  ['holdout', '--holdout'],
  ['gradientEstimator', '--gradient-estimator'],
  ['clipNorm', '--clip-norm'],
  ['earlyStop', '--early-stop'],
  ['earlyStopDelta', '--early-stop-delta'],
  ['warmup', '--warmup'],
];
