import type { SpinArray } from './spin-observables';

/**
 * The plain TypeScript reference of one half of a checkerboard Metropolis
 * sweep, site by site: every site of colour (i + j) mod 2 = parity in each
 * of the `lattices` lattices flips when dE = 2 s h <= 0, or when
 * uniforms[site] < exp(-beta dE) (boltzmann4 = exp(-4 beta),
 * boltzmann8 = exp(-8 beta), float32 like the kernels' arguments).
 * Consumes the same uniforms, one per site, as metropolisSiteKernel, and
 * so gives the same spins.
 *
 * @returns the number of accepted flips per lattice, added into `accepted`.
 */
export function metropolisHalfSweep(
  spins: SpinArray,
  uniforms: Float32Array,
  L: number,
  lattices: number,
  parity: number,
  boltzmann4: number,
  boltzmann8: number,
  accepted: Float64Array,
): void {
  const size = L * L;
  for (let b = 0; b < lattices; b++) {
    const base = b * size;
    let flips = 0;
    for (let i = 0; i < L; i++) {
      const up = base + ((i + L - 1) % L) * L;
      const down = base + ((i + 1) % L) * L;
      const row = base + i * L;
      for (let j = (i + parity) % 2; j < L; j += 2) {
        const index = row + j;
        const spin = spins[index];
        const field =
          spins[up + j] +
          spins[down + j] +
          spins[row + ((j + L - 1) % L)] +
          spins[row + ((j + 1) % L)];
        const delta = 2 * spin * field;
        const flip = delta <= 0 || uniforms[index] < (delta < 6 ? boltzmann4 : boltzmann8);
        if (flip) {
          spins[index] = -spin;
          flips += 1;
        }
      }
    }
    accepted[b] += flips;
  }
}
