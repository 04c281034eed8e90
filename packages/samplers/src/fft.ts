/**
 * In-place iterative radix-2 Cooley-Tukey FFT of a complex sequence held
 * as two float64 arrays (real, imaginary), length a power of 2. With
 * `inverse` it computes the unnormalised inverse transform
 * sum_k X_k exp(+2 pi i k n / N) (divide by N for the inverse).
 */
export function fftInPlace(real: Float64Array, imaginary: Float64Array, inverse = false): void {
  const n = real.length;
  if (imaginary.length !== n || n === 0 || (n & (n - 1)) !== 0) {
    throw new RangeError(`fft length must be a power of 2 with matching parts, got ${n}`);
  }

  for (let i = 1, j = 0; i < n; i++) {
    let bit = n >> 1;
    for (; j & bit; bit >>= 1) j ^= bit;
    j ^= bit;
    if (i < j) {
      const re = real[i];
      real[i] = real[j];
      real[j] = re;
      const im = imaginary[i];
      imaginary[i] = imaginary[j];
      imaginary[j] = im;
    }
  }

  const { cos, sin } = twiddles(n);
  const sign = inverse ? 1 : -1;
  for (let size = 2; size <= n; size <<= 1) {
    const half = size >> 1;
    const stride = n / size;
    for (let start = 0; start < n; start += size) {
      for (let k = 0; k < half; k++) {
        const c = cos[k * stride];
        const s = sign * sin[k * stride];
        const a = start + k;
        const b = a + half;
        const re = real[b] * c - imaginary[b] * s;
        const im = real[b] * s + imaginary[b] * c;
        real[b] = real[a] - re;
        imaginary[b] = imaginary[a] - im;
        real[a] += re;
        imaginary[a] += im;
      }
    }
  }
}

const tables = new Map<number, { cos: Float64Array; sin: Float64Array }>();

/** cos and sin of 2 pi k / n for k < n/2, computed once per length. */
function twiddles(n: number): { cos: Float64Array; sin: Float64Array } {
  let table = tables.get(n);
  if (table === undefined) {
    const cos = new Float64Array(n >> 1);
    const sin = new Float64Array(n >> 1);
    for (let k = 0; k < n >> 1; k++) {
      cos[k] = Math.cos((2 * Math.PI * k) / n);
      sin[k] = Math.sin((2 * Math.PI * k) / n);
    }
    table = { cos, sin };
    tables.set(n, table);
  }
  return table;
}

/** The smallest power of 2 that is >= n. */
export function nextPowerOfTwo(n: number): number {
  let size = 1;
  while (size < n) size <<= 1;
  return size;
}
