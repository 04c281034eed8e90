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
    expect(() => gaussianHmc({ targetAcceptance: 1 })).toThrow(
      /targetAcceptance must be a number in the open interval \(0, 1\), got 1/,
    );
    const initial = new Float32Array(48);
    initial[7] = NaN;
    expect(() => gaussianHmc({ initial })).toThrow(
      /the energy at the start of chain 2 is NaN; expected a finite energy/,
    );
  });
});
