export type { Bijector, BijectorResult, NamedVariable } from './bijector';
export { checkWidth, prefixed } from './bijector';
export { Chain } from './chain';
export { Inverted } from './inverted';
export { RowPermutation, inversePermutation } from './permute';
export { ColumnBijector, hasColumnPasses, passColumns } from './columns';
export type { ColumnPasses } from './columns';
export { Mlp, ACTIVATIONS, parseActivation } from './mlp';
export type { Activation, MlpOptions } from './mlp';
export { AffineCoupling } from './coupling';
export type { AffineCouplingOptions } from './coupling';
export { realNvpBlock } from './realnvp';
export type { RealNvpOptions } from './realnvp';
export { Blockwise } from './blockwise';
export { blockSites, checkPowerOfTwo } from './lattice';
export {
  LAYOUTS,
  DEFAULT_HIERARCHY,
  buildHierarchy,
  hierarchyLayers,
  latentLevels,
} from './hierarchy';
export type { HierarchyOptions, Layout, LayerInfo } from './hierarchy';
export { StandardNormal } from './prior';
export { Flow } from './flow';
export type { FlowSample } from './flow';
