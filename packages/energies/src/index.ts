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

export type {
  DerivedObservable,
  ObservableModel,
  ObservableSamples,
} from './observable-types';
export {
  connectedCorrelationName,
  connectedCorrelations,
  correlationName,
  fieldObservables,
  maxCorrelationDistance,
  susceptibility,
} from './field-observables';
export type { PeriodicLattice } from './lattice-geometry';
export { latticeShape, latticeSites, shiftedSite } from './lattice-geometry';
export { periodicNeighbour } from './lattice-shift';

export { GaussianFreeField } from './gaussian-free-field';
export type { GaussianFreeFieldOptions } from './gaussian-free-field';
export { createGaussianFreeField } from './gff-factory';
export {
  gffCovariance,
  gffLnZ,
  gffPrecisionMatrix,
  gffPropagator,
  laplacianEigenvalues,
} from './gff-exact';
export { isingDerivedObservables, isingSpinObservables } from './ising-observables';
export { isingInternalEnergy, isingSpecificHeat } from './ising-thermodynamics';
export { isingThermodynamics } from './kaufman-derivatives';
export type { IsingThermodynamics } from './kaufman-derivatives';
export { isingObservablesBruteForce } from './brute-force-observables';

export { Phi4 } from './phi4';
export type { Phi4Options } from './phi4';
export { createPhi4 } from './phi4-factory';
export { phi4SingleSiteMoments } from './phi4-single-site';
export { Ring, planarObservables } from './ring';
export type { RingOptions } from './ring';
export { GaussianMixture } from './gaussian-mixture';
export type { GaussianMixtureOptions } from './gaussian-mixture';
export { createGaussianMixture, createRing } from './toy-factories';
export { simpson } from './quadrature';
export { ModuleEnergy, createModuleEnergy, loadEnergyModule } from './energy-module';
export type { EnergyDefinition, EnergyModuleContext, EnergyModuleFactory } from './energy-module';
export { numericValue } from './parameters';
