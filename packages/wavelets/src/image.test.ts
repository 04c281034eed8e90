import { PNG } from 'pngjs';
import { forward2d, inverse2d } from './dwt-2d';
import {
  coefficientMap,
  cropToPowerOfTwo,
  encodeGrayscalePng,
  readGrayscalePng,
} from './image';

/** An RGBA PNG of a diagonal gradient with a red square, 20 x 12. */
function testPng(): Buffer {
  const png = new PNG({ width: 20, height: 12 });
  for (let i = 0; i < 12; i++) {
    for (let j = 0; j < 20; j++) {
      const g = (i + j) * 8;
      const red = i >= 2 && i < 6 && j >= 2 && j < 6;
      png.data.set(red ? [255, 0, 0, 255] : [g, g, g, 128], 4 * (i * 20 + j));
    }
  }
  return PNG.sync.write(png);
}

describe('images', () => {
  it('reads a PNG as BT.601 luminance in [0, 1], ignoring alpha', () => {
    const image = readGrayscalePng(testPng());
    expect([image.rows, image.cols]).toEqual([12, 20]);
    expect(image.pixels[3 * 20 + 3]).toBeCloseTo(0.299, 12);
    expect(image.pixels[10 * 20 + 15]).toBeCloseTo((25 * 8) / 255, 12);
  });

  it('crops to powers of 2, transforms and reconstructs, and draws a coefficient map', () => {
    const image = cropToPowerOfTwo(readGrayscalePng(testPng()));
    expect([image.rows, image.cols]).toEqual([8, 16]);
    expect(image.pixels[7 * 16 + 15]).toBeCloseTo((22 * 8) / 255, 12);

    const coefficients = forward2d(image.pixels, 8, 16, { levels: 2 });
    const back = inverse2d(coefficients, 8, 16, { levels: 2 });
    back.forEach((v, p) => expect(v).toBeCloseTo(image.pixels[p], 12));

    const map = coefficientMap(coefficients, 8, 16, 2);
    expect(Math.min(...map.pixels)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...map.pixels)).toBe(1);
    // Round trip through an 8-bit PNG: within half a grey level.
    const decoded = readGrayscalePng(encodeGrayscalePng(map));
    decoded.pixels.forEach((v, p) => expect(Math.abs(v - map.pixels[p])).toBeLessThanOrEqual(0.5 / 255 + 1e-12));
  });

  it('refuses bad images', () => {
    expect(() => encodeGrayscalePng({ rows: 2, cols: 2, pixels: new Float64Array(3) })).toThrow(
      'image has 3 pixels, expected rows * cols = 4',
    );
    expect(() => coefficientMap(new Float64Array(8), 2, 2, 1)).toThrow(/expected rows \* cols = 4/);
    expect(() => readGrayscalePng(new Uint8Array([1, 2, 3]))).toThrow();
  });
});
