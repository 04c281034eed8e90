import { createEnergy } from '@neuralrg/energies';
import { useBackend } from '@neuralrg/tensor';
import { loadTensor } from './checkpoint';
import { DEFAULT_FLOW } from './config';
import type { TrainConfig } from './config';
import { Trainer } from './trainer';

const config = (overrides: Partial<TrainConfig> = {}): TrainConfig => ({
  energy: { name: 'ising', L: 4, T: 2.5 },
  flow: { ...DEFAULT_FLOW, couplingLayers: 2, hidden: [6] },
  symmetric: true,
  batch: 16,
  epochs: 50,
  learningRate: 1e-2,
  seed: 2,
  evalSamples: 64,
  ...overrides,
});

beforeAll(async () => {
  await useBackend('wasm');
});

test('early stopping ends the run once the loss stops improving', () => {
  const energy = createEnergy('ising', { L: 4, T: 2.5 });
  // No window can improve by 1e6 nats on the first: windows of 2 steps,
  // patience 4 -> the best is set at step 2, the run stops at step 6.
  const trainer = Trainer.create(config({ earlyStopping: { patience: 4, window: 2, minDelta: 1e6 } }), energy);
  const steps = [];
  while (!trainer.done) steps.push(trainer.trainStep());
  expect(steps.length).toBe(6);
  expect(steps[5].stoppedEarly).toBe(true);
  expect(steps.slice(0, 5).every((m) => m.stoppedEarly === undefined)).toBe(true);
  expect(trainer.stopped).toBe(true);
  trainer.dispose();
});

test('early stopping keeps counting across a resume', () => {
  const energy = createEnergy('ising', { L: 4, T: 2.5 });
  const stopping = { earlyStopping: { patience: 4, window: 2, minDelta: 1e6 } };
  // Stopped after step 3 (mid-window, 1 window since the best): a resumed
  // run still stops at step 6, as an uninterrupted one does.
  const first = Trainer.create(config(stopping), energy);
  for (let i = 0; i < 3; i++) first.trainStep();
  const checkpoint = JSON.parse(JSON.stringify(first.checkpoint()));
  expect(checkpoint.plateau).toEqual({ sum: expect.any(Number), count: 1, best: expect.any(Number), sinceBest: 0 });
  first.dispose();
  const resumed = Trainer.resume(checkpoint, energy);
  const steps = [];
  while (!resumed.done) steps.push(resumed.trainStep());
  expect(steps.map((m) => m.step)).toEqual([4, 5, 6]);
  expect(steps[2].stoppedEarly).toBe(true);

  // Resuming a run that stopped on its plateau is a request to go on: a
  // fresh patience of 4 steps.
  const again = Trainer.resume(JSON.parse(JSON.stringify(resumed.checkpoint())), energy);
  resumed.dispose();
  const more = [];
  while (!again.done) more.push(again.trainStep());
  expect(more.map((m) => m.step)).toEqual([7, 8, 9, 10]);
  again.dispose();
});

test('reports the gradient norm, and clipping bounds the step', () => {
  const energy = createEnergy('ising', { L: 4, T: 2.5 });
  const free = Trainer.create(config({ epochs: 1 }), energy);
  const clipped = Trainer.create(config({ epochs: 1, clipNorm: 1e-3 }), energy);
  const before = clipped.flow.bijector.parameters().map((p) => p.variable.dataSync().slice());
  const a = free.trainStep();
  const b = clipped.trainStep();
  // Same seed and batch: the same norm before clipping.
  expect(a.gradNorm).toBeGreaterThan(1e-3);
  expect(b.gradNorm).toBeCloseTo(a.gradNorm!, 3);
  // Adam's first step moves every parameter by about lr whatever the
  // scale of the gradient, so clipping shows in Adam's moment: m = (1 - beta1) g
  // has global norm (1 - beta1) * clipNorm = 1e-4.
  const moved = clipped.flow.bijector.parameters().some((p, i) =>
    p.variable.dataSync().some((v, j) => v !== before[i][j]),
  );
  expect(moved).toBe(true);
  const moment = (trainer: Trainer): number =>
    Math.sqrt(
      trainer
        .checkpoint()
        .optimizer.m.map(loadTensor)
        .reduce((acc, m) => acc + m.reduce((a, v) => a + v * v, 0), 0),
    );
  // float32 sums over ~10^3 entries: 1e-3 relative.
  expect(moment(clipped) / 1e-4).toBeCloseTo(1, 2);
  expect(moment(free) / (0.1 * a.gradNorm!)).toBeCloseTo(1, 2);
  free.dispose();
  clipped.dispose();
});
