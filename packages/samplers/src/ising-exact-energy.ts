import { isingLnZ } from '@neuralrg/energies';
import { checkLatticeSize, checkPositive, checkTemperature } from './validate';

/**
 * Default step h in beta = 1/T of the finite difference. The five-point
 * stencil has truncation error (h^4 / 30) |d^5 ln Z / d beta^5| and
 * rounding error about 1.5 eps |ln Z| / h. The beta derivatives of ln Z
 * are the cumulants of -E, which near T_c grow quickly with L; measured at
 * T_c, the Richardson estimate |u(h) - u(2h)| / 15 per site is 2e-10
 * (L = 4), 2e-9 (L = 8) and 1.4e-8 (L = 16) at h = 1e-3, and 8e-14, 2e-13
 * and 1.4e-12 at h = 1e-4, where rounding (~1e-15 x 240 / 1e-4 / 256 ~
 * 1e-14 per site at L = 16) is still negligible; below h ~ 3e-5 rounding
 * starts to dominate. h = 1e-4 therefore leaves an error near 1e-12 per
 * site for L <= 16, far below any Monte Carlo error bar; `errorEstimate`
 * reports it for every call.
 */
export const ENERGY_DIFFERENCE_STEP = 1e-4;

/** Exact mean energy per site of the 2D Ising model, with the size of its numerical error. */
export interface ExactEnergy {
  /** u = <E> / N = -(1/N) d ln Z / d beta. */
  energyPerSite: number;
  /** |u(h) - u(2h)| / 15, the Richardson estimate of the stencil's error. */
  errorEstimate: number;
  /** The beta step h. */
  step: number;
}

/** Five-point central difference of f at x with step h, error O(h^4). */
function fivePointDerivative(f: (x: number) => number, x: number, h: number): number {
  return (-f(x + 2 * h) + 8 * f(x + h) - 8 * f(x - h) + f(x - 2 * h)) / (12 * h);
}

/**
 * Exact internal energy per site <E>/N of the 2D Ising model (J = 1,
 * periodic L x L, E(s) = -sum_x sum_mu s_x s_{x+mu}) at temperature T,
 *   u = -(1/N) d ln Z / d beta,   beta = 1/T,
 * from Kaufman's exact finite-lattice ln Z ({@link isingLnZ}) by a
 * five-point central difference in beta with step h
 * ({@link ENERGY_DIFFERENCE_STEP}, justified there). Checked against
 * enumeration of all 2^16 states at L = 4.
 *
 * @throws RangeError when L is not an even integer >= 2, T is not positive
 *   and finite, the step is not positive, or 2h >= beta.
 */
export function isingExactEnergyPerSite(
  L: number,
  T: number,
  step = ENERGY_DIFFERENCE_STEP,
): ExactEnergy {
  checkLatticeSize(L);
  checkTemperature(T);
  checkPositive('step', step);
  const beta = 1 / T;
  if (2 * step >= beta) {
    throw new RangeError(`step must be below beta / 2 = ${beta / 2} for T = ${T}, got ${step}`);
  }

  const lnZ = (b: number) => isingLnZ(L, 1 / b);
  const size = L * L;
  const fine = -fivePointDerivative(lnZ, beta, step) / size;
  const coarse = -fivePointDerivative(lnZ, beta, 2 * step) / size;
  return { energyPerSite: fine, errorEstimate: Math.abs(fine - coarse) / 15, step };
}
