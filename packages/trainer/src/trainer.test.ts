import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { liveTensors, tf, useBackend } from '@neuralrg/tensor';
import { createEnergy } from '@neuralrg/energies';
import { DEFAULT_FLOW, NonFiniteLossError, TrainConfig, Trainer, readCheckpoint, saveCheckpoint } from './index';
import { gaussianTarget } from './gaussian.testutil';
import { SampleSet } from './sample-set';
import { Rng } from '@neuralrg/tensor';

const tiny = (overrides: Partial<TrainConfig> = {}): TrainConfig => ({
  energy: { name: 'ising', L: 4, T: 2.5 },
  flow: { ...DEFAULT_FLOW, couplingLayers: 2, hidden: [6] },
  symmetric: true,
  batch: 16,
  epochs: 6,
  learningRate: 1e-2,
  seed: 11,
  evalSamples: 64,
  ...overrides,
});

beforeAll(async () => {
  await useBackend('wasm');
});

test('reverse KL on a Gaussian target reaches F_q = -ln Z', () => {
  // mu != 0 and unequal widths: the flow must learn shifts and scales.
  const mu = [0.5, -1, 2, 0];
  const sigma = [0.5, 1.5, 1, 2];
  const target = gaussianTarget(2, mu, sigma);
  const trainer = Trainer.create(
    tiny({ symmetric: false, batch: 64, epochs: 500, learningRate: 2e-2, schedule: 'cosine', flow: { ...DEFAULT_FLOW, couplingLayers: 2, hidden: [4] } }),
    target,
  );
  let last = trainer.trainStep();
  while (!trainer.done) last = trainer.trainStep();
  const estimate = trainer.estimate(4096);
  // At the optimum ln q + E = -ln Z for every sample, so the spread of the
  // per-sample loss vanishes; 0.02 nats is well above the float32 noise and
  // well below the initial gap of ~1.9 nats.
  expect(Math.abs(estimate.freeEnergy + target.exactLnZ!)).toBeLessThan(0.02);
  expect(Math.abs(estimate.lnZ - target.exactLnZ!)).toBeLessThan(0.02);
  expect(estimate.essFraction).toBeGreaterThan(0.95);
  expect(last.klGap!).toBeGreaterThan(-0.05);
  trainer.dispose();
});

test('steps leak no tensors and the gap is F_q + ln Z', () => {
  const energy = createEnergy('ising', { L: 4, T: 2.5 });
  const trainer = Trainer.create(tiny(), energy);
  const first = trainer.trainStep();
  const before = liveTensors();
  for (let i = 0; i < 3; i++) trainer.trainStep();
  expect(liveTensors()).toBe(before);
  expect(first.klGap).toBeCloseTo(first.freeEnergy + energy.exactLnZ!, 9);
  trainer.estimate(32);
  expect(liveTensors()).toBe(before);
  trainer.dispose();
});

test('a resumed run continues bit for bit', () => {
  const energy = createEnergy('ising', { L: 4, T: 2.5 });
  const straight = Trainer.create(tiny(), energy);
  const reference: number[] = [];
  while (!straight.done) reference.push(straight.trainStep().freeEnergy);
  straight.dispose();

  const first = Trainer.create(tiny(), energy);
  const resumedLosses: number[] = [];
  for (let i = 0; i < 3; i++) resumedLosses.push(first.trainStep().freeEnergy);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'neuralrg-'));
  const file = path.join(dir, 'checkpoint.json');
  saveCheckpoint(file, first.checkpoint());
  first.dispose();

  const second = Trainer.resume(readCheckpoint(file), energy);
  expect(second.step).toBe(3);
  while (!second.done) resumedLosses.push(second.trainStep().freeEnergy);
  expect(resumedLosses).toEqual(reference);
  second.dispose();
});

test('symmetric training of a non-symmetric energy is refused', () => {
  const target = gaussianTarget(2, [1, 0, 0, 0], [1, 1, 1, 1]);
  expect(() => Trainer.create(tiny({ symmetric: true }), target)).toThrow(/Z2-symmetric/);
});

test('bad settings name the value', () => {
  const energy = createEnergy('ising', { L: 4, T: 2.5 });
  expect(() => Trainer.create(tiny({ batch: 0 }), energy)).toThrow(/batch must be a positive integer, got 0/);
  expect(() => Trainer.create(tiny({ learningRate: NaN }), energy)).toThrow(/learning rate.*NaN/);
  expect(() => Trainer.create(tiny({ epochs: 2.5 }), energy)).toThrow(/epochs.*2.5/);
});

