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
export { estimateWithFlow } from './importance';
export type { FlowEstimates } from './importance';
export { allFinite, logMeanExp, meanAndStdErr } from './statistics';
export { NonFiniteLossError, Trainer } from './trainer';
export type { StepMetrics } from './trainer';
