import { checkPowerOfTwo } from './validate';

export interface HaarMatrixOptions {
  /** Scale every row to unit length (default true): the orthonormal H_n. */
  normalized?: boolean;
}

/**
 * The n x n Haar matrix (n a power of 2), row-major. Row 0 is the
 * constant; then, from coarse to fine, the level-k rows (k = log2 n - 1
 * down to 0) are +1 on the first half and -1 on the second half of a
 * block of 2^(k+1) entries, one row per block, left to right. Unnormalised
 * the entries are 0 and +-1, as in the H_8 shown in Lei Wang's talk on
 * neural network renormalisation; normalised, row r is divided by
 * sqrt(its support), which makes H orthogonal and H x equal to
 * {@link forward1d}(x, n) with the Haar wavelet and the 'mallat' layout.
 *
 * @throws RangeError when n is not a power of 2.
 */
export function haarMatrix(n: number, options: HaarMatrixOptions = {}): Float64Array {
  checkPowerOfTwo('Haar matrix size n', n);
  const normalized = options.normalized ?? true;
  const out = new Float64Array(n * n);
  out.fill(normalized ? 1 / Math.sqrt(n) : 1, 0, n);
  let row = 1;
  for (let support = n; support >= 2; support /= 2) {
    const value = normalized ? 1 / Math.sqrt(support) : 1;
    for (let start = 0; start < n; start += support) {
      for (let t = 0; t < support; t++) {
        out[row * n + start + t] = t < support / 2 ? value : -value;
      }
      row++;
    }
  }
  return out;
}
