import { Rng, tf, useBackend } from '@neuralrg/tensor';
import { buildBijector, checkConformance, deserializeBijector, serializeBijector } from '@neuralrg/bijectors';
import { createEnergy } from '@neuralrg/energies';
import { DEFAULT_FLOW, Trainer } from '@neuralrg/trainer';
import { SinhArcsinh } from './index';

beforeAll(async () => {
  await useBackend('cpu');
});

function randomise(b: SinhArcsinh | ReturnType<typeof buildBijector>, seed: number): void {
  const rng = new Rng(seed);
  for (const { variable } of b.parameters()) {
    const noise = rng.fillNormal(new Float32Array(variable.size));
    tf.tidy(() => variable.assign(tf.add(variable, tf.mul(tf.tensor(noise, variable.shape), 0.3))));
  }
}

test('sinh-arcsinh passes the conformance kit', () => {
  const b = new SinhArcsinh(5);
  randomise(b, 1);
  const report = checkConformance(b, { tolerance: 2e-3 });
  expect(report.failures).toEqual([]);
  b.dispose();
});

test('the composite block passes the kit and survives serialization by name', () => {
  const b = buildBijector({ type: 'sinh-arcsinh-realnvp', options: { dim: 4, layers: 2, hidden: [6] } }, new Rng(2));
  randomise(b, 3);
  expect(checkConformance(b, { tolerance: 2e-3 }).failures).toEqual([]);
  const copy = deserializeBijector(serializeBijector(b));
  expect(copy.spec()).toEqual(b.spec());
  b.dispose();
  copy.dispose();
});

test('a hierarchy of plugin blocks trains through the Trainer by name', () => {
  const energy = createEnergy('ising', { L: 4, T: 3 });
  const trainer = Trainer.create(
    {
      energy: { name: 'ising', L: 4, T: 3 },
      flow: { ...DEFAULT_FLOW, block: 'sinh-arcsinh-realnvp', couplingLayers: 2, hidden: [8] },
      symmetric: true,
      batch: 64,
      epochs: 30,
      learningRate: 1e-2,
      seed: 1,
      evalSamples: 64,
    },
    energy,
  );
  const first = trainer.trainStep();
  let last = first;
  while (!trainer.done) last = trainer.trainStep();
  // 30 steps from the identity take an L = 4 flow from a gap of ~10 nats to
  // a few nats; a broken gradient through the plugin would not move it.
  expect(last.klGap!).toBeLessThan(first.klGap! - 2);
  trainer.dispose();
});

test('bad options name the plugin type', () => {
  expect(() => buildBijector({ type: 'sinh-arcsinh', options: {} }, new Rng(1))).toThrow(/sinh-arcsinh.*'dim'/);
});
