// Wavelet coefficient map of a PNG image.
// Usage (after `npx tsc -p tsconfig.build.json` in packages/wavelets):
//   node examples/png-coefficients.mjs IN.png OUT.png [levels] [haar|daubechies-4]
// The image is read as grayscale, cropped to powers of 2 from the top-left
// corner, transformed, and the coefficients drawn in the 'mallat' layout
// with every band scaled on its own.
import * as fs from 'fs';
import { createRequire } from 'module';
const require = createRequire(import.meta.url);
const wavelets = require('../dist/index.js');

const [input, output, levelsText = '3', wavelet = 'haar'] = process.argv.slice(2);
if (input === undefined || output === undefined) {
  process.stderr.write('usage: node examples/png-coefficients.mjs IN.png OUT.png [levels] [wavelet]\n');
  process.exit(2);
}
const image = wavelets.cropToPowerOfTwo(wavelets.readGrayscalePng(fs.readFileSync(input)));
const levels = Number(levelsText);
const coefficients = wavelets.forward2d(image.pixels, image.rows, image.cols, { levels, wavelet });
const map = wavelets.coefficientMap(coefficients, image.rows, image.cols, levels);
fs.writeFileSync(output, wavelets.encodeGrayscalePng(map));
process.stdout.write(`${image.rows} x ${image.cols}, ${levels} levels of ${wavelet} -> ${output}\n`);
