import { fftInPlace, nextPowerOfTwo } from './fft';

/**
 * Autocovariance of several chains of one observable, pooled over chains
 * about their common mean mu:
 *   Gamma(t) = (1/C) sum_c (1/(n - t)) sum_{s=0}^{n-t-1} (x_{c,s} - mu)(x_{c,s+t} - mu),
 * for t = 0 .. n - 1 (A. D. Sokal, "Monte Carlo methods in statistical
 * mechanics", Cargese lectures 1996, eq. 3.18 with the 1/(n-t) norm).
 * Sums over s are taken by FFT with zero padding to 2n, O(C n log n).
 * Differences between chain means stay in Gamma(t) at every lag, so
 * chains that have not mixed show up as a long autocorrelation.
 *
 * @param chains - C >= 1 series of one common length n >= 2.
 * @returns Gamma(0..n-1) and the pooled mean.
 */
export function pooledAutocovariance(chains: readonly ArrayLike<number>[]): {
  autocovariance: Float64Array;
  mean: number;
} {
  const n = chains[0].length;
  let total = 0;
  for (const chain of chains) for (let s = 0; s < n; s++) total += chain[s];
  const mean = total / (n * chains.length);

  const size = nextPowerOfTwo(2 * n);
  const sums = new Float64Array(n);
  const real = new Float64Array(size);
  const imaginary = new Float64Array(size);
  for (const chain of chains) {
    real.fill(0);
    imaginary.fill(0);
    for (let s = 0; s < n; s++) real[s] = chain[s] - mean;
    fftInPlace(real, imaginary);
    for (let k = 0; k < size; k++) {
      real[k] = real[k] * real[k] + imaginary[k] * imaginary[k];
      imaginary[k] = 0;
    }
    fftInPlace(real, imaginary, true);
    for (let t = 0; t < n; t++) sums[t] += real[t] / size;
  }

  const autocovariance = new Float64Array(n);
  for (let t = 0; t < n; t++) autocovariance[t] = sums[t] / (chains.length * (n - t));
  return { autocovariance, mean };
}
