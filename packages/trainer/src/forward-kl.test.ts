import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { GaussianFreeField, choleskyFactor } from '@neuralrg/energies';
import { Rng, tf, useBackend } from '@neuralrg/tensor';
import { DEFAULT_FLOW } from './config';
import type { TrainConfig } from './config';
import { encodeNpy } from './npy';
import { loadSampleSet } from './sample-set-loader';
import { Trainer } from './trainer';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'neuralrg-fkl-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Exact samples x = F z of N(0, C), F the Cholesky factor of C. */
function gaussianSamples(covariance: Float64Array, N: number, count: number, seed: number): Float32Array {
  const factor = choleskyFactor(covariance, N);
  const z = new Rng(seed).fillNormal(new Float32Array(count * N));
  const x = new Float32Array(count * N);
  for (let b = 0; b < count; b++) {
    for (let i = 0; i < N; i++) {
      let sum = 0;
      for (let k = 0; k <= i; k++) sum += factor[i * N + k] * z[b * N + k];
      x[b * N + i] = sum;
    }
  }
  return x;
}

beforeAll(async () => {
  await useBackend('wasm');
});

test('forward-KL training on Gaussian samples recovers their covariance', () => {
  // A 4 x 4 Gaussian free field with m^2 = 0.5: correlated, with
  // covariances from 0.354 (diagonal) down to 0.077 across the torus.
  const field = new GaussianFreeField({ L: 4, d: 2, m2: 0.5 });
  const N = field.size;
  const exact = field.exactCovariance();
  const count = 4000;
  const file = path.join(dir, 'gff.npy');
  fs.writeFileSync(file, encodeNpy(gaussianSamples(exact, N, count, 3), [count, 4, 4]));

  const config: TrainConfig = {
    energy: { name: 'gff', L: 4, d: 2, m2: 0.5 },
    flow: { ...DEFAULT_FLOW, couplingLayers: 2, hidden: [8] },
    symmetric: false,
    batch: 128,
    epochs: 400,
    learningRate: 0.01,
    schedule: 'cosine',
    seed: 5,
    evalSamples: 1024,
    mode: 'forward-kl',
    data: { file, holdoutFraction: 0.25, evalEvery: 400 },
  };
  const data = loadSampleSet(config, field);
  expect(data.heldOutRows).toBe(1000);
  const trainer = Trainer.create(config, field, { data });
  let last = trainer.trainStep();
  while (!trainer.done) last = trainer.trainStep();

  // Held-out NLL against the exact entropy E_pi[-ln pi] = N/2 + ln Z = 11.89:
  // the fit cannot beat it by more than noise (the held-out mean has a
  // standard error ~0.09 here), and a good fit is within 0.5 nats of it
  // (measured 0.25); the untrained flow, N(0, I), is 5.6 nats above.
  const entropy = N / 2 + field.exactLnZ;
  expect(last.heldOutNll).toBeDefined();
  expect(last.heldOutNll!).toBeGreaterThan(entropy - 4 * last.heldOutNllStdErr!);
  expect(last.heldOutNll! - entropy).toBeLessThan(0.5);

  // The flow's covariance, from 8192 of its samples.
  const samples = 8192;
  const x = tf.tidy(() => trainer.flow.sample(samples, new Rng(9)).x.dataSync() as Float32Array);
  let worst = 0;
  for (let i = 0; i < N; i++) {
    for (let j = 0; j < N; j++) {
      let sum = 0;
      for (let b = 0; b < samples; b++) sum += x[b * N + i] * x[b * N + j];
      worst = Math.max(worst, Math.abs(sum / samples - exact[i * N + j]));
    }
  }
  // Sampling noise of one covariance entry: sqrt((C_ii C_jj + C_ij^2) / n)
  // ~ 0.006 for the 8192 flow samples and ~0.009 for the 3000 training
  // rows; the worst of 256 entries is ~3.5 sigma of their sum, ~0.04, plus
  // the fit error. The untrained flow (covariance I) is off by 0.65.
  // Measured: 0.054.
  expect(worst).toBeLessThan(0.08);
  trainer.dispose();
});

test('forward-KL mode checks its samples', () => {
  const field = new GaussianFreeField({ L: 4, d: 2, m2: 0.5 });
  const config: TrainConfig = {
    energy: { name: 'gff', L: 4, d: 2, m2: 0.5 },
    flow: { ...DEFAULT_FLOW, couplingLayers: 1, hidden: [4] },
    symmetric: false,
    batch: 8,
    epochs: 1,
    learningRate: 0.01,
    seed: 1,
    evalSamples: 8,
    mode: 'forward-kl',
    data: { file: path.join(dir, 'wrong.npy') },
  };
  fs.writeFileSync(config.data!.file, encodeNpy(new Float32Array(30), [10, 3]));
  expect(() => loadSampleSet(config, field)).toThrow(
    /has shape \[10, 3\]; expected \[n, 4, 4\] or \[n, 16\] with n >= 1 for energy 'gff'/,
  );
  // The trainer reads config.data.file itself when no samples are handed over.
  expect(() => Trainer.create(config, field)).toThrow(/has shape \[10, 3\]; expected/);
});

test('a resumed forward-KL run refuses a data file whose samples changed', () => {
  const field = new GaussianFreeField({ L: 2, d: 2, m2: 1 });
  const file = path.join(dir, 'changing.npy');
  fs.writeFileSync(file, encodeNpy(new Rng(1).fillNormal(new Float32Array(50 * 4)), [50, 4]));
  const config: TrainConfig = {
    energy: { name: 'gff', L: 2, d: 2, m2: 1 },
    flow: { ...DEFAULT_FLOW, couplingLayers: 1, hidden: [4] },
    symmetric: false,
    batch: 8,
    epochs: 3,
    learningRate: 0.01,
    seed: 1,
    evalSamples: 16,
    mode: 'forward-kl',
    data: { file },
  };
  const trainer = Trainer.create(config, field);
  trainer.trainStep();
  const checkpoint = JSON.parse(JSON.stringify(trainer.checkpoint()));
  trainer.dispose();
  expect(checkpoint.config.data.fingerprint).toMatch(/^[0-9a-f]{64}$/);

  // The same samples rewritten as float64 are the same samples.
  const same = new Rng(1).fillNormal(new Float32Array(50 * 4));
  fs.writeFileSync(file, encodeNpy(Float64Array.from(same), [50, 4]));
  Trainer.resume(checkpoint, field).dispose();

  // One value changed is not.
  same[17] += 0.5;
  fs.writeFileSync(file, encodeNpy(same, [50, 4]));
  expect(() => Trainer.resume(checkpoint, field)).toThrow(
    /changing\.npy no longer holds the samples this run was trained on .*restore the file, or start a new run/,
  );
});
