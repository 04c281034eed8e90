import { adjacencyEigenvalues, adjacencyMinEigenvalue, periodicAdjacency } from './adjacency';
import { choleskyFactor, choleskyInverse } from './cholesky';
import { checkEvenLatticeSize, checkTemperature } from './validate';

/** Smallest eigenvalue of K = A/T + c I that the shift c leaves: 0.1. */
export const DUAL_EIGENVALUE_MARGIN = 0.1;

/**
 * The diagonal shift c = 0.1 - lambda_min(A/T) = 0.1 - lambda_min(A) / T
 * that makes K = A/T + c I positive definite (smallest eigenvalue 0.1);
 * lambda_min(A) = -4 on the even periodic lattice, so c = 0.1 + 4/T.
 *
 * @throws RangeError when L is not an even integer >= 2 or T is not a positive finite number.
 */
export function dualDiagonalShift(L: number, T: number): number {
  checkEvenLatticeSize(L);
  checkTemperature(T);
  return DUAL_EIGENVALUE_MARGIN - adjacencyMinEigenvalue(L) / T;
}

/**
 * ln det K for K = A/T + c I, from the analytic spectrum of A:
 *   ln det K = sum_{k1,k2} ln(lambda(k1, k2) / T + c).
 *
 * @throws RangeError when L is not an even integer >= 2 or T is not a positive finite number.
 */
export function dualCouplingLogDet(L: number, T: number): number {
  const c = dualDiagonalShift(L, T);
  let logDet = 0;
  for (const lambda of adjacencyEigenvalues(L)) logDet += Math.log(lambda / T + c);
  return logDet;
}

/**
 * The dense float64 coupling K = A/T + c I of the Hubbard-Stratonovich
 * dual, (L*L) x (L*L), row-major.
 *
 * @throws RangeError when L is not an even integer >= 2 or T is not a positive finite number.
 */
export function dualCouplingMatrix(L: number, T: number): Float64Array {
  const c = dualDiagonalShift(L, T);
  const size = L * L;
  const coupling = periodicAdjacency(L);
  for (let i = 0; i < coupling.length; i++) coupling[i] /= T;
  for (let i = 0; i < size; i++) coupling[i * size + i] += c;
  return coupling;
}

/**
 * K^-1 in float64 by Cholesky factorisation of {@link dualCouplingMatrix}.
 *
 * @remarks Dense: O(N^3) time and O(N^2) memory for N = L*L sites, about a
 * second at L = 32.
 * @throws RangeError when L is not an even integer >= 2 or T is not a positive finite number.
 */
export function dualCouplingInverse(L: number, T: number): Float64Array {
  const size = L * L;
  return choleskyInverse(choleskyFactor(dualCouplingMatrix(L, T), size), size);
}
