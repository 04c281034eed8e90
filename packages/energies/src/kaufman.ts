import { logTwoCosh, signedLogProduct, signedLogSumExp, signedLogTwoSinh } from './log-space';
import type { SignedLog } from './log-space';
import { HIGH_TEMPERATURE_COUPLING, isingHighTemperatureSeries } from './ising-high-temperature';
import { checkEvenLatticeSize, checkTemperature } from './validate';

/**
 * The dual coupling K* = artanh(exp(-2K)) of Kramers and Wannier. Near
 * K = 0 the argument tends to 1, so 1 - exp(-2K) is taken from expm1.
 */
export function dualCouplingOf(K: number): number {
  const e = Math.exp(-2 * K);
  if (e < 0.5) return Math.atanh(e);
  return 0.5 * Math.log((1 + e) / -Math.expm1(-2 * K));
}

/**
 * gamma_k for k >= 1 from its cosh formula. Because
 * sinh(2K*) sinh(2K) = 1 and cosh(2K*) cosh(2K) - sinh(2K*) sinh(2K) = cosh(gamma_0),
 *   cosh(gamma_k) - 1 = 2 sinh^2(gamma_0 / 2) + 2 sin^2(pi k / (2L)) = u,
 * and gamma_k = arccosh(1 + u) = ln(1 + u + sqrt(u (u + 2))), which loses
 * no digits when u is small. For |gamma_0| > 600, where u would overflow,
 * the same arccosh is written with exp(|gamma_0|) factored out.
 */
export function gammaOf(k: number, L: number, gamma0: number): number {
  const g = Math.abs(gamma0);
  const sine = Math.sin((Math.PI * k) / (2 * L));
  const a = 2 * sine * sine;
  if (g < 600) {
    const half = Math.sinh(g / 2);
    const u = 2 * half * half + a;
    return Math.log1p(u + Math.sqrt(u * (u + 2)));
  }
  const small = Math.exp(-g);
  const b = (1 + small * small) / 2 + a * small;
  return g + Math.log(b + Math.sqrt(b * b - small * small));
}

/**
 * Exact ln Z of the 2D Ising model with J = 1 on the periodic L x L
 * lattice, E(s) = -sum_x sum_mu s_x s_{x+mu}, at temperature T.
 *
 * Kaufman's formula (B. Kaufman, Phys. Rev. 76, 1232 (1949)), with
 * K = 1/T and K* = artanh(exp(-2K)):
 *   cosh(gamma_k) = cosh(2K*) cosh(2K) - sinh(2K*) sinh(2K) cos(pi k / L),
 *   gamma_0 = 2 (K - K*)  (negative above T_c: it keeps its sign),
 *   ln Z = -ln 2 + (L^2 / 2) ln(2 sinh 2K) + ln(Z1 + Z2 + Z3 + Z4),
 *   Z1 = prod_{r<L} 2 cosh(L gamma_{2r+1} / 2),  Z2 = prod_{r<L} 2 sinh(L gamma_{2r+1} / 2),
 *   Z3 = prod_{r<L} 2 cosh(L gamma_{2r} / 2),    Z4 = prod_{r<L} 2 sinh(L gamma_{2r} / 2).
 *
 * Everything is done in float64 with logarithms: products become sums of
 * logs, and the four terms are added by a signed log-sum-exp, since Z4 is
 * negative above T_c. Above T = 1 / HIGH_TEMPERATURE_COUPLING (1000) the
 * high-temperature series takes over (isingHighTemperatureSeries), where
 * the four terms would cancel to nothing.
 *
 * @example
 * isingLnZ(8, ISING_CRITICAL_TEMPERATURE); // returns 60.1417808...
 *
 * @throws RangeError when L is not an even integer >= 2 or T is not a positive finite number.
 */
export function isingLnZ(L: number, T: number): number {
  checkEvenLatticeSize(L);
  checkTemperature(T);

  const K = 1 / T;
  if (K < HIGH_TEMPERATURE_COUPLING) return isingHighTemperatureSeries(L, K).lnZ;
  const gamma0 = 2 * (K - dualCouplingOf(K));
  const gamma = new Float64Array(2 * L);
  gamma[0] = gamma0;
  for (let k = 1; k < 2 * L; k++) gamma[k] = gammaOf(k, L, gamma0);

  const terms: SignedLog[] = [];
  for (const offset of [1, 0]) {
    let logCoshSum = 0;
    const sinhFactors: SignedLog[] = [];
    for (let r = 0; r < L; r++) {
      const y = (L * gamma[2 * r + offset]) / 2;
      logCoshSum += logTwoCosh(y);
      sinhFactors.push(signedLogTwoSinh(y));
    }
    terms.push({ sign: 1, log: logCoshSum }, signedLogProduct(sinhFactors));
  }

  const total = signedLogSumExp(terms);
  if (total.sign !== 1 || !Number.isFinite(total.log)) {
    throw new Error(`isingLnZ: Z1 + Z2 + Z3 + Z4 is not positive for L = ${L}, T = ${T}`);
  }
  return -Math.LN2 + ((L * L) / 2) * signedLogTwoSinh(2 * K).log + total.log;
}
