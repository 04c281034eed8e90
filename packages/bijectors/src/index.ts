import './builtins';

export type { Bijector, BijectorResult, BijectorSpec, NamedVariable } from './bijector';
export { checkWidth, prefixed } from './bijector';
export { BijectorError } from './errors';
export { setFiniteChecks, finiteChecksEnabled, assertFinite } from './checks';
export { registerBijector, buildBijector, bijectorTypes, hasBijectorType } from './registry';
export type { BijectorFactory, BijectorContext } from './registry';
export { serializeBijector, deserializeBijector, BIJECTOR_FORMAT, BIJECTOR_FORMAT_VERSION } from './serialize';
export type { SerializedBijector } from './serialize';
export { Chain } from './chain';
export { Inverted } from './inverted';
export { RowPermutation, inversePermutation } from './permute';
export { ColumnBijector, hasColumnPasses, passColumns, checkRows } from './columns';
export type { ColumnPasses } from './columns';
export { Mlp, ACTIVATIONS, activate, parseActivation } from './mlp';
export type { Activation, MlpOptions } from './mlp';
export { AffineCoupling, AdditiveCoupling } from './coupling';
export type { AffineCouplingOptions, CouplingOptions } from './coupling';
export { realNvpBlock, nice, convRealNvp } from './realnvp';
export type { RealNvpOptions, NiceOptions, ConvRealNvpOptions } from './realnvp';
export { ConvNet } from './conv';
export type { ConvOptions } from './conv';
export { LinearLU } from './linear-lu';
export type { LinearLuOptions } from './linear-lu';
export { ElementwiseAffine } from './elementwise';
export { Permutation } from './permutation-bijector';
export { Blockwise } from './blockwise';
export { blockSites, chainBlockSites, checkPowerOfTwo, checkPowerOf } from './lattice';
export { checkerboardMask, randomMask, maskToIndices } from './masks';
export {
  LAYOUTS,
  DEFAULT_HIERARCHY,
  buildHierarchy,
  hierarchyLayers,
  layoutHasLevels,
  layerSites,
  latentLevels,
} from './hierarchy';
export type { HierarchyOptions, Layout, LayerInfo } from './hierarchy';
export { StandardNormal } from './prior';
export { Flow } from './flow';
export type { FlowSample } from './flow';
export { checkConformance } from './conformance';
export type { ConformanceReport, ConformanceOptions } from './conformance';
