import { Flow, LinearLU } from '@neuralrg/bijectors';
import { GaussianFreeField, choleskyFactor } from '@neuralrg/energies';
import type { EnergyModel } from '@neuralrg/energies';
import { Rng, tf, useBackend } from '@neuralrg/tensor';
import type { Tensor1D, Tensor2D } from '@neuralrg/tensor';
import { estimatePhysics } from './physics-estimates';
import { derivedMean, lnZFromLogWeights, normalisedWeights, selfNormalisedMean } from './weighted-statistics';

beforeAll(async () => {
  await useBackend('cpu');
});

/** Draws from N(0, s^2) and ln w = ln pi~(x) - ln q(x) for pi~ = exp(-(x - 1)^2 / 2). */
function gaussianImportanceSample(n: number, s: number, rng: Rng): { x: Float64Array; logW: Float64Array } {
  const z = rng.fillNormal(new Float32Array(n));
  const x = Float64Array.from(z, (v) => s * v);
  const logW = x.map(
    (v) => -((v - 1) ** 2) / 2 - (-(v * v) / (2 * s * s) - Math.log(s * Math.sqrt(2 * Math.PI))),
  );
  return { x, logW };
}

describe('weighted statistics', () => {
  test('equal weights give the plain mean and standard error', () => {
    const values = [1, 2, 3, 6];
    const estimate = selfNormalisedMean(values, normalisedWeights([0, 0, 0, 0]));
    expect(estimate.value).toBe(3);
    // sqrt(sum (v - 3)^2) / n = sqrt(14) / 4.
    expect(estimate.stdErr).toBeCloseTo(Math.sqrt(14) / 4, 12);
  });

  test('error bars of SNIS, derived means and ln Z cover the truth as often as they should', () => {
    // Proposal N(0, 2^2), target N(1, 1) with Z = sqrt(2 pi): <x> = 1,
    // var x = 1. Over 200 independent repetitions of n = 2000 samples, a
    // +-2 se interval should hold the truth ~95% of the time; binomial
    // noise on 200 trials is +-1.5%, so [0.88, 0.99] fails only for a
    // mis-sized error bar (or a biased estimator).
    const rng = new Rng(42);
    const hits = { mean: 0, variance: 0, lnZ: 0 };
    const repetitions = 200;
    const truth = 0.5 * Math.log(2 * Math.PI);
    for (let r = 0; r < repetitions; r++) {
      const { x, logW } = gaussianImportanceSample(2000, 2, rng);
      const weights = normalisedWeights(logW);
      const mean = selfNormalisedMean(x, weights);
      const variance = derivedMean(([m1, m2]) => m2 - m1 * m1, [x, x.map((v) => v * v)], weights);
      const lnZ = lnZFromLogWeights(logW, rng, 1);
      if (Math.abs(mean.value - 1) < 2 * mean.stdErr) hits.mean += 1;
      if (Math.abs(variance.value - 1) < 2 * variance.stdErr) hits.variance += 1;
      if (Math.abs(lnZ.lnZ - truth) < 2 * lnZ.stdErr) hits.lnZ += 1;
    }
    for (const count of Object.values(hits)) {
      expect(count / repetitions).toBeGreaterThan(0.88);
      expect(count / repetitions).toBeLessThan(0.99);
    }
  });

  test('the bootstrap error of ln Z agrees with the delta method when the ESS is large', () => {
    // ESS ~ 0.6 here: ln Z is nearly linear in the mean weight, so both
    // error bars estimate the same spread; 100 resamples give the
    // bootstrap one to ~7%, so they agree within [0.75, 1.33].
    const rng = new Rng(7);
    for (let r = 0; r < 20; r++) {
      const { logW } = gaussianImportanceSample(1000, 2, rng);
      const lnZ = lnZFromLogWeights(logW, rng, 100);
      expect(lnZ.bootstrapResamples).toBe(100);
      expect(lnZ.bootstrapStdErr / lnZ.stdErr).toBeGreaterThan(0.75);
      expect(lnZ.bootstrapStdErr / lnZ.stdErr).toBeLessThan(1.33);
    }
  });

  test('ESS fraction: 1 for equal weights, 1/n for a single dominant weight', () => {
    const rng = new Rng(1);
    expect(lnZFromLogWeights(new Float64Array(10).fill(3), rng).essFraction).toBeCloseTo(1, 12);
    const spiky = new Float64Array(10).fill(-1000);
    spiky[3] = 0;
    const estimate = lnZFromLogWeights(spiky, rng);
    expect(estimate.essFraction).toBeCloseTo(0.1, 12);
    expect(estimate.lnZ).toBeCloseTo(-Math.log(10), 12);
  });
});

