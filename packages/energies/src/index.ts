export type { EnergyModel } from './model';
export type { EnergyConfig, EnergyFactory } from './registry-types';
export { registerEnergy, createEnergy, energyNames } from './registry';

export { ISING_CRITICAL_TEMPERATURE } from './critical-temperature';
export { isingLnZ } from './kaufman';
export { isingLnZBruteForce, BRUTE_FORCE_MAX_L } from './brute-force';
export { isingEnergyOfSpins } from './spin-energy';

export { IsingDual } from './ising-dual';
export type { IsingDualOptions } from './ising-dual';
export { createIsingDual } from './ising-factory';
export { isingDualShift } from './dual-shift';
export {
  DUAL_EIGENVALUE_MARGIN,
  dualDiagonalShift,
  dualCouplingLogDet,
  dualCouplingMatrix,
  dualCouplingInverse,
} from './dual-coupling';
export { periodicAdjacency, adjacencyEigenvalues, adjacencyMinEigenvalue } from './adjacency';
export { choleskyFactor, choleskyLogDet, choleskyInverse } from './cholesky';
export { logCosh } from './log-cosh';
export { decodeSpins, spinProbabilities } from './decode';
