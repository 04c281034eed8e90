import { isingThermodynamics } from './kaufman-derivatives';

/**
 * Exact internal energy per site u = <E>/N = -(1/N) d ln Z / d beta of the
 * 2D Ising model (J = 1, periodic L x L), from the analytic derivative of
 * Kaufman's finite-size ln Z ({@link isingThermodynamics}, which also gives
 * a bound on its rounding error).
 *
 * @throws RangeError when L is not an even integer >= 2 or T is not a positive finite number.
 */
export function isingInternalEnergy(L: number, T: number): number {
  return isingThermodynamics(L, T).energyPerSite;
}

/**
 * Exact specific heat per site c = beta^2 (<E^2> - <E>^2) / N
 * = (beta^2 / N) d^2 ln Z / d beta^2 of the 2D Ising model, from the
 * analytic second derivative of Kaufman's ln Z ({@link isingThermodynamics}).
 *
 * @throws RangeError as {@link isingInternalEnergy}.
 */
export function isingSpecificHeat(L: number, T: number): number {
  return isingThermodynamics(L, T).specificHeat;
}
