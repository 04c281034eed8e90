import { TransformOptions, inverse1d } from './dwt-1d';
import { inverse2d } from './dwt-2d';

function unit(size: number, index: number): Float64Array {
  if (!Number.isInteger(index) || index < 0 || index >= size) {
    throw new RangeError(`coefficient index must be an integer in 0..${size - 1}, got ${index}`);
  }
  const e = new Float64Array(size);
  e[index] = 1;
  return e;
}

/**
 * The basis function of one coefficient of a 1D transform: the signal
 * whose transform is 1 at `index` and 0 elsewhere. For an orthonormal
 * transform W it is row `index` of W, so coefficient = <basis, x>.
 *
 * @throws RangeError for an index out of range and as {@link forward1d}.
 */
export function basisFunction1d(n: number, index: number, options: TransformOptions = {}): Float64Array {
  return inverse1d(unit(n, index), n, options);
}

/**
 * The basis image of one coefficient of a 2D transform (row `index` of
 * the orthonormal 2D transform matrix): coefficient = <basis, image>.
 * With the 'lattice' layout, `index` is a lattice site, and the Haar basis
 * image is what the Jacobian dz_site/dx of a flow's latent variable at
 * that site is compared with.
 *
 * @throws RangeError for an index out of range and as {@link forward2d}.
 */
export function basisFunction2d(
  rows: number,
  cols: number,
  index: number,
  options: TransformOptions = {},
): Float64Array {
  return inverse2d(unit(rows * cols, index), rows, cols, options);
}
