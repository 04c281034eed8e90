import { dualCouplingOf, gammaOf } from './kaufman';
import { HIGH_TEMPERATURE_COUPLING, isingHighTemperatureSeries } from './ising-high-temperature';
import { logTwoCosh, signedLogTwoSinh } from './log-space';
import { checkEvenLatticeSize, checkTemperature } from './validate';

/** ln Z and its first two derivatives in K = 1/T, per site, with their rounding errors. */
export interface IsingThermodynamics {
  L: number;
  T: number;
  lnZ: number;
  /** u = <E>/N = -(1/N) d ln Z / d beta. */
  energyPerSite: number;
  /** c = beta^2 (<E^2> - <E>^2) / N = (beta^2 / N) d^2 ln Z / d beta^2. */
  specificHeat: number;
  /** Bound on the rounding error of energyPerSite, from the sizes of the terms that cancel. */
  energyError: number;
  /** Bound on the rounding error of specificHeat, likewise. */
  specificHeatError: number;
}

/** sinh(x) / sinh(y) and cosh(x) / sinh(y) for 0 <= x <= y, y > 0, without overflow. */
function hyperbolicRatios(x: number, y: number): { sinh: number; cosh: number } {
  const scale = Math.exp(x - y) / -Math.expm1(-2 * y);
  return { sinh: scale * -Math.expm1(-2 * x), cosh: scale * (1 + Math.exp(-2 * x)) };
}

/** A product of factors 2 cosh(y_r) or 2 sinh(y_r) as e^log v, with d/dK and d^2/dK^2 of it as e^log v', e^log v''. */
interface ScaledTerm {
  log: number;
  value: number;
  first: number;
  second: number;
}

/**
 * The product over r of 2 cosh(y_r) (or 2 sinh(y_r), all y_r > 0) with
 * y = L gamma / 2: its log, and with b = sum d ln f_r / dK, the relative
 * derivatives b and b^2 + b'.
 */
function productTerm(
  y: readonly number[],
  dy: readonly number[],
  d2y: readonly number[],
  kind: 'cosh' | 'sinh',
): ScaledTerm {
  let log = 0;
  let b = 0;
  let db = 0;
  for (let r = 0; r < y.length; r++) {
    if (kind === 'cosh') {
      const t = Math.tanh(y[r]);
      log += logTwoCosh(y[r]);
      b += t * dy[r];
      db += (1 - t * t) * dy[r] * dy[r] + t * d2y[r];
    } else {
      const coth = 1 / Math.tanh(y[r]);
      log += signedLogTwoSinh(y[r]).log;
      b += coth * dy[r];
      db += (1 - coth * coth) * dy[r] * dy[r] + coth * d2y[r];
    }
  }
  return { log, value: 1, first: b, second: b * b + db };
}

/**
 * Exact ln Z of the 2D Ising model (J = 1, periodic L x L) with its first
 * and second derivatives in K = 1/T taken analytically through Kaufman's
 * formula (see isingLnZ): with cosh(gamma_k) = cosh(gamma_0) + 2 sin^2(pi
 * k / (2L)) for k >= 1, gamma_0 = 2 (K - K*) and d(K*)/dK = -1/sinh(2K),
 *   gamma_0' = 2 (1 + 1/sinh 2K),  gamma_0'' = -4 cosh(2K) / sinh^2(2K),
 *   gamma_k' = sinh(gamma_0) gamma_0' / sinh(gamma_k),
 *   gamma_k'' = [cosh(gamma_0) gamma_0'^2 + sinh(gamma_0) gamma_0'' - cosh(gamma_k) gamma_k'^2] / sinh(gamma_k).
 * Each of Z1..Z4 is a product whose derivatives follow from those of its
 * factors; the factor 2 sinh(L gamma_0 / 2) of Z4, which vanishes at T_c
 * of the infinite lattice, is kept as a factor (not a log). Everything is
 * scaled by the largest of the four terms, so nothing overflows.
 *
 * No finite differences: the values hold for any L up to the limits of
 * isingLnZ and any T where the cancellations below leave digits, which
 * energyError and specificHeatError bound (eps times the magnitude of the
 * cancelling terms). At high T, N coth(2K) and the Kaufman products
 * cancel to leave u ~ -2 tanh K (about 1e-9 relative at T = 1e4, no
 * digits near T = 1e12), so above T = 1000 the high-temperature series
 * (isingHighTemperatureSeries) gives all three, with its truncation as
 * the error.
 *
 * @throws RangeError when L is not an even integer >= 2 or T is not a positive finite number.
 */
