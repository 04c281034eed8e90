import { Rng, liveTensors, tf, useBackend } from '@neuralrg/tensor';
import type { Tensor1D, Tensor2D } from '@neuralrg/tensor';
import { Hmc } from './hmc';
import type { HmcOptions } from './hmc';
import { runSampler } from './run-sampler';
import { summariseRun } from './sampler-summary';
import { gaussianEnergy } from './testing';

beforeAll(async () => {
  await useBackend('cpu');
});

const scale = Float32Array.from([0.5, 1, 2]);
const shift = Float32Array.from([1, -1, 0]);

/** Squares of the standardised-free coordinates, whose means are scale_i^2. */
function squares(x: Float32Array, chains: number): Record<string, Float64Array> {
  const out: Record<string, Float64Array> = {};
  for (let i = 0; i < 3; i++) {
    out[`x${i}`] = Float64Array.from({ length: chains }, (_, c) => (x[c * 3 + i] - shift[i]) ** 2);
  }
  return out;
}

function gaussianHmc(overrides: Partial<HmcOptions> = {}): Hmc {
  const chains = overrides.chains ?? 16;
  return new Hmc({
    potential: gaussianEnergy(scale, shift),
    dim: 3,
    chains,
    initial: new Rng(1).fillNormal(new Float32Array(chains * 3)),
    stepSize: 0.5,
    leapfrogSteps: 8,
    seed: 2,
    observe: squares,
    observableNames: ['x0', 'x1', 'x2'],
    ...overrides,
  });
}

