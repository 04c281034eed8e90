import type { WaveletFilter } from './filters';

/**
 * One periodic analysis step on the `count` values
 * buf[offset + t * stride], t = 0..count-1 (count even), in place: the
 * approximation a_m goes to position 2m and the detail d_m to 2m + 1 of
 * the same strided line (the interleaved, "in-place" layout).
 * `scratch` needs `count` entries.
 */
export function analyseLine(
  buf: Float64Array,
  offset: number,
  stride: number,
  count: number,
  filter: WaveletFilter,
  scratch: Float64Array,
): void {
  const { lowPass, highPass } = filter;
  const taps = lowPass.length;
  for (let t = 0; t < count; t++) scratch[t] = buf[offset + t * stride];
  for (let m = 0; m < count / 2; m++) {
    let a = 0;
    let d = 0;
    for (let k = 0; k < taps; k++) {
      const v = scratch[(2 * m + k) % count];
      a += lowPass[k] * v;
      d += highPass[k] * v;
    }
    buf[offset + 2 * m * stride] = a;
    buf[offset + (2 * m + 1) * stride] = d;
  }
}

/**
 * The inverse of {@link analyseLine}: x_(2m+k mod n) += h_k a_m + g_k d_m,
 * the transpose of the orthogonal analysis step.
 */
export function synthesiseLine(
  buf: Float64Array,
  offset: number,
  stride: number,
  count: number,
  filter: WaveletFilter,
  scratch: Float64Array,
): void {
  const { lowPass, highPass } = filter;
  const taps = lowPass.length;
  for (let t = 0; t < count; t++) scratch[t] = buf[offset + t * stride];
  for (let t = 0; t < count; t++) buf[offset + t * stride] = 0;
  for (let m = 0; m < count / 2; m++) {
    const a = scratch[2 * m];
    const d = scratch[2 * m + 1];
    for (let k = 0; k < taps; k++) {
      buf[offset + ((2 * m + k) % count) * stride] += lowPass[k] * a + highPass[k] * d;
    }
  }
}
