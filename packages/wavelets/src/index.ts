export { HAAR, DAUBECHIES_4, WAVELETS, waveletFilter } from './filters';
export type { WaveletFilter, WaveletName } from './filters';
export { forward1d, inverse1d } from './dwt-1d';
export type { TransformOptions } from './dwt-1d';
export { forward2d, inverse2d } from './dwt-2d';
export {
  BANDS,
  LAYOUTS,
  checkLayout,
  describeCoefficients2d,
  gather,
  mallatOrder1d,
  mallatOrder2d,
  scatter,
} from './layout';
export type { Band, CoefficientInfo, Layout } from './layout';
export { haarMatrix } from './haar-matrix';
export type { HaarMatrixOptions } from './haar-matrix';
export { basisFunction1d, basisFunction2d } from './basis';
export { coefficientMap, cropToPowerOfTwo, encodeGrayscalePng, readGrayscalePng } from './image';
export type { GrayImage } from './image';
export { checkPowerOfTwo, resolveLevels } from './validate';
