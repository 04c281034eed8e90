/** The Euler-Mascheroni constant. */
export const EULER_GAMMA = 0.5772156649015329;

/**
 * The digamma function psi(x) = d ln Gamma(x) / dx for x > 0: the
 * recurrence psi(x) = psi(x + 1) - 1/x up to x >= 10, then the asymptotic
 * series ln x - 1/(2x) - sum_n B_2n / (2n x^2n) (Abramowitz and Stegun 6.3.18),
 * accurate to about 1e-13.
 *
 * @throws RangeError for x <= 0 or a non-finite x.
 */
export function digamma(x: number): number {
  if (!(x > 0) || !Number.isFinite(x)) {
    throw new RangeError(`digamma needs a finite x > 0, got ${x}`);
  }
  let shift = 0;
  while (x < 10) {
    shift -= 1 / x;
    x += 1;
  }
  const inv2 = 1 / (x * x);
  const series =
    inv2 * (1 / 12 - inv2 * (1 / 120 - inv2 * (1 / 252 - inv2 * (1 / 240 - inv2 / 132))));
  return shift + Math.log(x) - 0.5 / x - series;
}

/**
 * psi(m) for the integers m = 0..size (entry 0 holds -Infinity, the limit
 * of psi at 0 from the right), from
 * psi(1) = -gamma and psi(m + 1) = psi(m) + 1/m. The KSG and
 * Kozachenko-Leonenko estimators only evaluate psi at integers.
 */
export function digammaTable(size: number): Float64Array {
  const table = new Float64Array(size + 1);
  table[0] = -Infinity;
  if (size >= 1) table[1] = -EULER_GAMMA;
  for (let m = 1; m < size; m++) table[m + 1] = table[m] + 1 / m;
  return table;
}
