import type { PeriodicLattice } from './lattice-geometry';
import { latticeSites, shiftedSite } from './lattice-geometry';

/**
 * Eigenvalues of the periodic lattice Laplacian -Delta = sum_mu (2 - S_mu - S_mu^T):
 *   lambda(k) = sum_mu 4 sin^2(k_mu / 2),  k_mu = 2 pi n_mu / L,  n_mu = 0..L-1,
 * at index n (row-major n1 * L + n2 in 2D). For L = 2 the shift is its own
 * transpose, and (2 - 2 S) has the same spectrum {0, 4}: the sum over x and
 * mu meets the single neighbour twice.
 */
export function laplacianEigenvalues(lattice: PeriodicLattice): Float64Array {
  const { L, d } = lattice;
  const axis = new Float64Array(L);
  for (let n = 0; n < L; n++) {
    const s = Math.sin((Math.PI * n) / L);
    axis[n] = 4 * s * s;
  }
  if (d === 1) return axis;
  const values = new Float64Array(L * L);
  for (let n1 = 0; n1 < L; n1++) {
    for (let n2 = 0; n2 < L; n2++) values[n1 * L + n2] = axis[n1] + axis[n2];
  }
  return values;
}

/**
 * Exact ln Z of the Gaussian free field E = 1/2 phi^T M phi with
 * M = m^2 I - Delta on the periodic lattice, from its Fourier modes:
 *   ln Z = (N/2) ln(2 pi) - 1/2 sum_k ln(m^2 + sum_mu 4 sin^2(k_mu / 2)).
 */
export function gffLnZ(lattice: PeriodicLattice, m2: number): number {
  const N = latticeSites(lattice);
  let logDet = 0;
  for (const lambda of laplacianEigenvalues(lattice)) logDet += Math.log(m2 + lambda);
  return (N / 2) * Math.log(2 * Math.PI) - logDet / 2;
}

/**
 * The lattice propagator G(r) = <phi_x phi_{x+r}> = (1/N) sum_k cos(k . r) / (m^2 + lambda(k))
 * for every displacement r on the torus, at index r (row-major r1 * L + r2
 * in 2D). Float64, O(N^2) time.
 */
export function gffPropagator(lattice: PeriodicLattice, m2: number): Float64Array {
  const { L, d } = lattice;
  const N = latticeSites(lattice);
  const eigenvalues = laplacianEigenvalues(lattice);
  const cosines = new Float64Array(L * L);
  for (let n = 0; n < L; n++) {
    for (let r = 0; r < L; r++) cosines[n * L + r] = Math.cos((2 * Math.PI * ((n * r) % L)) / L);
  }

  const propagator = new Float64Array(N);
  for (let r = 0; r < N; r++) {
    const r1 = d === 1 ? r : Math.floor(r / L);
    const r2 = d === 1 ? 0 : r % L;
    let sum = 0;
    for (let k = 0; k < N; k++) {
      const n1 = d === 1 ? k : Math.floor(k / L);
      const n2 = d === 1 ? 0 : k % L;
      // cos(k1 r1 + k2 r2) = cos cos - sin sin; the sin sin terms cancel in
      // the sum over k -> -k, so the product of cosines is exact here.
      const phase = cosines[n1 * L + r1] * (d === 1 ? 1 : cosines[n2 * L + r2]);
      sum += phase / (m2 + eigenvalues[k]);
    }
    propagator[r] = sum / N;
  }
  return propagator;
}

/**
 * The dense exact covariance <phi_x phi_y> = G(y - x) = (M^-1)_{xy}, an
 * N x N row-major Float64Array.
 */
export function gffCovariance(lattice: PeriodicLattice, m2: number): Float64Array {
  const { L, d } = lattice;
  const N = latticeSites(lattice);
  const propagator = gffPropagator(lattice, m2);
  const covariance = new Float64Array(N * N);
  for (let x = 0; x < N; x++) {
    for (let y = 0; y < N; y++) {
      const r =
        d === 1
          ? (((y - x) % L) + L) % L
          : ((((Math.floor(y / L) - Math.floor(x / L)) % L) + L) % L) * L +
            ((((y % L) - (x % L)) % L) + L) % L;
      covariance[x * N + y] = propagator[r];
    }
  }
  return covariance;
}

/**
 * The dense precision matrix M = m^2 I + sum_mu (S_mu - I)^T (S_mu - I),
 * so that E = 1/2 sum_x [ sum_mu (phi_x - phi_{x+mu})^2 + m^2 phi_x^2 ] = 1/2 phi^T M phi.
 * Built site by site from the sum over x and mu (a reference for the
 * Fourier formulas).
 */
export function gffPrecisionMatrix(lattice: PeriodicLattice, m2: number): Float64Array {
  const N = latticeSites(lattice);
  const precision = new Float64Array(N * N);
  for (let x = 0; x < N; x++) {
    precision[x * N + x] += m2;
    for (let mu = 0; mu < lattice.d; mu++) {
      const y = shiftedSite(lattice, x, mu, 1);
      // (phi_x - phi_y)^2 = phi_x^2 + phi_y^2 - 2 phi_x phi_y.
      precision[x * N + x] += 1;
      precision[y * N + y] += 1;
      precision[x * N + y] -= 1;
      precision[y * N + x] -= 1;
    }
  }
  return precision;
}
