import { dualCouplingLogDet, dualDiagonalShift } from './dual-coupling';

/**
 * ln Z_cont - ln Z_Ising for the continuous dual of the Ising model
 * (the Hubbard-Stratonovich transformation, as used by S.-H. Li and L. Wang,
 * PRL 121, 260601 (2018), arXiv:1802.02840), with N = L*L:
 *   ln Z_cont = ln Z_Ising + N c / 2 + (N / 2) ln(2 pi) + (1/2) ln det K - N ln 2.
 * It follows from exp(s^T K s / 2) = E_{x ~ N(0, K)}[exp(s . x)] summed over
 * spins, with s^T s = N and sum_s exp(s . x) = 2^N prod_i cosh(x_i).
 *
 * @throws RangeError when L is not an even integer >= 2 or T is not a positive finite number.
 */
export function isingDualShift(L: number, T: number): number {
  const c = dualDiagonalShift(L, T);
  const size = L * L;
  return (
    (size * c) / 2 +
    (size / 2) * Math.log(2 * Math.PI) +
    dualCouplingLogDet(L, T) / 2 -
    size * Math.LN2
  );
}