test('a NaN loss stops the step before any update', () => {
  const target = gaussianTarget(2, [0, 0, 0, 0], [1, 1, 1, 1]);
  const nanTarget = {
    ...target,
    energy: (x: Parameters<typeof target.energy>[0]) => {
      const e = target.energy(x);
      return tf.mul(tf.div(e, 0), 0) as ReturnType<typeof target.energy>;
    },
  };
  const trainer = Trainer.create(tiny({ symmetric: false }), nanTarget);
  const before = trainer.checkpoint().params.map((p) => p.data);
  expect(() => trainer.trainStep()).toThrow(NonFiniteLossError);
  // The replay with finite checks pins the NaN on the energy, not the flow.
  expect(() => trainer.trainStep()).toThrow(/first non-finite value: energy 'gaussian' has \d+ non-finite/);
  expect(trainer.step).toBe(0);
  expect(trainer.checkpoint().params.map((p) => p.data)).toEqual(before);
  trainer.dispose();
});

test('a corrupt or missing checkpoint is reported by name', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'neuralrg-'));
  const file = path.join(dir, 'checkpoint.json');
  expect(() => readCheckpoint(file)).toThrow(/does not exist/);
  fs.writeFileSync(file, '{"format": "neuralrg-checkpoint", "vers');
  expect(() => readCheckpoint(file)).toThrow(/corrupt/);
});

test('two threads give the same steps as one, up to summation order', async () => {
  const energy = createEnergy('ising', { L: 4, T: 2.5 });
  const config = tiny({ epochs: 4, batch: 32 });
  const single = Trainer.create(config, energy);
  const reference: number[] = [];
  while (!single.done) reference.push(single.trainStep().freeEnergy);
  single.dispose();

  const parallel = Trainer.create(config, energy);
  await parallel.startWorkers(2);
  expect(() => parallel.trainStep()).toThrow(/trainStepAsync/);
  const split: number[] = [];
  while (!parallel.done) split.push((await parallel.trainStepAsync()).freeEnergy);
  await parallel.stopWorkers();
  parallel.dispose();
  // Step 1 sees identical parameters, so its losses agree to float32
  // rounding; later steps differ only by the order of gradient sums.
  expect(Math.abs(split[0] - reference[0])).toBeLessThan(1e-4);
  for (let i = 1; i < reference.length; i++) expect(Math.abs(split[i] - reference[i])).toBeLessThan(1e-2);
});

test.each([
  ['sticking-the-landing gradients', { gradientEstimator: 'stl' as const }],
  ['forward KL on data rows', { mode: 'forward-kl' as const, data: { file: 'gaussian-rows' } }],
])('two threads match one for %s, up to summation order', async (_name, options) => {
  const energy = createEnergy('ising', { L: 4, T: 2.5 });
  const config = tiny({ epochs: 4, batch: 32, ...options });
  // Forward KL fits rows drawn from a standard normal, given directly.
  const rng = new Rng(11);
  const rows = { file: 'gaussian-rows', rows: 200, size: 16, values: rng.fillNormal(new Float32Array(200 * 16)) };
  const fitsData = 'data' in options;
  const inputs = fitsData ? { data: new SampleSet(rows, 0.1, 3) } : undefined;
  const run = async (threads: number) => {
    const trainer = Trainer.create(config, energy, inputs);
    await trainer.startWorkers(threads);
    const losses: number[] = [];
    const norms: number[] = [];
    while (!trainer.done) {
      const metrics = await trainer.trainStepAsync();
      losses.push(fitsData ? metrics.nll! : metrics.freeEnergy);
      norms.push(metrics.gradNorm ?? NaN);
    }
    await trainer.stopWorkers();
    trainer.dispose();
    return { losses, norms };
  };
  const one = await run(1);
  const two = await run(2);
  // As above: identical at step 1 up to float32 rounding, then the order
  // of gradient sums. The gradient norms agree to about 1e-7 relative; a
  // worker using the wrong objective (plain gradients instead of STL:
  // 16.81 against 16.57 at step 1 here) is far outside 1e-4.
  expect(Math.abs(two.losses[0] - one.losses[0])).toBeLessThan(1e-4);
  for (let i = 1; i < one.losses.length; i++) expect(Math.abs(two.losses[i] - one.losses[i])).toBeLessThan(1e-2);
  one.norms.forEach((norm, i) => expect(Math.abs(two.norms[i] - norm) / norm).toBeLessThan(1e-4));
});

test('a NaN made inside the flow is traced to its layer', () => {
  const energy = createEnergy('ising', { L: 4, T: 2.5 });
  const trainer = Trainer.create(tiny({ symmetric: false }), energy);
  const weight = trainer.flow.bijector.parameters().find((p) => p.name.includes('dense0.weight'))!;
  const poisoned = weight.variable.dataSync().slice();
  poisoned[0] = NaN;
  weight.variable.assign(tf.tensor(poisoned, weight.variable.shape));
  expect(() => trainer.trainStep()).toThrow(
    /first non-finite value: layer \d+ \(blockwise\) > layer \d+ \(affine-coupling\): forward output has \d+ non-finite entries/,
  );
  trainer.dispose();
});
