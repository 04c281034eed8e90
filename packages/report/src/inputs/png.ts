import type { PngImage } from './run-data';

const SIGNATURE = [137, 80, 78, 71, 13, 10, 26, 10];

/**
 * Checks that `bytes` look like a whole PNG file: the 8-byte signature,
 * an IHDR chunk first with a non-zero width and height, and an IEND chunk
 * last (a file cut short while written has none). Returns the image, or
 * a message saying what is wrong. The pixels are not decoded here; the
 * browser decodes them.
 */
export function checkPng(file: string, bytes: Buffer): PngImage | string {
  if (bytes.length < 33 || SIGNATURE.some((value, i) => bytes[i] !== value)) {
    return 'is not a PNG file (no PNG signature)';
  }
  if (bytes.toString('latin1', 12, 16) !== 'IHDR')
    return 'is not a valid PNG file (no IHDR chunk first)';
  const width = bytes.readUInt32BE(16);
  const height = bytes.readUInt32BE(20);
  if (width === 0 || height === 0) return `has an empty image (${width} x ${height})`;
  if (bytes.toString('latin1', bytes.length - 8, bytes.length - 4) !== 'IEND') {
    return 'is cut short (no IEND chunk at the end)';
  }
  return { file, bytes, width, height };
}
