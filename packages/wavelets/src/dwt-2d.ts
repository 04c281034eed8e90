import { waveletFilter } from './filters';
import type { TransformOptions } from './dwt-1d';
import { checkLayout, gather, mallatOrder2d, scatter } from './layout';
import { analyseLine, synthesiseLine } from './line-step';
import { batchOf, checkPowerOfTwo, resolveLevels } from './validate';

function checkShape(rows: number, cols: number): void {
  checkPowerOfTwo('rows', rows);
  checkPowerOfTwo('cols', cols);
}

/**
 * The separable multi-level 2D wavelet transform of a batch of periodic
 * rows x cols images (row-major, sides powers of 2): at each level the
 * current approximation is transformed along every row (j), then along
 * every column (i). Orthonormal; levels go up to log2(min(rows, cols)).
 * See {@link Layout} for where each band lands; the 'lattice' layout puts
 * every coefficient on the lattice site of the flow's latent variable of
 * the same RG level and position.
 *
 * @param data - batch * rows * cols numbers.
 * @throws RangeError for sides that are not powers of 2, a length that is
 *   not a multiple of rows * cols, NaN entries, or bad options.
 */
export function forward2d(
  data: ArrayLike<number>,
  rows: number,
  cols: number,
  options: TransformOptions = {},
): Float64Array {
  checkShape(rows, cols);
  const size = rows * cols;
  const out = batchOf(data, size, 'image');
  const filter = waveletFilter(options.wavelet);
  const levels = resolveLevels(options.levels, Math.min(rows, cols));
  const layout = checkLayout(options.layout ?? 'mallat');

  const scratch = new Float64Array(Math.max(rows, cols));
  for (let base = 0; base < out.length; base += size) {
    for (let k = 0; k < levels; k++) {
      const d = 1 << k;
      const [across, down] = [cols >> k, rows >> k];
      for (let i = 0; i < rows; i += d) analyseLine(out, base + i * cols, d, across, filter, scratch);
      for (let j = 0; j < cols; j += d) analyseLine(out, base + j, d * cols, down, filter, scratch);
    }
  }
  return layout === 'lattice' ? out : gather(out, mallatOrder2d(rows, cols, levels));
}

/**
 * The inverse of {@link forward2d} with the same options.
 *
 * @throws RangeError as {@link forward2d}.
 */
export function inverse2d(
  coefficients: ArrayLike<number>,
  rows: number,
  cols: number,
  options: TransformOptions = {},
): Float64Array {
  checkShape(rows, cols);
  const size = rows * cols;
  const input = batchOf(coefficients, size, 'image');
  const filter = waveletFilter(options.wavelet);
  const levels = resolveLevels(options.levels, Math.min(rows, cols));
  const layout = checkLayout(options.layout ?? 'mallat');

  const out = layout === 'lattice' ? input : scatter(input, mallatOrder2d(rows, cols, levels));
  const scratch = new Float64Array(Math.max(rows, cols));
  for (let base = 0; base < out.length; base += size) {
    for (let k = levels - 1; k >= 0; k--) {
      const d = 1 << k;
      const [across, down] = [cols >> k, rows >> k];
      for (let j = 0; j < cols; j += d) synthesiseLine(out, base + j, d * cols, down, filter, scratch);
      for (let i = 0; i < rows; i += d) synthesiseLine(out, base + i * cols, d, across, filter, scratch);
    }
  }
  return out;
}
