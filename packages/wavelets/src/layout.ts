/**
 * Where the coefficients of a multi-level transform sit.
 *
 * - 'lattice' (in place): coefficients stay on the sites of the signal.
 *   At level k (k = 0 the finest, spacing d = 2^k), the approximation of a
 *   block stays on its first site; in 1D the detail of the pair
 *   (2m d, (2m + 1) d) goes to site (2m + 1) d; in 2D, for the block with
 *   corner (a, b) (multiples of 2d), 'detail-j' goes to (a, b + d),
 *   'detail-i' to (a + d, b) and 'detail-ij' to (a + d, b + d). After all
 *   levels the approximation sits on the sites that are multiples of
 *   2^levels. These are the sites where the MERA-like flow of
 *   @neuralrg/bijectors leaves its latent variables of RG level k.
 * - 'mallat' (pyramid): 1D: [approximation, detail of level levels-1, ...,
 *   detail of level 0]; the detail of level k has n / 2^(k+1) entries. 2D:
 *   the approximation in the top-left corner, and the three detail bands
 *   of level k in the quadrants around it: 'detail-j' top-right, 'detail-i'
 *   bottom-left, 'detail-ij' bottom-right, each (rows / 2^(k+1)) x
 *   (cols / 2^(k+1)). With all levels, the 1D 'mallat' order is the row
 *   order of the Haar matrix H_n.
 *
 * Band names say along which lattice direction the high-pass filter acted:
 * 'detail-j' differences neighbouring columns j (a variation along a row),
 * 'detail-i' neighbouring rows i, 'detail-ij' both (a checkerboard).
 */
export const LAYOUTS = ['mallat', 'lattice'] as const;
export type Layout = (typeof LAYOUTS)[number];

export const BANDS = ['approximation', 'detail-j', 'detail-i', 'detail-ij'] as const;
export type Band = (typeof BANDS)[number];

/** One coefficient of a 2D transform, as both layouts see it. */
export interface CoefficientInfo {
  /** RG level: k for details of level k, `levels` for the approximation. */
  level: number;
  band: Band;
  /** Row and column of the coefficient inside its band (block position). */
  p: number;
  q: number;
  /** Row-major index in the 'lattice' layout (the site it sits on). */
  site: number;
  /** Row-major index in the 'mallat' layout. */
  mallat: number;
}

/** Checks a layout name. */
export function checkLayout(layout: string): Layout {
  if (!(LAYOUTS as readonly string[]).includes(layout)) {
    throw new RangeError(`layout must be one of ${LAYOUTS.join(', ')}, got '${layout}'`);
  }
  return layout as Layout;
}

/**
 * For a 1D transform of length n with `levels` levels: order[mallat] =
 * lattice position of the same coefficient.
 */
export function mallatOrder1d(n: number, levels: number): Int32Array {
  const order = new Int32Array(n);
  const coarse = n >> levels;
  for (let m = 0; m < coarse; m++) order[m] = m << levels;
  for (let k = 0; k < levels; k++) {
    const count = n >> (k + 1);
    for (let m = 0; m < count; m++) order[count + m] = (2 * m + 1) << k;
  }
  return order;
}

/**
 * Every coefficient of a rows x cols 2D transform with `levels` levels,
 * indexed by its lattice site.
 */
export function describeCoefficients2d(
  rows: number,
  cols: number,
  levels: number,
): CoefficientInfo[] {
  const out = new Array<CoefficientInfo>(rows * cols);
  type Place = Omit<CoefficientInfo, 'site' | 'mallat'>;
  // (i, j): the lattice site; (mi, mj): the row and column in the mallat layout.
  const put = (info: Place, i: number, j: number, mi: number, mj: number) => {
    out[i * cols + j] = { ...info, site: i * cols + j, mallat: mi * cols + mj };
  };
  const top = 1 << levels;
  for (let p = 0; p < rows / top; p++) {
    for (let q = 0; q < cols / top; q++) {
      put({ level: levels, band: 'approximation', p, q }, p * top, q * top, p, q);
    }
  }
  for (let k = 0; k < levels; k++) {
    const d = 1 << k;
    const bandRows = rows >> (k + 1);
    const bandCols = cols >> (k + 1);
    for (let p = 0; p < bandRows; p++) {
      for (let q = 0; q < bandCols; q++) {
        const [a, b] = [2 * p * d, 2 * q * d];
        put({ level: k, band: 'detail-j', p, q }, a, b + d, p, bandCols + q);
        put({ level: k, band: 'detail-i', p, q }, a + d, b, bandRows + p, q);
        put({ level: k, band: 'detail-ij', p, q }, a + d, b + d, bandRows + p, bandCols + q);
      }
    }
  }
  return out;
}

/** For a 2D transform: order[mallat] = lattice site of the same coefficient. */
export function mallatOrder2d(rows: number, cols: number, levels: number): Int32Array {
  const order = new Int32Array(rows * cols);
  for (const info of describeCoefficients2d(rows, cols, levels)) order[info.mallat] = info.site;
  return order;
}

/** Rearranges every item of a batch: out[item][t] = data[item][order[t]]. */
export function gather(data: Float64Array, order: Int32Array): Float64Array {
  const size = order.length;
  const out = new Float64Array(data.length);
  for (let base = 0; base < data.length; base += size) {
    for (let t = 0; t < size; t++) out[base + t] = data[base + order[t]];
  }
  return out;
}

/** The inverse of {@link gather}: out[item][order[t]] = data[item][t]. */
export function scatter(data: Float64Array, order: Int32Array): Float64Array {
  const size = order.length;
  const out = new Float64Array(data.length);
  for (let base = 0; base < data.length; base += size) {
    for (let t = 0; t < size; t++) out[base + order[t]] = data[base + t];
  }
  return out;
}