describe('HMC', () => {
  it('reproduces the variances of an anisotropic Gaussian, with an adapted step size', async () => {
    const before = liveTensors();
    const sampler = gaussianHmc();
    const { record, ended } = await runSampler(sampler, { warmup: 150, steps: 500 });
    const summary = summariseRun(sampler, record, ended, { x0: 0.25, x1: 1, x2: 4 });
    for (const name of ['x0', 'x1', 'x2']) {
      // Within 4 error bars from tau_int of the exact variance.
      expect(Math.abs(summary.observables[name]?.zScore as number)).toBeLessThan(4);
    }
    // Dual averaging aims at 0.65; the realised rate after warm-up is close.
    expect(summary.acceptance).toBeGreaterThan(0.5);
    expect(summary.acceptance).toBeLessThan(0.9);
    // The stiff direction (scale 0.5) bounds the step: stable below 2 * 0.5 = 1.
    expect(sampler.currentStepSize).toBeGreaterThan(0.2);
    expect(sampler.currentStepSize).toBeLessThan(1);
    expect(liveTensors()).toBe(before);
  });

  it('resumes from a saved state exactly', async () => {
    const straight = gaussianHmc({ chains: 2 });
    const first = gaussianHmc({ chains: 2 });
    for (let s = 0; s < 4; s++) {
      await straight.step(true);
      await first.step(true);
    }
    const resumed = gaussianHmc({ chains: 2, resume: first.saveState() });
    for (let s = 0; s < 4; s++) {
      const adapt = s < 2;
      expect(await resumed.step(adapt)).toEqual(await straight.step(adapt));
    }
  });

  it('stops a chain whose energy turns NaN after warm-up and leaves it out of the averages', async () => {
    // Row 0 (chain 0) turns NaN from the 21st evaluation on: the end of the 4th
    // trajectory (1 evaluation at the start, 5 per trajectory).
    const base = gaussianEnergy(Float32Array.from([1, 1, 1]), Float32Array.from([0, 0, 0]));
    let calls = 0;
    const potential = (x: Tensor2D): Tensor1D =>
      tf.tidy(() => {
        calls += 1;
        const offset = Float32Array.from({ length: x.shape[0] }, (_, c) =>
          c === 0 && calls > 20 ? NaN : 0,
        );
        return tf.add(base(x), tf.tensor1d(offset)) as Tensor1D;
      });
    const initial = Float32Array.from([0.5, 0, 0, -1, 0, 0, 1, 0, 0]);
    const sampler = new Hmc({
      potential,
      dim: 3,
      chains: 3,
      initial,
      stepSize: 0.5,
      leapfrogSteps: 5,
      seed: 3,
      jitter: 0,
      observe: (x, chains) => ({
        first: Float64Array.from({ length: chains }, (_, c) => x[c * 3]),
      }),
      observableNames: ['first'],
    });
    const { record, ended } = await runSampler(sampler, { warmup: 0, steps: 200 });
    expect(ended).toBe('complete');
    expect(record.stopped.map((s) => [s.chain, s.step])).toEqual([[0, 4]]);
    expect(record.stopped[0].reason).toMatch(/energy became NaN/);
    const summary = summariseRun(sampler, record, ended);
    expect(summary.liveChains).toBe(2);
    expect(summary.acceptancePerChain[0]).toBeNull();
    expect(Number.isFinite(summary.observables.first?.mean)).toBe(true);
  });

  it('rejects a NaN trajectory during warm-up as a divergence, and stops the chain after it', async () => {
    const base = gaussianEnergy(Float32Array.from([1, 1, 1]), Float32Array.from([0, 0, 0]));
    let calls = 0;
    const potential = (x: Tensor2D): Tensor1D =>
      tf.tidy(() => {
        calls += 1;
        const offset = Float32Array.from({ length: x.shape[0] }, (_, c) =>
          c === 0 && calls > 20 ? NaN : 0,
        );
        return tf.add(base(x), tf.tensor1d(offset)) as Tensor1D;
      });
    const sampler = new Hmc({
      potential,
      dim: 3,
      chains: 2,
      initial: new Float32Array(6),
      stepSize: 0.5,
      leapfrogSteps: 5,
      seed: 3,
    });
    const { record } = await runSampler(sampler, { warmup: 10, steps: 20 });
    // Trajectories 4-10 of the warm-up end at NaN for chain 0: rejected; the 11th stops it.
    expect(sampler.settings().warmupDivergences).toBe(7);
    expect(record.stopped.map((s) => [s.chain, s.step])).toEqual([[0, 11]]);
  });

  it('rejects bad input with errors that name it', () => {
    expect(() => gaussianHmc({ stepSize: 0 })).toThrow(
      /stepSize must be a positive finite number, got 0/,
    );
    expect(() => gaussianHmc({ stepSize: -0.1 })).toThrow(
      /stepSize must be a positive finite number, got -0.1/,
    );
    expect(() => gaussianHmc({ chains: 0, initial: new Float32Array(0) })).toThrow(
      /chains must be a positive integer, got 0/,
    );
    expect(() => gaussianHmc({ initial: new Float32Array(5) })).toThrow(
      /initial must hold 16 chains x 3 variables = 48 values \(shape \[16, 3\]\), got 5/,
    );
    expect(() => gaussianHmc({ leapfrogSteps: 0 })).toThrow(
      /leapfrogSteps must be a positive integer, got 0/,
    );
    expect(() =>
      gaussianHmc({ stepSizeAdaptation: 'each' as unknown as HmcOptions['stepSizeAdaptation'] }),
    ).toThrow(/stepSizeAdaptation must be one of per-chain, shared, got each/);
    expect(() => gaussianHmc({ targetAcceptance: 1 })).toThrow(
      /targetAcceptance must be a number in the open interval \(0, 1\), got 1/,
    );
    const initial = new Float32Array(48);
    initial[7] = NaN;
    expect(() => gaussianHmc({ initial })).toThrow(
      /the energy at the start of chain 2 is NaN; expected a finite energy/,
    );
  });

  describe('per-chain step sizes', () => {
    /**
     * Chain c samples N(0, widths[c]^2) in each of 3 variables: the rows of
     * the batch have their own target, as chains stuck in regions of
     * different stiffness have.
     */
    const widths = Float32Array.from([1, 0.1, 1, 0.1]);
    const stiffness: Tensor2D['shape'] = [4, 1];
    const rowPotential = (q: Tensor2D): Tensor1D =>
      tf.tidy(() => {
        const inverse = tf.tensor2d(widths.map((w) => 1 / (w * w)), stiffness);
        return tf.mul(0.5, tf.sum(tf.mul(tf.square(q), inverse), 1)) as Tensor1D;
      });
    /** Each chain's sum of squares in units of its own width: mean 3. */
    const scaledSquares = (q: Float32Array, chains: number) => ({
      r2: Float64Array.from({ length: chains }, (_, c) => {
        let sum = 0;
        for (let i = 0; i < 3; i++) sum += (q[c * 3 + i] / widths[c]) ** 2;
        return sum;
      }),
    });
    const rowHmc = (overrides: Partial<HmcOptions> = {}) =>
      new Hmc({
        potential: rowPotential,
        dim: 3,
        chains: 4,
        initial: new Rng(4).fillNormal(new Float32Array(12)).map((v, k) => v * widths[k / 3 | 0]),
        stepSize: 0.5,
        leapfrogSteps: 8,
        seed: 5,
        observe: scaledSquares,
        observableNames: ['r2'],
        stepSizeAdaptation: 'per-chain',
        ...overrides,
      });

    it('gives each chain the step size of its own region, and stays exact', async () => {
      for (const trajectoryLength of [undefined, 1.2]) {
        const sampler = rowHmc({ trajectoryLength, leapfrogSteps: 40 });
        const { record, ended } = await runSampler(sampler, { warmup: 300, steps: 1500 });
        const eps = sampler.chainStepSizes;
        // A Gaussian of width w in d = 3 reaches acceptance 0.65 at eps near w
        // (the leapfrog is stable below 2 w); the narrow chains' step is 10x smaller.
        for (let c = 0; c < 4; c++) {
          expect(eps[c] / widths[c]).toBeGreaterThan(0.4);
          expect(eps[c] / widths[c]).toBeLessThan(1.8);
        }
        // <r2> = 3 exactly; within 4 error bars from tau_int.
        const summary = summariseRun(sampler, record, ended, { r2: 3 });
        expect(Math.abs(summary.observables.r2?.zScore as number)).toBeLessThan(4);
        expect(summary.acceptancePerChain.every((a) => (a as number) > 0.4)).toBe(true);
        expect(summary.settings.stepSizeMax).toBeGreaterThan(
          5 * (summary.settings.stepSizeMin as number),
        );
        if (trajectoryLength !== undefined) {
          // Length 1.2 takes about 1.2 / eps leapfrog steps (warm-up
          // included): one or two for the wide chains, about ten for the
          // narrow ones; one common count would give 40 (the cap) or 1-2.
          const mean = summary.settings.meanLeapfrogSteps as number;
          expect(mean).toBeGreaterThan(3);
          expect(mean).toBeLessThan(20);
        }
      }
    });

    it("'shared' adapts one step size on the mean acceptance", async () => {
      const sampler = rowHmc({ stepSizeAdaptation: 'shared' });
      await runSampler(sampler, { warmup: 300, steps: 10 });
      const eps = sampler.chainStepSizes;
      expect(new Set(eps).size).toBe(1);
      expect(sampler.settings().stepSizeAdaptation).toBe('shared');
      // One step for both widths: the wide chains' acceptance holds it up, so
      // it lies between the two chains' own step sizes.
      expect(eps[0]).toBeGreaterThan(0.1);
      expect(eps[0]).toBeLessThan(1);
    });

    it('resumes a state saved with one step size and one adaptation', async () => {
      const first = rowHmc();
      await first.step(true);
      const saved = first.saveState();
      const { stepSizes, adaptations, ...rest } = saved.data;
      const old = {
        ...saved,
        data: {
          ...rest,
          stepSize: 0.3,
          adaptation: (adaptations as unknown[])[0],
        },
      };
      expect(stepSizes).toBeDefined();
      const resumed = rowHmc({ resume: old });
      expect(Array.from(resumed.chainStepSizes)).toEqual([0.3, 0.3, 0.3, 0.3]);
      await resumed.step(true);
      // Chains that all accepted with probability 1 take the same update.
      expect(new Set(resumed.chainStepSizes).size).toBeGreaterThan(1);
      const bad = { ...saved, data: { ...saved.data, adaptations: [{}, {}] } };
      expect(() => rowHmc({ resume: bad })).toThrow(
        /resume state holds 2 step-size adaptations, expected 1 or 4/,
      );
    });
  });

  describe('delayed rejection', () => {
    /**
     * p(q) = (1 - w) N(q; 0, I) + w N(q; 0, s^2 I) in `dim` variables: a
     * wide component and a narrow one on top of it, whose leapfrog is
     * stable only for eps < 2 s.
     */
    const mixture =
      (s: number, w: number) =>
      (q: Tensor2D): Tensor1D =>
        tf.tidy(() => {
          const dim = q.shape[1];
          const r2 = tf.sum(tf.square(q), 1);
          const wide = tf.add(tf.mul(-0.5, r2), Math.log(1 - w));
          const narrow = tf.add(tf.mul(-0.5 / (s * s), r2), Math.log(w) - dim * Math.log(s));
          return tf.neg(tf.logSumExp(tf.stack([wide, narrow], 1), 1)) as Tensor1D;
        });
    const erf = (x: number): number => {
      let term = x;
      let sum = x;
      for (let n = 1; n < 60; n++) {
        term *= (-x * x) / n;
        sum += term / (2 * n + 1);
      }
      return (2 / Math.sqrt(Math.PI)) * sum;
    };
    const s = 0.15;
    const observe = (q: Float32Array, chains: number) => ({
      q2: Float64Array.from({ length: chains }, (_, c) => q[c] * q[c]),
      inner: Float64Array.from({ length: chains }, (_, c) => (Math.abs(q[c]) < s ? 1 : 0)),
    });
    const mixtureHmc = (overrides: Partial<HmcOptions> = {}) =>
      new Hmc({
        potential: mixture(s, 0.5),
        dim: 1,
        chains: 16,
        initial: new Rng(6).fillNormal(new Float32Array(16)),
        stepSize: 1,
        leapfrogSteps: 3,
        seed: 7,
        observe,
        observableNames: ['q2', 'inner'],
        ...overrides,
      });

    it('samples a target of two scales exactly', async () => {
      // Equal weights, s = 0.15, one variable: <q^2> = (1 + s^2) / 2 and
      // P(|q| < s) = [P(|Z| < s) + P(|Z| < 1)] / 2. Leaving out the ghost
      // factor 1 - alpha1(q2, -p2) gave z = -16 for the inner fraction.
      const sampler = mixtureHmc({ delayedRejection: 8 });
      const { record, ended } = await runSampler(sampler, { warmup: 200, steps: 1000 });
      const summary = summariseRun(sampler, record, ended, {
        q2: (1 + s * s) / 2,
        inner: (erf(s / Math.SQRT2) + erf(1 / Math.SQRT2)) / 2,
      });
      // Within 4 error bars from tau_int.
      expect(Math.abs(summary.observables.q2?.zScore as number)).toBeLessThan(4);
      expect(Math.abs(summary.observables.inner?.zScore as number)).toBeLessThan(4);
      const settings = summary.settings;
      expect(settings.delayedRejection).toBe(8);
      expect(settings.retries).toBeGreaterThan(1000);
      expect(settings.retryAcceptance).toBeGreaterThan(0.2);
      expect(settings.ghostFraction).toBeGreaterThan(0);
      expect(settings.ghostFraction).toBeLessThanOrEqual(1);
      expect(settings.meanRetryLeapfrogSteps).toBeGreaterThan(0);
      expect(sampler.stepUnit).toMatch(/retried with a step 8 times smaller/);
    });

    it('keeps both factors of the second-stage ratio (a Gaussian at moderate acceptance)', async () => {
      // A fixed step of 1.8 in one leapfrog step on scales (1, 0.5): the
      // first try is accepted about half the time, so 1 / (1 - alpha1(q, p))
      // matters as much as the ghost's factor. Leaving it out gave z = -6.0
      // for <x1^2>; leaving out the ghost gave |z| ~ 20; both run here give |z| < 1.
      const widths = [1, 0.5];
      const chains = 32;
      const sampler = new Hmc({
        potential: gaussianEnergy(Float32Array.from(widths), new Float32Array(2)),
        dim: 2,
        chains,
        initial: new Rng(6).fillNormal(new Float32Array(chains * 2)),
        stepSize: 1.8,
        leapfrogSteps: 1,
        seed: 7,
        delayedRejection: 2,
        observe: (q, rows) => ({
          x0: Float64Array.from({ length: rows }, (_, c) => q[c * 2] ** 2),
          x1: Float64Array.from({ length: rows }, (_, c) => (q[c * 2 + 1] / widths[1]) ** 2),
        }),
        observableNames: ['x0', 'x1'],
      });
      const { record, ended } = await runSampler(sampler, { warmup: 0, steps: 12000 });
      const summary = summariseRun(sampler, record, ended, { x0: 1, x1: 1 });
      expect(Math.abs(summary.observables.x0?.zScore as number)).toBeLessThan(4);
      expect(Math.abs(summary.observables.x1?.zScore as number)).toBeLessThan(4);
      expect(summary.acceptance).toBeGreaterThan(0.4);
      expect(summary.acceptance).toBeLessThan(0.7);
    });

    it('moves a chain that a single step leaves frozen', async () => {
      // Eight variables, chains started at the centre of the narrow
      // component (s = 0.1, where U is about 20 below the wide one's typical
      // values) with eps = 1: a first try flies out and is rejected, and
      // only the second try's eps / 16 is stable inside.
      const frozen = (delayedRejection: number) =>
        new Hmc({
          potential: mixture(0.1, 0.2),
          dim: 8,
          chains: 4,
          initial: new Float32Array(32),
          stepSize: 1,
          leapfrogSteps: 3,
          seed: 8,
          delayedRejection,
        });
      const plain = frozen(0);
      const { record: stuck } = await runSampler(plain, { warmup: 0, steps: 40 });
      const retried = frozen(16);
      const { record: moving } = await runSampler(retried, { warmup: 0, steps: 40 });
      const rate = (r: typeof stuck) => r.acceptanceSum.map((a) => a / r.steps);
      // Measured: at most 0.1 (a rare first try that comes back to its
      // start) against at least 0.9.
      expect(Math.max(...rate(stuck))).toBeLessThan(0.2);
      expect(Math.min(...rate(moving))).toBeGreaterThan(0.6);
    });

    it('resumes exactly, and is off by default', async () => {
      const straight = mixtureHmc({ delayedRejection: 4, chains: 4, initial: new Float32Array(4) });
      const first = mixtureHmc({ delayedRejection: 4, chains: 4, initial: new Float32Array(4) });
      for (let k = 0; k < 6; k++) {
        await straight.step(true);
        await first.step(true);
      }
      const resumed = mixtureHmc({
        delayedRejection: 4,
        chains: 4,
        initial: new Float32Array(4),
        resume: first.saveState(),
      });
      for (let k = 0; k < 6; k++) {
        const adapt = k < 3;
        expect(await resumed.step(adapt)).toEqual(await straight.step(adapt));
      }
      expect(resumed.settings()).toEqual(straight.settings());
      expect(gaussianHmc().settings().delayedRejection).toBeUndefined();
    });

    it('refuses a reduction that is not an integer from 2 to 64', () => {
      for (const bad of [1, 2.5, -2, NaN, 65]) {
        expect(() => mixtureHmc({ delayedRejection: bad })).toThrow(
          new RegExp(`delayedRejection must be 0 \\(off\\) or an integer from 2 to 64.*got ${bad}`),
        );
      }
    });
  });
});
