import { Rng, tf, useBackend } from '@neuralrg/tensor';
import type { Tensor1D, Tensor2D } from '@neuralrg/tensor';
import { Hmc } from './hmc';
import type { HmcOptions } from './hmc';
import { Metric, metricWindowEnds } from './metric';
import { runSampler } from './run-sampler';
import { summariseRun } from './sampler-summary';

beforeAll(async () => {
  await useBackend('cpu');
});

/** A correlated 3-variable Gaussian: Sigma = C C^T with C lower triangular. */
const C = [
  [2, 0, 0],
  [1.9, 0.3, 0],
  [-1, 0.5, 0.1],
];
const sigma = C.map((row) => C.map((other) => row.reduce((s, v, k) => s + v * other[k], 0)));

function draw(rows: number, seed: number): Float32Array {
  const z = new Rng(seed).fillNormal(new Float32Array(rows * 3));
  const x = new Float32Array(rows * 3);
  for (let r = 0; r < rows; r++) {
    for (let i = 0; i < 3; i++) {
      let sum = 0;
      for (let k = 0; k <= i; k++) sum += C[i][k] * z[r * 3 + k];
      x[r * 3 + i] = sum;
    }
  }
  return x;
}

describe('metricWindowEnds', () => {
  it("lays out Stan's three doubling windows between 15 % and 75 % of the warm-up", () => {
    expect(metricWindowEnds(200)).toEqual([47, 81, 150]);
    expect(metricWindowEnds(1000)).toEqual([235, 405, 750]);
    expect(metricWindowEnds(100)).toEqual([23, 39, 75]);
    expect(() => metricWindowEnds(99)).toThrow(
      /a metric needs a warm-up of at least 100 steps to be estimated, got 99/,
    );
  });
});

describe('Metric', () => {
  it('estimates a dense covariance from pooled samples, and a diagonal one', () => {
    const rows = 20000;
    const x = draw(rows, 1);
    const dense = new Metric('dense', 3);
    const diagonal = new Metric('diagonal', 3);
    // Fed as 20000 / 4 steps of 4 chains, one chain dead: its rows must not count.
    const live = [true, true, true, false];
    const junk = Float32Array.from({ length: 12 }, () => 1e6);
    for (let start = 0; start < rows; start += 3) {
      const batch = junk.slice();
      batch.set(x.subarray(start * 3, Math.min(rows, start + 3) * 3));
      if (start + 3 > rows) break;
      dense.accumulate(batch, live);
      diagonal.accumulate(batch, live);
    }
    expect(dense.endWindow()).toBe(true);
    expect(diagonal.endWindow()).toBe(true);
    const v = dense.variances();
    const d = diagonal.variances();
    for (let i = 0; i < 3; i++) {
      // The sample variance of n = 20000 normals has relative error sqrt(2/n) = 1 %;
      // 5 % is 5 of them.
      expect(v[i] / sigma[i][i]).toBeCloseTo(1, 1);
      expect(Math.abs(v[i] / sigma[i][i] - 1)).toBeLessThan(0.05);
      expect(Math.abs(d[i] / sigma[i][i] - 1)).toBeLessThan(0.05);
    }
    // The factor is the Cholesky factor of the covariance: whitened samples are white.
    const white = dense.velocity(Float32Array.from([1, 0, 0]), 1);
    expect(Math.abs(white[1] / white[0] - C[1][0] / C[0][0])).toBeLessThan(0.05);
    expect(dense.updates).toBe(1);
    // A new window starts empty.
    expect(dense.endWindow()).toBe(false);
  });

  it('applies F and F^T consistently: <r, F^T g> = <F r, g>', () => {
    const metric = new Metric('dense', 3);
    metric.accumulate(draw(4000, 2), [...Array(4000)].map(() => true));
    metric.endWindow();
    const rng = new Rng(3);
    const r = rng.fillNormal(new Float32Array(6));
    const g = rng.fillNormal(new Float32Array(6));
    const Fr = metric.velocity(r, 2);
    const Ftg = metric.force(g, 2);
    let left = 0;
    let right = 0;
    for (let k = 0; k < 6; k++) {
      left += r[k] * Ftg[k];
      right += Fr[k] * g[k];
    }
    expect(left).toBeCloseTo(right, 4);
  });

  it('falls back to the diagonal with fewer samples than twice the dimension', () => {
    const metric = new Metric('dense', 3);
    metric.accumulate(draw(5, 4), [true, true, true, true, true]);
    expect(metric.endWindow()).toBe(true);
    const F = metric.velocity(Float32Array.from([1, 0, 0]), 1);
    expect(F[1]).toBe(0);
    expect(F[2]).toBe(0);
  });
});

