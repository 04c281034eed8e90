export { digamma, digammaTable, EULER_GAMMA } from './digamma';
export { ksgMutualInformation, ksgSum } from './ksg';
export type { KsgIndices } from './ksg';
export { klEntropy } from './entropy';
export { pairwiseMutualInformation } from './pairwise';
export type { MutualInformationPair, PairwiseOptions, PairwiseResult } from './pairwise';
export {
  DEFAULT_K,
  DEFAULT_SEARCH,
  KSG_ALGORITHMS,
  checkNeighbours,
  resolveKsgOptions,
} from './options';
export type { KsgAlgorithm, KsgOptions, NeighbourOptions } from './options';
export { NEIGHBOUR_SEARCHES, maxNormDistance } from './neighbour-index';
export type { NeighbourIndex, NeighbourSearch } from './neighbour-index';
export { BruteForceIndex } from './brute-force-index';
export { KdTree } from './kd-tree';
export { ProjectionIndex, projectionOrder } from './projection-index';
export { makeIndex } from './make-index';
export { columnOf, joinSamples, samplesOf, toSamples } from './samples';
export type { Samples, SamplesInput } from './samples';
export { TIE_NOISE, breakTies, isConstant } from './ties';
