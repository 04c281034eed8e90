/** Spins of a batch of lattices: +1/-1 as Int8Array (TypeScript path) or Float32Array (kernels). */
export type SpinArray = Int8Array | Float32Array;

/**
 * Energy per site E/N and |magnetisation| per site |sum s|/N of lattice b
 * of a batch, E(s) = -sum_x sum_mu s_x s_{x+mu} on the periodic L x L
 * lattice (the convention of isingEnergyOfSpins in @neuralrg/energies).
 */
export function spinObservables(
  spins: SpinArray,
  L: number,
  lattice: number,
): { energy: number; absMagnetization: number } {
  const size = L * L;
  const base = lattice * size;
  let bondSum = 0;
  let total = 0;
  for (let i = 0; i < L; i++) {
    const down = base + ((i + 1) % L) * L;
    const row = base + i * L;
    for (let j = 0; j < L; j++) {
      const s = spins[row + j];
      total += s;
      bondSum += s * (spins[row + ((j + 1) % L)] + spins[down + j]);
    }
  }
  return { energy: -bondSum / size, absMagnetization: Math.abs(total) / size };
}

/** The observables every Ising sampler reports, in this order. */
export const ISING_OBSERVABLES = ['energy', 'absMagnetization'] as const;

/** {@link spinObservables} of every lattice of a batch, as the samplers report them. */
export function batchSpinObservables(
  spins: SpinArray,
  L: number,
  lattices: number,
): Record<string, Float64Array> {
  const energy = new Float64Array(lattices);
  const absMagnetization = new Float64Array(lattices);
  for (let b = 0; b < lattices; b++) {
    const values = spinObservables(spins, L, b);
    energy[b] = values.energy;
    absMagnetization[b] = values.absMagnetization;
  }
  return { energy, absMagnetization };
}
