import { Rng } from './random';
import { paretoShape, paretoShapeOfTail, paretoSmoothedLogWeights, paretoTailLength } from './pareto-k';

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

describe('paretoSmoothedLogWeights', () => {
  /** Self-normalised mean of `values` with weights exp(logWeights). */
  function weightedMean(values: Float64Array, logWeights: Float64Array): number {
    const max = Math.max(...logWeights);
    let sum = 0;
    let total = 0;
    for (let i = 0; i < values.length; i++) {
      const w = Math.exp(logWeights[i] - max);
      sum += w * values[i];
      total += w;
    }
    return sum / total;
  }

  test('changes only the largest weights, keeps their order, never exceeds the largest, and reports k', () => {
    const rng = new Rng(9);
    const logWeights = Float64Array.from({ length: 4000 }, () => Math.log((rng.uniform() ** -0.6 - 1) / 0.6));
    const { logWeights: smoothed, k } = paretoSmoothedLogWeights(logWeights);
    expect(k).toBe(paretoShape(logWeights));
    const M = paretoTailLength(4000);
    const order = Array.from(logWeights.keys()).sort((a, b) => logWeights[a] - logWeights[b]);
    let changed = 0;
    for (let r = 0; r < 4000; r++) {
      const i = order[r];
      if (smoothed[i] !== logWeights[i]) changed += 1;
      if (r < 4000 - M) expect(smoothed[i]).toBe(logWeights[i]);
      if (r > 0) expect(smoothed[i]).toBeGreaterThanOrEqual(smoothed[order[r - 1]]);
    }
    expect(changed).toBeGreaterThan(M / 2);
    expect(Math.max(...smoothed)).toBeLessThanOrEqual(Math.max(...logWeights));
    expect(paretoSmoothedLogWeights(new Float64Array(10)).k).toBeNaN();
    expect(Array.from(paretoSmoothedLogWeights(new Float64Array(100)).logWeights)).toEqual(new Array(100).fill(0));
  });

  test('lowers the error of a heavy-tailed importance-sampling estimate (closed form E[x^2] = s^2)', () => {
    // Target N(0, s^2), proposal N(0, 1): w ~ exp(x^2 (1 - 1/s^2) / 2), whose
    // tail has k = 1 - 1/s^2 = 0.61 for s = 1.6 (finite mean, infinite
    // variance). Over 200 repetitions of n = 1000, PSIS must cut the root
    // mean square error of the self-normalised E[x^2]; with raw weights the
    // rare huge weights dominate it. Measured here: raw 1.98, smoothed 0.51;
    // the test asks for at most half the raw error.
    const s2 = 1.6 ** 2;
    const rng = new Rng(21);
    let raw = 0;
    let smoothed = 0;
    for (let r = 0; r < 200; r++) {
      const x = rng.fillNormal(new Float32Array(1000));
      const squares = Float64Array.from(x, (v) => v * v);
      const logWeights = Float64Array.from(squares, (v) => (v * (1 - 1 / s2)) / 2);
      raw += (weightedMean(squares, logWeights) - s2) ** 2;
      smoothed += (weightedMean(squares, paretoSmoothedLogWeights(logWeights).logWeights) - s2) ** 2;
    }
    expect(Math.sqrt(smoothed / 200)).toBeLessThan(0.5 * Math.sqrt(raw / 200));
  });
});
