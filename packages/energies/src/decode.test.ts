import { Rng } from '@neuralrg/tensor';
import { decodeSpins, spinProbabilities } from './decode';

describe('decoding spins from the dual field', () => {
  test('P(s = +1) = sigmoid(2x) = (1 + tanh x) / 2, stable at large |x|', () => {
    const x = new Float64Array([-3, -0.25, 0, 0.7, 100, -100]);
    const probabilities = spinProbabilities(x);
    for (let i = 0; i < 4; i++) expect(probabilities[i]).toBeCloseTo((1 + Math.tanh(x[i])) / 2, 14);
    expect(probabilities[4]).toBe(1);
    expect(probabilities[5]).toBeGreaterThan(0);
    expect(probabilities[5]).toBeLessThan(1e-80);
  });

  test('decoded spin frequencies match sigmoid(2x) over many draws', () => {
    const field = [-1.5, -0.4, 0, 0.25, 1.0];
    const draws = 40000;
    const length = field.length * draws;
    const x = Float32Array.from({ length }, (_, i) => field[i % field.length]);
    const spins = decodeSpins(x, new Rng(2024));
    for (let f = 0; f < field.length; f++) {
      let sum = 0;
      for (let d = 0; d < draws; d++) sum += spins[d * field.length + f];
      const p = 1 / (1 + Math.exp(-2 * Math.fround(field[f])));
      const frequency = (sum / draws + 1) / 2;
      // Binomial standard error sqrt(p (1 - p) / n) <= 0.0025; allow 5 of them.
      expect(Math.abs(frequency - p)).toBeLessThan(5 * Math.sqrt((p * (1 - p)) / draws));
      // Equivalently the mean spin is tanh(x).
      expect(Math.abs(sum / draws - Math.tanh(field[f]))).toBeLessThan(0.025);
    }
  });

  test('spins are +-1 and deterministic for a given seed', () => {
    const x = Float32Array.from([0.3, -2, 5, -0.1]);
    const a = decodeSpins(x, new Rng(1));
    expect(Array.from(a).every((s) => s === 1 || s === -1)).toBe(true);
    expect(decodeSpins(x, new Rng(1))).toEqual(a);
  });

  test('rejects non-finite entries', () => {
    expect(() => decodeSpins(new Float32Array([0, NaN]), new Rng(1))).toThrow(
      'x[1] must be finite, got NaN',
    );
    expect(() => spinProbabilities(new Float32Array([Infinity]))).toThrow(RangeError);
  });
});
