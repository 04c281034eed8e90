import { Rng } from './random';
import { paretoShape, paretoShapeOfTail } from './pareto-k';

/** ln w for w from a generalized Pareto distribution of shape k: w = (U^-k - 1) / k. */
function paretoLogWeights(k: number, n: number, rng: Rng): Float64Array {
  return Float64Array.from({ length: n }, () => Math.log((rng.uniform() ** -k - 1) / k));
}

describe('paretoShape', () => {
  test.each([0.3, 0.7, 1.0])('recovers the shape %p of Pareto-tailed weights', (k) => {
    // n = 20000: the tail has M = 425 points; the Zhang-Stephens estimate
    // has a standard error ~ (1 + k) / sqrt(M) ~ 0.07-0.1 there; 0.2 is ~2.5 sigma.
    const estimate = paretoShape(paretoLogWeights(k, 20000, new Rng(Math.round(k * 10))));
    expect(Math.abs(estimate - k)).toBeLessThan(0.2);
  });

  test('light tails give a small k, and equal weights 0', () => {
    // ln w ~ N(0, 0.5^2): log-normal weights have k -> 0 (all moments finite).
    const rng = new Rng(4);
    const z = rng.fillNormal(new Float32Array(20000));
    expect(paretoShape(Float64Array.from(z, (v) => 0.5 * v))).toBeLessThan(0.3);
    expect(paretoShape(new Float64Array(100))).toBe(0);
    expect(paretoShape(new Float64Array(10))).toBeNaN();
  });
});

test('the largest weights alone give the same shape as all of them', () => {
  const rng = new Rng(4);
  const logWeights = Float64Array.from({ length: 5000 }, () => Math.log((rng.uniform() ** -0.8 - 1) / 0.8));
  const sorted = Float64Array.from(logWeights).sort();
  // 3 sqrt(5000) = 213 weights in the tail, plus the one below it.
  expect(paretoShapeOfTail(sorted.subarray(5000 - 300), 5000)).toBe(paretoShape(logWeights));
  expect(paretoShapeOfTail(sorted.subarray(5000 - 214), 5000)).toBe(paretoShape(logWeights));
  expect(paretoShapeOfTail(sorted.subarray(5000 - 213), 5000)).toBeNaN();
});
