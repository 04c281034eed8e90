import { describeValue } from './validate';

/**
 * Ising energies E(s) = -sum_x sum_mu s_x s_{x+mu} of a batch of spin
 * configurations on the periodic L x L lattice, mu running over the two
 * lattice directions with wrap-around. Equivalently E = -(1/2) s^T A s with
 * A the adjacency of {@link periodicAdjacency}; for L = 2 every neighbour
 * pair is met twice, as on the torus.
 *
 * @param spins - configurations of +1/-1, row-major, L*L entries each.
 * @returns one energy per configuration.
 * @throws RangeError when L is not an integer >= 2, when spins.length is not
 *   a multiple of L*L, or when an entry is not +1 or -1.
 */
export function isingEnergyOfSpins(spins: Int8Array, L: number): Float64Array {
  if (!(spins instanceof Int8Array)) {
    throw new TypeError(`spins must be an Int8Array, got ${describeValue(spins)}`);
  }
  if (typeof L !== 'number' || !Number.isInteger(L) || L < 2) {
    throw new RangeError(`lattice size L must be an integer >= 2, got ${describeValue(L)}`);
  }
  const size = L * L;
  if (spins.length % size !== 0) {
    throw new RangeError(
      `spins.length must be a multiple of L*L = ${size}, got ${spins.length}`,
    );
  }
  for (let i = 0; i < spins.length; i++) {
    if (spins[i] !== 1 && spins[i] !== -1) {
      throw new RangeError(`spins[${i}] must be +1 or -1, got ${spins[i]}`);
    }
  }

  const count = spins.length / size;
  const energies = new Float64Array(count);
  for (let b = 0; b < count; b++) {
    const base = b * size;
    let bondSum = 0;
    for (let i = 0; i < L; i++) {
      const down = ((i + 1) % L) * L;
      for (let j = 0; j < L; j++) {
        const s = spins[base + i * L + j];
        bondSum += s * (spins[base + i * L + ((j + 1) % L)] + spins[base + down + j]);
      }
    }
    energies[b] = -bondSum;
  }
  return energies;
}
