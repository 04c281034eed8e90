import { PNG } from 'pngjs';
import { describeCoefficients2d } from './layout';

/** A grayscale image, row-major, values in [0, 1] when read from a PNG. */
export interface GrayImage {
  rows: number;
  cols: number;
  pixels: Float64Array;
}

/**
 * Decodes a PNG (any colour type and bit depth that pngjs reads) into
 * luminance 0.299 R + 0.587 G + 0.114 B (ITU-R BT.601) scaled to [0, 1].
 * Alpha is ignored.
 *
 * @throws Error from the decoder for bytes that are not a valid PNG.
 */
export function readGrayscalePng(bytes: Uint8Array): GrayImage {
  const png = PNG.sync.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  const pixels = new Float64Array(png.width * png.height);
  for (let p = 0; p < pixels.length; p++) {
    const [r, g, b] = [png.data[4 * p], png.data[4 * p + 1], png.data[4 * p + 2]];
    pixels[p] = (0.299 * r + 0.587 * g + 0.114 * b) / 255;
  }
  return { rows: png.height, cols: png.width, pixels };
}

/**
 * Encodes a grayscale image as an 8-bit PNG: values are clamped to [0, 1]
 * and 1 is white.
 *
 * @throws RangeError when pixels do not number rows * cols or hold NaN.
 */
export function encodeGrayscalePng(image: GrayImage): Buffer {
  const { rows, cols, pixels } = image;
  if (pixels.length !== rows * cols) {
    throw new RangeError(`image has ${pixels.length} pixels, expected rows * cols = ${rows * cols}`);
  }
  const png = new PNG({ width: cols, height: rows });
  for (let p = 0; p < pixels.length; p++) {
    if (Number.isNaN(pixels[p])) throw new RangeError(`image has NaN at pixel ${p}`);
    const v = Math.round(255 * Math.min(1, Math.max(0, pixels[p])));
    png.data.set([v, v, v, 255], 4 * p);
  }
  return PNG.sync.write(png, { colorType: 0 });
}

/**
 * The top-left part of an image whose sides are the largest powers of 2
 * that fit, for the dyadic transforms.
 */
export function cropToPowerOfTwo(image: GrayImage): GrayImage {
  const rows = 2 ** Math.floor(Math.log2(image.rows));
  const cols = 2 ** Math.floor(Math.log2(image.cols));
  const pixels = new Float64Array(rows * cols);
  for (let i = 0; i < rows; i++) {
    pixels.set(image.pixels.subarray(i * image.cols, i * image.cols + cols), i * cols);
  }
  return { rows, cols, pixels };
}

/**
 * A picture of 2D wavelet coefficients in the 'mallat' layout: each band
 * is scaled on its own so that it fills [0, 1] (the approximation from its
 * minimum to its maximum, a detail band as |c| / max |c|), since detail
 * coefficients are orders of magnitude smaller than the approximation.
 *
 * @param coefficients - one rows x cols transform in the 'mallat' layout.
 */
export function coefficientMap(
  coefficients: ArrayLike<number>,
  rows: number,
  cols: number,
  levels: number,
): GrayImage {
  if (coefficients.length !== rows * cols) {
    throw new RangeError(
      `coefficients has length ${coefficients.length}, expected rows * cols = ${rows * cols}`,
    );
  }
  const infos = describeCoefficients2d(rows, cols, levels);
  const key = (i: (typeof infos)[number]) => `${i.level}:${i.band}`;
  const low = new Map<string, number>();
  const high = new Map<string, number>();
  for (const info of infos) {
    const c = coefficients[info.mallat];
    const v = info.band === 'approximation' ? c : Math.abs(c);
    low.set(key(info), Math.min(low.get(key(info)) ?? Infinity, v));
    high.set(key(info), Math.max(high.get(key(info)) ?? -Infinity, v));
  }
  const pixels = new Float64Array(rows * cols);
  for (const info of infos) {
    const c = coefficients[info.mallat];
    const approximation = info.band === 'approximation';
    const bottom = approximation ? (low.get(key(info)) as number) : 0;
    const top = high.get(key(info)) as number;
    const v = approximation ? c : Math.abs(c);
    pixels[info.mallat] = top > bottom ? (v - bottom) / (top - bottom) : 0;
  }
  return { rows, cols, pixels };
}
