import { logSumExp } from './log-space';
import { checkTemperature, describeValue } from './validate';

/** Largest L that {@link isingLnZBruteForce} enumerates: 2^16 configurations. */
export const BRUTE_FORCE_MAX_L = 4;

/**
 * ln Z of the 2D Ising model (J = 1, periodic L x L) by enumerating all
 * 2^(L*L) spin configurations, E(s) = -sum_x sum_mu s_x s_{x+mu} with the
 * same wrap-around as {@link isingEnergyOfSpins}. A reference for
 * {@link isingLnZ}; the sum over configurations is a float64 log-sum-exp
 * over the histogram of energies.
 *
 * A bond contributes s_x s_y = 1 - 2 [s_x != s_y], so
 * E = -(2N - 2 * unsatisfied bonds) with N = L*L.
 *
 * @throws RangeError when L is not an integer in [2, 4] or T is not a positive finite number.
 */
export function isingLnZBruteForce(L: number, T: number): number {
  if (typeof L !== 'number' || !Number.isInteger(L) || L < 2 || L > BRUTE_FORCE_MAX_L) {
    throw new RangeError(
      `lattice size L must be an integer in [2, ${BRUTE_FORCE_MAX_L}] for brute-force ` +
        `enumeration (2^(L*L) configurations), got ${describeValue(L)}`,
    );
  }
  checkTemperature(T);

  const size = L * L;
  const bonds = 2 * size;
  const histogram = new Float64Array(bonds + 1);
  for (let mask = 0; mask < 2 ** size; mask++) {
    let unsatisfied = 0;
    for (let i = 0; i < L; i++) {
      for (let j = 0; j < L; j++) {
        const bit = (mask >>> (i * L + j)) & 1;
        unsatisfied += bit ^ ((mask >>> (i * L + ((j + 1) % L))) & 1);
        unsatisfied += bit ^ ((mask >>> (((i + 1) % L) * L + j)) & 1);
      }
    }
    histogram[unsatisfied] += 1;
  }

  const logTerms: number[] = [];
  for (let m = 0; m <= bonds; m++) {
    if (histogram[m] > 0) logTerms.push(Math.log(histogram[m]) + (bonds - 2 * m) / T);
  }
  return logSumExp(logTerms);
}
