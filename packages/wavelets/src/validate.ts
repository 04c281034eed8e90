/**
 * Checks that `value` is a power of 2 (1, 2, 4, ...), as the dyadic
 * wavelet transforms need.
 *
 * @throws RangeError naming the argument, the value and the nearest fix.
 */
export function checkPowerOfTwo(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 1 || (value & (value - 1)) !== 0) {
    const hint =
      Number.isInteger(value) && value > 1
        ? ` (crop to ${2 ** Math.floor(Math.log2(value))} or pad to ${2 ** Math.ceil(Math.log2(value))})`
        : '';
    throw new RangeError(`${name} must be a power of 2 for the wavelet transform, got ${value}${hint}`);
  }
}

/**
 * The number of levels to use: `levels` when given, else the most the
 * size allows.
 *
 * @throws RangeError when levels is not an integer in 0..log2(size).
 */
export function resolveLevels(levels: number | undefined, size: number): number {
  const most = Math.log2(size);
  const value = levels ?? most;
  if (!Number.isInteger(value) || value < 0 || value > most) {
    throw new RangeError(
      `levels must be an integer in 0..${most} for size ${size}, got ${value}`,
    );
  }
  return value;
}

/**
 * Copies a batch of signals into float64, checking its length and entries.
 *
 * @param perItem - numbers in one signal or image.
 * @throws RangeError when the length is not a positive multiple of
 *   `perItem`, or for a NaN or infinite entry.
 */
export function batchOf(data: ArrayLike<number>, perItem: number, what: string): Float64Array {
  if (data.length === 0 || data.length % perItem !== 0) {
    throw new RangeError(
      `data has length ${data.length}, expected a positive multiple of the ${what} size ${perItem}`,
    );
  }
  const out = Float64Array.from(data);
  for (let p = 0; p < out.length; p++) {
    if (!Number.isFinite(out[p])) {
      throw new RangeError(
        `data has ${out[p]} at item ${Math.floor(p / perItem)}, entry ${p % perItem}; ` +
          'expected finite numbers',
      );
    }
  }
  return out;
}