describe('HMC with an adapted metric', () => {
  /** U = x^T Sigma^-1 x / 2 for the correlated Gaussian, by solving with C. */
  const potential = (x: Tensor2D): Tensor1D =>
    tf.tidy(() => {
      const inverse = tf.tensor2d(invert(sigma).flat(), [3, 3]);
      return tf.mul(0.5, tf.sum(tf.mul(tf.matMul(x, inverse), x), 1)) as Tensor1D;
    });
  const squares = (x: Float32Array, chains: number) => ({
    x0sq: Float64Array.from({ length: chains }, (_, c) => x[c * 3] ** 2),
    x2sq: Float64Array.from({ length: chains }, (_, c) => x[c * 3 + 2] ** 2),
  });
  const make = (overrides: Partial<HmcOptions>) =>
    new Hmc({
      potential,
      dim: 3,
      chains: 16,
      initial: draw(16, 5),
      stepSize: 0.1,
      leapfrogSteps: 4,
      seed: 6,
      observe: squares,
      observableNames: ['x0sq', 'x2sq'],
      ...overrides,
    });

  it('whitens a correlated Gaussian: a larger step, a shorter tau, exact variances', async () => {
    const results: Record<string, { eps: number; tau: number }> = {};
    for (const metric of ['identity', 'dense', 'diagonal'] as const) {
      const sampler = make({ metric, warmupSteps: 300 });
      const { record, ended } = await runSampler(sampler, { warmup: 300, steps: 1500 });
      const summary = summariseRun(sampler, record, ended, {
        x0sq: sigma[0][0],
        x2sq: sigma[2][2],
      });
      for (const name of ['x0sq', 'x2sq']) {
        expect(Math.abs(summary.observables[name]?.zScore as number)).toBeLessThan(4);
      }
      results[metric] = {
        eps: sampler.currentStepSize,
        tau: summary.observables.x0sq?.tauInt as number,
      };
      expect(summary.settings.metricUpdates).toBe(metric === 'identity' ? 0 : 3);
    }
    // Sigma's eigenvalues span about 0.005 to 10: with unit mass the step is
    // bound by the narrowest direction (width 0.07), with the dense metric by
    // whitened widths of about 1.
    expect(results.dense.eps).toBeGreaterThan(5 * results.identity.eps);
    expect(results.dense.tau).toBeLessThan(results.identity.tau / 3);
    // The diagonal cannot undo the correlation: in between.
    expect(results.diagonal.eps).toBeLessThan(results.dense.eps);
  });

  it('resumes in the middle of a metric window exactly', async () => {
    const options = { metric: 'dense' as const, warmupSteps: 100, chains: 2, initial: draw(2, 7) };
    const straight = make(options);
    const first = make(options);
    // Windows end at 23, 39 and 75: stop at 30, inside the second.
    for (let s = 0; s < 30; s++) {
      await straight.step(true);
      await first.step(true);
    }
    const resumed = make({ ...options, resume: JSON.parse(JSON.stringify(first.saveState())) });
    for (let s = 30; s < 110; s++) {
      const adapt = s < 100;
      expect(await resumed.step(adapt)).toEqual(await straight.step(adapt));
    }
    expect(resumed.settings().metricUpdates).toBe(3);
    expect(resumed.settings().metricReverted).toBeUndefined();
  });

  it('keeps the previous metric when the warm-up ends too soon after a new one', async () => {
    // Planned 200 steps (first window ends at 47), cut after 50 as by a time budget.
    const sampler = make({ metric: 'dense', warmupSteps: 200 });
    for (let s = 0; s < 50; s++) await sampler.step(true);
    const identityPhase = sampler.settings().metricUpdates;
    expect(identityPhase).toBe(1);
    const { record, ended } = await runSampler(sampler, { warmup: 0, steps: 300 });
    const summary = summariseRun(sampler, record, ended, {
      x0sq: sigma[0][0],
      x2sq: sigma[2][2],
    });
    expect(summary.settings.metricReverted).toBe(true);
    // Back to unit mass with the step sizes adapted for it: stable (below
    // about 2 x the narrowest width, 0.07), so the chains move.
    expect(sampler.currentStepSize).toBeLessThan(0.15);
    expect(summary.acceptance).toBeGreaterThan(0.4);
  });

  it('refuses an adapted metric without a planned warm-up, and an unknown metric', () => {
    expect(() => make({ metric: 'dense' })).toThrow(
      /metric 'dense' needs warmupSteps, the planned warm-up length, got undefined/,
    );
    expect(() => make({ metric: 'diagonal', warmupSteps: 20 })).toThrow(
      /metric 'diagonal' needs warmupSteps >= 100 to be estimated, got 20; use the 'identity' metric/,
    );
    expect(() =>
      make({ metric: 'full' as unknown as HmcOptions['metric'], warmupSteps: 10 }),
    ).toThrow(/metric must be one of identity, diagonal, dense, got full/);
  });
});

/** The inverse of a small matrix by Gauss-Jordan elimination. */
function invert(a: number[][]): number[][] {
  const n = a.length;
  const m = a.map((row, i) => [...row, ...a.map((_, j) => (i === j ? 1 : 0))]);
  for (let i = 0; i < n; i++) {
    const pivot = m[i][i];
    for (let j = 0; j < 2 * n; j++) m[i][j] /= pivot;
    for (let k = 0; k < n; k++) {
      if (k === i) continue;
      const f = m[k][i];
      for (let j = 0; j < 2 * n; j++) m[k][j] -= f * m[i][j];
    }
  }
  return m.map((row) => row.slice(n));
}
