import type { Rng } from '@neuralrg/tensor';

/** Observables of configurations of a continuous model, per chain. */
export type ObserveFunction = (
  x: Float32Array,
  chains: number,
  rng: Rng,
) => Record<string, Float64Array>;

/**
 * Ising observables from configurations x of the continuous dual
 * (IsingDual in @neuralrg/energies), per chain:
 * - energy: the exact conditional mean of E(s)/N given x. Given x the
 *   spins are independent with E[s_i | x] = tanh x_i, so
 *   E[E(s) | x] = -sum_x sum_mu tanh(x_i) tanh(x_{i+mu}) (the two sites
 *   of a bond differ, L >= 2). Same mean as the decoded energy, smaller
 *   variance (Rao-Blackwell).
 * - absMagnetization: |sum s|/N of spins decoded from x, one draw per
 *   state, s_i = +1 with probability (1 + tanh x_i)/2.
 */
export function dualIsingObservables(L: number): ObserveFunction {
  const size = L * L;
  return (x, chains, rng) => {
    const energy = new Float64Array(chains);
    const absMagnetization = new Float64Array(chains);
    const mean = new Float64Array(size);
    for (let b = 0; b < chains; b++) {
      const base = b * size;
      let total = 0;
      for (let k = 0; k < size; k++) {
        mean[k] = Math.tanh(x[base + k]);
        total += rng.uniform() < (1 + mean[k]) / 2 ? 1 : -1;
      }
      let bondSum = 0;
      for (let i = 0; i < L; i++) {
        const row = i * L;
        const down = ((i + 1) % L) * L;
        for (let j = 0; j < L; j++) {
          bondSum += mean[row + j] * (mean[row + ((j + 1) % L)] + mean[down + j]);
        }
      }
      energy[b] = -bondSum / size;
      absMagnetization[b] = Math.abs(total) / size;
    }
    return { energy, absMagnetization };
  };
}
