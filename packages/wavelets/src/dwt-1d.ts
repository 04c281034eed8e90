import { WaveletFilter, WaveletName, waveletFilter } from './filters';
import { Layout, checkLayout, gather, mallatOrder1d, scatter } from './layout';
import { analyseLine, synthesiseLine } from './line-step';
import { batchOf, checkPowerOfTwo, resolveLevels } from './validate';

/** Options of the 1D and 2D transforms. */
export interface TransformOptions {
  /** 'haar' (default), 'daubechies-4', or a custom orthonormal filter. */
  wavelet?: WaveletName | WaveletFilter;
  /** Number of levels, 0..log2(size); all of them by default. */
  levels?: number;
  /** Coefficient layout, 'mallat' (default) or 'lattice'; see {@link Layout}. */
  layout?: Layout;
}

/**
 * The multi-level orthonormal discrete wavelet transform of a batch of
 * periodic signals of length n (a power of 2): at each level the
 * approximation of the previous level is split into a coarser
 * approximation and details (Mallat 1989). Orthonormal, so the energy
 * sum x^2 is kept and {@link inverse1d} reconstructs exactly (to float64
 * rounding). With Haar and all levels in the 'mallat' layout the result
 * is H x, H the normalised Haar matrix ({@link haarMatrix}).
 *
 * @param data - batch * n numbers, one signal after the other.
 * @throws RangeError for n not a power of 2, a length that is not a
 *   multiple of n, NaN entries, or bad options.
 */
export function forward1d(
  data: ArrayLike<number>,
  n: number,
  options: TransformOptions = {},
): Float64Array {
  checkPowerOfTwo('signal length n', n);
  const out = batchOf(data, n, 'signal');
  const filter = waveletFilter(options.wavelet);
  const levels = resolveLevels(options.levels, n);
  const layout = checkLayout(options.layout ?? 'mallat');

  const scratch = new Float64Array(n);
  for (let base = 0; base < out.length; base += n) {
    for (let k = 0; k < levels; k++) analyseLine(out, base, 1 << k, n >> k, filter, scratch);
  }
  return layout === 'lattice' ? out : gather(out, mallatOrder1d(n, levels));
}

/**
 * The inverse of {@link forward1d} with the same options.
 *
 * @throws RangeError as {@link forward1d}.
 */
export function inverse1d(
  coefficients: ArrayLike<number>,
  n: number,
  options: TransformOptions = {},
): Float64Array {
  checkPowerOfTwo('signal length n', n);
  const input = batchOf(coefficients, n, 'signal');
  const filter = waveletFilter(options.wavelet);
  const levels = resolveLevels(options.levels, n);
  const layout = checkLayout(options.layout ?? 'mallat');

  const out = layout === 'lattice' ? input : scatter(input, mallatOrder1d(n, levels));
  const scratch = new Float64Array(n);
  for (let base = 0; base < out.length; base += n) {
    for (let k = levels - 1; k >= 0; k--) synthesiseLine(out, base, 1 << k, n >> k, filter, scratch);
  }
  return out;
}
