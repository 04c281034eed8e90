export { tf } from './tf';
export type { Tensor, Tensor1D, Tensor2D, Tensor4D, Variable } from './tf';
export {
  BACKENDS,
  DEFAULT_BACKEND,
  useBackend,
  currentDevice,
  parseBackendName,
} from './backend';
export type { BackendName, Device, KernelMode } from './backend';
export { Rng } from './random';
export { liveTensors, engineBytes, assignValues, variableOf } from './memory';
export { encodeFloat32, decodeFloat32 } from './encode';
export {
  paretoShape,
  paretoShapeOfTail,
  paretoSmoothedLogWeights,
  paretoTailLength,
} from './pareto-k';
