/**
 * An orthonormal wavelet given by its low-pass (scaling) filter h. The
 * high-pass (wavelet) filter is the quadrature mirror g_k = (-1)^k h_(L-1-k),
 * so that one analysis step of a periodic signal x of even length n is
 *
 *   a_m = sum_k h_k x_(2m+k mod n),   d_m = sum_k g_k x_(2m+k mod n),
 *
 * an orthogonal map (Daubechies, Ten Lectures on Wavelets, 1992, ch. 5).
 */
export interface WaveletFilter {
  readonly name: string;
  readonly lowPass: readonly number[];
  readonly highPass: readonly number[];
}

function mirror(lowPass: readonly number[]): number[] {
  const L = lowPass.length;
  return lowPass.map((_, k) => (k % 2 === 0 ? 1 : -1) * lowPass[L - 1 - k]);
}

function filter(name: string, lowPass: number[]): WaveletFilter {
  return { name, lowPass, highPass: mirror(lowPass) };
}

/**
 * Haar: h = (1, 1)/sqrt 2, g = (1, -1)/sqrt 2. The detail of a pair is
 * (first - second)/sqrt 2, the sign of the rows of the Haar matrix H_8.
 */
export const HAAR = filter('haar', [Math.SQRT1_2, Math.SQRT1_2]);

const S3 = Math.sqrt(3);
const D4_NORM = 4 * Math.SQRT2;

/**
 * Daubechies-4 (two vanishing moments):
 * h = (1 + sqrt 3, 3 + sqrt 3, 3 - sqrt 3, 1 - sqrt 3) / (4 sqrt 2).
 * Periodised: filters wrap around the ends of the signal.
 */
export const DAUBECHIES_4 = filter('daubechies-4', [
  (1 + S3) / D4_NORM,
  (3 + S3) / D4_NORM,
  (3 - S3) / D4_NORM,
  (1 - S3) / D4_NORM,
]);

/** The wavelets known by name. */
export const WAVELETS = { haar: HAAR, 'daubechies-4': DAUBECHIES_4 } as const;
export type WaveletName = keyof typeof WAVELETS;

/**
 * The filter of a wavelet given by name or as a filter.
 *
 * @throws RangeError for an unknown name.
 */
export function waveletFilter(wavelet: WaveletName | WaveletFilter = 'haar'): WaveletFilter {
  if (typeof wavelet !== 'string') return wavelet;
  const found = (WAVELETS as Record<string, WaveletFilter>)[wavelet];
  if (found === undefined) {
    throw new RangeError(
      `wavelet must be one of ${Object.keys(WAVELETS).join(', ')}, got '${wavelet}'`,
    );
  }
  return found;
}
