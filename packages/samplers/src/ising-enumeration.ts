import { checkLatticeSize, checkTemperature } from './validate';

/** Largest L that {@link isingEnumeratedAverages} enumerates: 2^16 states. */
export const ENUMERATION_MAX_L = 4;

/** Exact Boltzmann averages of the 2D Ising model by enumeration. */
export interface EnumeratedAverages {
  /** <E> / N. */
  energyPerSite: number;
  /** <|M|> / N, M = sum of spins. */
  absMagnetization: number;
  /** ln Z, as a check against the closed form. */
  lnZ: number;
}

/**
 * <E>/N, <|M|>/N and ln Z of the 2D Ising model (J = 1, periodic L x L,
 * E(s) = -sum_x sum_mu s_x s_{x+mu}, weight exp(-E/T)) by enumerating all
 * 2^(L*L) states into a histogram over (E, |M|), then a float64 weighted
 * sum relative to the largest weight. The exact reference for samplers at
 * L <= 4, where no closed form for <|M|> exists.
 *
 * @throws RangeError when L is not 2 or 4, or T is not positive and finite.
 */
export function isingEnumeratedAverages(L: number, T: number): EnumeratedAverages {
  checkLatticeSize(L);
  if (L > ENUMERATION_MAX_L) {
    throw new RangeError(
      `lattice size L must be at most ${ENUMERATION_MAX_L} for enumeration ` +
        `(2^(L*L) states), got ${L}`,
    );
  }
  checkTemperature(T);

  const size = L * L;
  const bonds = 2 * size;
  // counts[unsatisfied * (size + 1) + |M|]
  const counts = new Float64Array((bonds + 1) * (size + 1));
  for (let mask = 0; mask < 2 ** size; mask++) {
    let unsatisfied = 0;
    let up = 0;
    for (let i = 0; i < L; i++) {
      for (let j = 0; j < L; j++) {
        const bit = (mask >>> (i * L + j)) & 1;
        up += bit;
        unsatisfied += bit ^ ((mask >>> (i * L + ((j + 1) % L))) & 1);
        unsatisfied += bit ^ ((mask >>> (((i + 1) % L) * L + j)) & 1);
      }
    }
    counts[unsatisfied * (size + 1) + Math.abs(2 * up - size)] += 1;
  }

  // E = -(bonds - 2 unsatisfied); the ground state has the largest weight.
  let z = 0;
  let energySum = 0;
  let magnetizationSum = 0;
  for (let m = 0; m <= bonds; m++) {
    const energy = -(bonds - 2 * m);
    const weight = Math.exp(-(energy + bonds) / T);
    for (let a = 0; a <= size; a++) {
      const count = counts[m * (size + 1) + a];
      if (count === 0) continue;
      z += count * weight;
      energySum += count * weight * energy;
      magnetizationSum += count * weight * a;
    }
  }
  return {
    energyPerSite: energySum / z / size,
    absMagnetization: magnetizationSum / z / size,
    lnZ: Math.log(z) + bonds / T,
  };
}
