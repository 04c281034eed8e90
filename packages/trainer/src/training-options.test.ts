import { tf, useBackend } from '@neuralrg/tensor';
import { DEFAULT_FLOW, validateConfig } from './config';
import type { TrainConfig } from './config';
import { clipByGlobalNorm, globalNorm } from './gradient-clipping';
import { scheduledLearningRate } from './learning-rate';
import { PlateauDetector } from './plateau';

const base: TrainConfig = {
  energy: { name: 'ising', L: 4, T: 2.5 },
  flow: { ...DEFAULT_FLOW },
  symmetric: true,
  batch: 16,
  epochs: 100,
  learningRate: 0.01,
  seed: 1,
  evalSamples: 64,
};

describe('learning-rate schedules', () => {
  test('constant, cosine, linear, exponential and warm-up', () => {
    const at = (schedule: string, step: number, warmupSteps = 0): number =>
      scheduledLearningRate({ learningRate: 0.01, epochs: 100, schedule, warmupSteps }, step);
    expect(at('constant', 50)).toBe(0.01);
    expect(at('cosine', 0)).toBeCloseTo(0.01, 15);
    expect(at('cosine', 50)).toBeCloseTo(0.005, 15);
    expect(at('cosine', 100)).toBeCloseTo(0, 15);
    expect(at('linear', 25)).toBeCloseTo(0.0075, 15);
    expect(at('exponential', 50)).toBeCloseTo(0.001, 15);
    expect(at('exponential', 100)).toBeCloseTo(0.0001, 15);
    expect(at('constant', 0, 10)).toBeCloseTo(0.001, 15);
    expect(at('constant', 9, 10)).toBeCloseTo(0.01, 15);
    expect(at('cosine', 50, 10)).toBeCloseTo(0.005, 15);
  });
});

describe('validateConfig of the training options', () => {
  test('accepts the options and old configs without them', () => {
    expect(validateConfig(base)).toBe(base);
    const full: TrainConfig = {
      ...base,
      schedule: 'exponential',
      gradientEstimator: 'stl',
      clipNorm: 5,
      warmupSteps: 10,
      earlyStopping: { patience: 100, minDelta: 0.01, window: 20 },
    };
    expect(validateConfig(full)).toBe(full);
    expect(validateConfig({ ...base, mode: 'forward-kl', data: { file: 'x.npy', holdoutFraction: 0 } })).toBeTruthy();
  });

  test.each([
    [{ mode: 'sideways' }, "mode must be one of reverse-kl, forward-kl, got 'sideways'"],
    [{ gradientEstimator: 'score' }, "gradientEstimator must be one of reparam, stl, got 'score'"],
    [{ clipNorm: 0 }, 'clipNorm must be positive and finite, got 0'],
    [{ clipNorm: NaN }, 'clipNorm must be positive and finite, got NaN'],
    [{ warmupSteps: -1 }, 'warmupSteps must be an integer >= 0, got -1'],
    [{ mode: 'forward-kl' }, "mode 'forward-kl' needs data.file, the samples to fit"],
    [
      { mode: 'forward-kl', data: { file: 'x.npy' }, gradientEstimator: 'stl' },
      "gradientEstimator 'stl' applies to reverse-KL training only",
    ],
    [{ data: { file: 'x.npy', holdoutFraction: 1 } }, 'data.holdoutFraction must be in [0, 1), got 1'],
    [{ earlyStopping: { patience: 0 } }, 'earlyStopping.patience must be an integer >= 1, got 0'],
    [{ earlyStopping: { patience: 10, window: 20 } }, 'earlyStopping.window (20) must not exceed'],
    [{ earlyStopping: { patience: 50, minDelta: -1 } }, 'earlyStopping.minDelta must be >= 0 and finite, got -1'],
    [{ schedule: 'step' }, "schedule must be one of constant, cosine, linear, exponential, got 'step'"],
  ])('rejects %p', (override, message) => {
    expect(() => validateConfig({ ...base, ...(override as Partial<TrainConfig>) })).toThrow(message);
  });
});

describe('PlateauDetector', () => {
  test('stops after patience steps without a window mean below best - minDelta', () => {
    const detector = new PlateauDetector({ patience: 4, window: 2, minDelta: 0.1 });
    // Windows: (10, 8) -> 9 best; (8.95, 8.95) -> 8.95 not below 8.9: +2;
    // (8, 8) -> 8 best again: reset; then two flat windows reach 4 steps.
    const losses = [10, 8, 8.95, 8.95, 8, 8, 7.95, 7.95, 8, 8];
    const flags = losses.map((loss) => detector.add(loss));
    expect(flags).toEqual([false, false, false, false, false, false, false, false, false, true]);
    expect(detector.bestMean).toBe(8);
  });
});

describe('gradient clipping', () => {
  beforeAll(async () => {
    await useBackend('cpu');
  });

  test('scales to the maximum global norm, keeping the direction', () => {
    const grads = [tf.tensor1d([3, 0]), tf.tensor2d([[0, 4]])];
    expect(globalNorm(grads)).toBeCloseTo(5, 6);
    const { grads: clipped, norm } = clipByGlobalNorm(grads, 1);
    expect(norm).toBeCloseTo(5, 6);
    expect(Array.from(clipped[0].dataSync())).toEqual([expect.closeTo(0.6, 6), 0]);
    expect(Array.from(clipped[1].dataSync())).toEqual([0, expect.closeTo(0.8, 6)]);
    const { grads: untouched } = clipByGlobalNorm(grads, 10);
    expect(Array.from(untouched[0].dataSync())).toEqual([3, 0]);
    tf.dispose([...grads, ...clipped, ...untouched]);
  });
});
