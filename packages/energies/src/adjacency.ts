import { checkEvenLatticeSize } from './validate';

/**
 * Dense float64 adjacency of the periodic L x L lattice,
 * A = sum_mu (S_mu + S_mu^T), with S_mu the shift by one site along
 * direction mu and sites numbered row-major (site (i, j) is i * L + j).
 * Then E_Ising(s) = -(1/2) s^T A s. For L = 2 the shift is its own
 * transpose, so neighbours are joined with weight 2, as on the torus.
 *
 * @returns an (L*L) x (L*L) row-major matrix.
 * @throws RangeError when L is not an even integer >= 2.
 */
export function periodicAdjacency(L: number): Float64Array {
  checkEvenLatticeSize(L);

  const size = L * L;
  const adjacency = new Float64Array(size * size);
  for (let i = 0; i < L; i++) {
    for (let j = 0; j < L; j++) {
      const site = i * L + j;
      for (const neighbour of [i * L + ((j + 1) % L), ((i + 1) % L) * L + j]) {
        adjacency[site * size + neighbour] += 1;
        adjacency[neighbour * size + site] += 1;
      }
    }
  }
  return adjacency;
}

/**
 * Eigenvalues of {@link periodicAdjacency}: A commutes with the lattice
 * translations, so its plane waves give
 *   lambda(k1, k2) = 2 cos(2 pi k1 / L) + 2 cos(2 pi k2 / L),  k1, k2 = 0..L-1.
 *
 * @returns the L*L eigenvalues, at index k1 * L + k2.
 * @throws RangeError when L is not an even integer >= 2.
 */
export function adjacencyEigenvalues(L: number): Float64Array {
  checkEvenLatticeSize(L);

  const cosines = new Float64Array(L);
  for (let k = 0; k < L; k++) cosines[k] = 2 * Math.cos((2 * Math.PI * k) / L);
  const eigenvalues = new Float64Array(L * L);
  for (let k1 = 0; k1 < L; k1++) {
    for (let k2 = 0; k2 < L; k2++) eigenvalues[k1 * L + k2] = cosines[k1] + cosines[k2];
  }
  return eigenvalues;
}

/**
 * Smallest eigenvalue of the periodic adjacency, the minimum of
 * {@link adjacencyEigenvalues}; -4 for every even L (k1 = k2 = L/2).
 */
export function adjacencyMinEigenvalue(L: number): number {
  let min = Infinity;
  for (const value of adjacencyEigenvalues(L)) if (value < min) min = value;
  return min;
}
