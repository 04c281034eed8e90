import { choleskyFactor, dualCouplingMatrix } from '@neuralrg/energies';
import type { Rng } from '@neuralrg/tensor';

/**
 * Configurations of the Ising dual drawn given spins: x = K s + F xi with
 * K = A/T + c I, F F^T = K and xi ~ N(0, 1), i.e. x | s ~ N(K s, K). The
 * joint density exp(-(x - K s)^T K^-1 (x - K s)/2 + s^T K s/2) has the
 * dual as its x-marginal and the Ising model as its s-marginal, so spins
 * from the Ising distribution give x from the dual exactly; other spins
 * (a hot start) give configurations of the right scale to warm up from.
 *
 * @param spins - chains x L*L values of +1/-1.
 * @returns chains x L*L float32 values.
 */
export function dualFromSpins(spins: Int8Array, L: number, T: number, rng: Rng): Float32Array {
  return dualLift(L, T)(spins, rng);
}

/**
 * {@link dualFromSpins} with K and its Cholesky factor computed once, for
 * lifting many batches: batches lifted in order with one generator give
 * the same values as one call on all of them.
 */
export function dualLift(L: number, T: number): (spins: Int8Array, rng: Rng) => Float32Array {
  const size = L * L;
  const coupling = dualCouplingMatrix(L, T);
  const factor = choleskyFactor(coupling, size);
  return (spins, rng) => {
    const chains = spins.length / size;
    const x = new Float32Array(spins.length);
    const noise = new Float32Array(size);
    for (let b = 0; b < chains; b++) {
      rng.fillNormal(noise);
      for (let i = 0; i < size; i++) {
        let value = 0;
        for (let j = 0; j < size; j++) {
          value += coupling[i * size + j] * spins[b * size + j];
          if (j <= i) value += factor[i * size + j] * noise[j];
        }
        x[b * size + i] = value;
      }
    }
    return x;
  };
}
