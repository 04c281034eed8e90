import { isingThermodynamics } from '@neuralrg/energies';
import { checkLatticeSize, checkTemperature } from './validate';

/** Exact mean energy per site of the 2D Ising model, with the size of its numerical error. */
export interface ExactEnergy {
  /** u = <E> / N = -(1/N) d ln Z / d beta. */
  energyPerSite: number;
  /** A bound on the rounding error of u (see isingThermodynamics). */
  errorEstimate: number;
}

/**
 * Exact internal energy per site <E>/N of the 2D Ising model (J = 1,
 * periodic L x L, E(s) = -sum_x sum_mu s_x s_{x+mu}) at temperature T,
 *   u = -(1/N) d ln Z / d beta,   beta = 1/T,
 * by the analytic derivative of Kaufman's exact finite-lattice ln Z
 * (isingThermodynamics of @neuralrg/energies). Checked against
 * enumeration of all 2^16 states at L = 4.
 *
 * @throws RangeError when L is not an even integer >= 2 or T is not positive and finite.
 */
export function isingExactEnergyPerSite(L: number, T: number): ExactEnergy {
  checkLatticeSize(L);
  checkTemperature(T);
  const exact = isingThermodynamics(L, T);
  return { energyPerSite: exact.energyPerSite, errorEstimate: exact.energyError };
}