describe('estimatePhysics with a flow that is exact for its target', () => {
  test('ln Z equals the exact value, the gap vanishes, observables match', () => {
    // The Gaussian free field N(0, C) is exactly x = F z with F the
    // Cholesky factor of C: a single linear layer represents it.
    const field = new GaussianFreeField({ L: 4, d: 1, m2: 0.3 });
    const N = field.size;
    const layer = new LinearLU({ dim: N });
    layer.setMatrix(choleskyFactor(field.exactCovariance(), N));
    const flow = new Flow(layer, true);
    const estimates = estimatePhysics(flow, field, {
      samples: 4000,
      batch: 1000,
      rng: new Rng(3),
      bootstrapResamples: 10,
    });

    // ln w = -E - ln q is constant up to float32 rounding of E and ln q
    // (~1e-6 relative of terms ~10), so ln Z is exact to ~1e-4 and the ESS is 1.
    expect(Math.abs(estimates.lnZ.lnZ - field.exactLnZ)).toBeLessThan(1e-4);
    expect(estimates.lnZ.essFraction).toBeGreaterThan(0.999999);
    expect(Math.abs(estimates.klGap!.value)).toBeLessThan(1e-4);
    expect(estimates.lnZ.stdErr).toBeLessThan(1e-5);

    const byName = new Map(estimates.observables.map((o) => [o.name, o]));
    for (const name of ['energyPerSite', 'phi2', 'correlation[1]', 'correlation[2]', 'magnetisation', 'susceptibility']) {
      const estimate = byName.get(name)!;
      expect(estimate.exact).toBeDefined();
      // Exact independent samples: within 4.5 standard errors.
      expect(Math.abs(estimate.value - estimate.exact!)).toBeLessThan(4.5 * estimate.stdErr);
      // Equal weights: reweighted and plain estimates coincide.
      expect(estimate.value).toBeCloseTo(estimate.flowValue, 6);
    }
    // The symmetric flow flips signs: <m> is centred, though q is even anyway.
    expect(byName.get('absMagnetisation')!.exact).toBeCloseTo(Math.sqrt(2 / (Math.PI * 4 * 0.3)), 12);
    layer.dispose();
  });

  test('reweighting corrects a flow that is off', () => {
    // q = N(0, I) for a target N(0, 0.5 I) on 2 variables: the plain
    // average of |x|^2 is ~2, the reweighted one must find 1.
    const target: EnergyModel = {
      name: 'narrow',
      shape: [2],
      size: 2,
      z2Symmetric: true,
      exactLnZ: Math.log(Math.PI),
      config: {},
      energy: (x: Tensor2D) => tf.sum(tf.square(x), 1) as Tensor1D,
      observables: (x, count) => ({ radius2: Float64Array.from({ length: count }, (_, b) => x[2 * b] ** 2 + x[2 * b + 1] ** 2) }),
      exactObservables: () => ({ radius2: 1 }),
      dispose: () => undefined,
    };
    const layer = new LinearLU({ dim: 2 });
    const estimates = estimatePhysics(new Flow(layer, false), target, {
      samples: 8000,
      batch: 4000,
      rng: new Rng(5),
      bootstrapResamples: 10,
    });
    const radius2 = estimates.observables[0];
    expect(radius2.flowValue).toBeGreaterThan(1.9);
    expect(Math.abs(radius2.value - 1)).toBeLessThan(4.5 * radius2.stdErr);
    expect(Math.abs(radius2.deviation!)).toBeLessThan(4.5);
    expect(Math.abs(estimates.lnZ.lnZ - Math.log(Math.PI))).toBeLessThan(4.5 * estimates.lnZ.stdErr);
    // KL(N(0, I) || N(0, I/2)) = 2 * (1/2)(2 - 1 - ln 2) = 1 - ln 2 = 0.307 nats.
    expect(Math.abs(estimates.klGap!.value - (1 - Math.LN2))).toBeLessThan(4.5 * estimates.klGap!.stdErr);
    layer.dispose();
  });

  test('Pareto-smoothed weights: same ln Z and diagnostics, smoothed observables, bad choice named', () => {
    // q = N(0, I) for a wider target N(0, s^2 I), s = 1.6, on 2 variables:
    // w ~ exp(|x|^2 (1 - 1/s^2) / 2) has a Pareto tail with k = 0.61.
    const s2 = 1.6 ** 2;
    const target: EnergyModel = {
      name: 'wide',
      shape: [2],
      size: 2,
      z2Symmetric: true,
      exactLnZ: Math.log(2 * Math.PI * s2),
      config: {},
      energy: (x: Tensor2D) => tf.div(tf.sum(tf.square(x), 1), 2 * s2) as Tensor1D,
      observables: (x, count) => ({ radius2: Float64Array.from({ length: count }, (_, b) => x[2 * b] ** 2 + x[2 * b + 1] ** 2) }),
      exactObservables: () => ({ radius2: 2 * s2 }),
      dispose: () => undefined,
    };
    const layer = new LinearLU({ dim: 2 });
    const run = (weights?: 'raw' | 'psis') =>
      estimatePhysics(new Flow(layer, false), target, { samples: 8000, batch: 4000, rng: new Rng(8), bootstrapResamples: 10, weights });
    const raw = run();
    const smoothed = run('psis');
    expect(raw.weights).toBe('raw');
    expect(smoothed.weights).toBe('psis');
    expect(smoothed.lnZ).toEqual(raw.lnZ);
    expect(raw.lnZ.paretoK).toBeGreaterThan(0.5);
    const radius2 = smoothed.observables[0];
    expect(radius2.value).not.toBe(raw.observables[0].value);
    expect(radius2.flowValue).toBe(raw.observables[0].flowValue);
    expect(Math.abs(radius2.value - 2 * s2)).toBeLessThan(4.5 * radius2.stdErr);
    expect(() =>
      estimatePhysics(new Flow(layer, false), target, {
        samples: 10, batch: 10, rng: new Rng(1), weights: 'smooth' as 'psis',
      }),
    ).toThrow("weights must be 'raw' or 'psis', got 'smooth'");
    layer.dispose();
  });
});