export function isingThermodynamics(L: number, T: number): IsingThermodynamics {
  checkEvenLatticeSize(L);
  checkTemperature(T);
  const K = 1 / T;
  const N = L * L;
  if (K < HIGH_TEMPERATURE_COUPLING) return { L, T, ...isingHighTemperatureSeries(L, K) };
  const sinh2K = Math.sinh(2 * K);
  const coth2K = 1 / Math.tanh(2 * K);
  const gamma0 = 2 * (K - dualCouplingOf(K));
  const g0 = Math.abs(gamma0);
  const sign0 = gamma0 < 0 ? -1 : 1;
  const dGamma0 = 2 * (1 + 1 / sinh2K);
  const d2Gamma0 = (-4 * coth2K) / sinh2K;

  const gamma = new Float64Array(2 * L);
  const dGamma = new Float64Array(2 * L);
  const d2Gamma = new Float64Array(2 * L);
  gamma[0] = gamma0;
  dGamma[0] = dGamma0;
  d2Gamma[0] = d2Gamma0;
  for (let k = 1; k < 2 * L; k++) {
    const gk = gammaOf(k, L, gamma0);
    const ratio = hyperbolicRatios(g0, gk);
    const dk = sign0 * ratio.sinh * dGamma0;
    gamma[k] = gk;
    dGamma[k] = dk;
    d2Gamma[k] =
      ratio.cosh * dGamma0 * dGamma0 + sign0 * ratio.sinh * d2Gamma0 - (dk * dk) / Math.tanh(gk);
  }
  const half = (values: Float64Array, offset: number) =>
    Array.from({ length: L }, (_, r) => (L * values[2 * r + offset]) / 2);

  const terms: ScaledTerm[] = [];
  const [yOdd, dyOdd, d2yOdd] = [half(gamma, 1), half(dGamma, 1), half(d2Gamma, 1)];
  terms.push(productTerm(yOdd, dyOdd, d2yOdd, 'cosh'), productTerm(yOdd, dyOdd, d2yOdd, 'sinh'));
  const [yEven, dyEven, d2yEven] = [half(gamma, 0), half(dGamma, 0), half(d2Gamma, 0)];
  terms.push(productTerm(yEven, dyEven, d2yEven, 'cosh'));
  // Z4 = f0 P with f0 = 2 sinh(y0), which may be zero or negative; f0 and
  // its derivatives are carried as multiples of exp(|y0|).
  const rest = productTerm(yEven.slice(1), dyEven.slice(1), d2yEven.slice(1), 'sinh');
  const y0 = yEven[0];
  const a0 = Math.abs(y0);
  const decay = Math.exp(-2 * a0);
  const f = (y0 < 0 ? -1 : 1) * -Math.expm1(-2 * a0);
  const df = (1 + decay) * dyEven[0];
  const d2f = f * dyEven[0] * dyEven[0] + (1 + decay) * d2yEven[0];
  terms.push({
    log: a0 + rest.log,
    value: f,
    first: df + f * rest.first,
    second: d2f + 2 * df * rest.first + f * rest.second,
  });

  const top = Math.max(...terms.map((t) => t.log));
  let d0 = 0;
  let d1 = 0;
  let d2 = 0;
  let size1 = 0;
  let size2 = 0;
  for (const t of terms) {
    const w = Math.exp(t.log - top);
    d0 += w * t.value;
    d1 += w * t.first;
    d2 += w * t.second;
    size1 += w * Math.abs(t.first);
    size2 += w * Math.abs(t.second);
  }
  if (!(d0 > 0)) {
    throw new Error(`isingThermodynamics: Z1 + Z2 + Z3 + Z4 is not positive for L = ${L}, T = ${T}`);
  }
  const mean = d1 / d0;
  const first = N * coth2K + mean;
  const second = (-2 * N) / (sinh2K * sinh2K) + d2 / d0 - mean * mean;
  // Rounding: each sum is good to a few eps of the sizes of its terms (the
  // sums over r carry about L terms each).
  const eps = Number.EPSILON * 4 * L;
  const error1 = eps * (N * Math.abs(coth2K) + size1 / d0);
  const error2 =
    eps * ((2 * N) / (sinh2K * sinh2K) + size2 / d0 + 2 * mean * mean) + 2 * Math.abs(mean) * error1;
  let specificHeat = (K * K * second) / N;
  const specificHeatError = (K * K * error2) / N;
  // A variance below its rounding error may come out slightly negative.
  if (specificHeat < 0 && -specificHeat <= specificHeatError) specificHeat = 0;
  return {
    L,
    T,
    lnZ: -Math.LN2 + (N / 2) * signedLogTwoSinh(2 * K).log + top + Math.log(d0),
    energyPerSite: -first / N,
    specificHeat,
    energyError: error1 / N,
    specificHeatError,
  };
}
