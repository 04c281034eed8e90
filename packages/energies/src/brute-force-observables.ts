import { BRUTE_FORCE_MAX_L } from './brute-force';
import { correlationName, maxCorrelationDistance } from './field-observables';
import { checkTemperature, describeValue } from './validate';

/**
 * Exact Boltzmann averages of the 2D Ising model (J = 1, periodic L x L) by
 * enumerating all 2^(L*L) spin configurations: the per-site energy e = E/N
 * and e^2, the magnetisation m = (1/N) sum s, |m|, m^2, the correlations
 * correlation[r] = (1/(2N)) sum_x sum_mu s_x s_{x + r e_mu}, and the derived
 * specificHeat = N beta^2 (<e^2> - <e>^2), susceptibility = N beta (<m^2> - <|m|>^2)
 * and structureFactor = N <m^2>. A reference for tests and for small L.
 *
 * @throws RangeError when L is not an integer in [2, 4] or T is not a positive finite number.
 */
export function isingObservablesBruteForce(L: number, T: number): Record<string, number> {
  if (typeof L !== 'number' || !Number.isInteger(L) || L < 2 || L > BRUTE_FORCE_MAX_L) {
    throw new RangeError(
      `lattice size L must be an integer in [2, ${BRUTE_FORCE_MAX_L}] for brute-force ` +
        `enumeration (2^(L*L) configurations), got ${describeValue(L)}`,
    );
  }
  checkTemperature(T);

  const N = L * L;
  const rMax = maxCorrelationDistance(L);
  const spins = new Int8Array(N);
  const sums = { weight: 0, e: 0, e2: 0, m: 0, absM: 0, m2: 0 };
  const correlation = new Float64Array(rMax + 1);
  // Energies are integers in [-2N, 2N]; weights exp(-(E - E_min) / T) keep
  // the largest term at 1 so nothing overflows.
  const groundEnergy = -2 * N;

  for (let mask = 0; mask < 2 ** N; mask++) {
    for (let site = 0; site < N; site++) spins[site] = (mask >>> site) & 1 ? -1 : 1;
    const pairs = new Float64Array(rMax + 1);
    let total = 0;
    for (let i = 0; i < L; i++) {
      for (let j = 0; j < L; j++) {
        const s = spins[i * L + j];
        total += s;
        for (let r = 0; r <= rMax; r++) {
          pairs[r] += s * (spins[i * L + ((j + r) % L)] + spins[((i + r) % L) * L + j]);
        }
      }
    }
    const energy = -pairs[1];
    const weight = Math.exp(-(energy - groundEnergy) / T);
    const e = energy / N;
    const m = total / N;
    sums.weight += weight;
    sums.e += weight * e;
    sums.e2 += weight * e * e;
    sums.m += weight * m;
    sums.absM += weight * Math.abs(m);
    sums.m2 += weight * m * m;
    for (let r = 0; r <= rMax; r++) correlation[r] += (weight * pairs[r]) / (2 * N);
  }

  const mean = (value: number): number => value / sums.weight;
  const beta = 1 / T;
  const result: Record<string, number> = {
    energyPerSite: mean(sums.e),
    energyPerSite2: mean(sums.e2),
    magnetisation: mean(sums.m),
    absMagnetisation: mean(sums.absM),
    magnetisation2: mean(sums.m2),
  };
  result.specificHeat = N * beta * beta * (result.energyPerSite2 - result.energyPerSite ** 2);
  result.susceptibility = N * beta * (result.magnetisation2 - result.absMagnetisation ** 2);
  result.structureFactor = N * result.magnetisation2;
  for (let r = 0; r <= rMax; r++) {
    result[correlationName(r)] = mean(correlation[r]);
    result[`connectedCorrelation[${r}]`] = result[correlationName(r)] - result.magnetisation ** 2;
  }
  return result;
}
