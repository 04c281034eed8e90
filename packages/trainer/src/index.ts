export { Adam, DEFAULT_ADAM } from './adam';
export type { AdamOptions, AdamState } from './adam';
export { DEFAULT_FLOW, SCHEDULES, learningRateAt, validateConfig } from './config';
export type { FlowConfig, Schedule, TrainConfig } from './config';
export {
  CHECKPOINT_FORMAT,
  CHECKPOINT_VERSION,
  readCheckpoint,
  saveCheckpoint,
  writeFileAtomic,
} from './checkpoint';
export type { Checkpoint, StoredTensor } from './checkpoint';
export { estimateWithFlow, evaluationBatch } from './importance';
export type { FlowEstimates } from './importance';
export { allFinite, logMeanExp, meanAndStdErr } from './statistics';
export { NonFiniteLossError, Trainer } from './trainer';
export type { StepMetrics } from './trainer';
export { loadPlugins } from './plugins';
export type { TrainerInputs } from './trainer';
export {
  DEFAULT_HELD_OUT_EVERY,
  DEFAULT_HOLDOUT_FRACTION,
  DEFAULT_PLATEAU_WINDOW,
  GRADIENT_ESTIMATORS,
  TRAINING_MODES,
  validateTrainingOptions,
} from './training-options';
export type {
  DataConfig,
  EarlyStoppingConfig,
  GradientEstimator,
  TrainingMode,
  TrainingOptions,
} from './training-options';
export { scheduledLearningRate } from './learning-rate';
export { clipByGlobalNorm, globalNorm } from './gradient-clipping';
export { PlateauDetector } from './plateau';
export { encodeNpy, parseNpy } from './npy';
export type { NumericArray } from './npy';
export { parseCsv } from './csv';
export { readSampleFile } from './sample-file';
export type { SampleFile } from './sample-file';
export { SampleSet } from './sample-set';
export { loadSampleSet } from './sample-set-loader';
export { meanNll, nllGradients } from './forward-kl';
export { pathGradients, syncShadow } from './path-gradient';
export { drawFromFlow } from './flow-draws';
export type { FlowDraw } from './flow-draws';
export {
  derivedMean,
  lnZFromLogWeights,
  normalisedWeights,
  selfNormalisedMean,
} from './weighted-statistics';
export type { Estimate, LnZEstimate } from './weighted-statistics';
export { estimatePhysics } from './physics-estimates';
export type {
  EstimateOptions,
  ObservableEstimate,
  ObservableWeights,
  PhysicsEstimates,
} from './physics-estimates';
export { paretoShape } from '@neuralrg/tensor';
