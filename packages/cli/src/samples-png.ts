import { PNG } from 'pngjs';
import { writeFileAtomic } from '@neuralrg/trainer';
import type { GrayImage } from './spin-grid';

/** Encodes a grayscale image as an 8-bit grayscale PNG. */
export function encodeGrayPng(image: GrayImage): Buffer {
  const png = new PNG({ width: image.width, height: image.height });
  for (let p = 0; p < image.pixels.length; p++) {
    const value = image.pixels[p];
    png.data[4 * p] = value;
    png.data[4 * p + 1] = value;
    png.data[4 * p + 2] = value;
    png.data[4 * p + 3] = 255;
  }
  return PNG.sync.write(png, { colorType: 0, inputColorType: 6, inputHasAlpha: true });
}

/** Writes a grayscale image to `file` as a PNG, atomically. */
export function writeGrayPng(file: string, image: GrayImage): void {
  writeFileAtomic(file, encodeGrayPng(image));
}
