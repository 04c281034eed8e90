import { liveTensors, Rng, tf, useBackend } from '@neuralrg/tensor';
import { ISING_CRITICAL_TEMPERATURE } from './critical-temperature';
import { dualCouplingInverse } from './dual-coupling';
import { IsingDual } from './ising-dual';
import { logCosh } from './log-cosh';

const TC = ISING_CRITICAL_TEMPERATURE;

/** Float64 E(x) = 1/2 x^T K^-1 x - sum ln cosh x_i, and its two parts' sizes. */
function referenceEnergy(x: Float32Array, inverse: Float64Array, N: number): number[][] {
  const rows: number[][] = [];
  for (let b = 0; b < x.length / N; b++) {
    let quadratic = 0;
    let logCoshSum = 0;
    for (let i = 0; i < N; i++) {
      const xi = x[b * N + i];
      for (let j = 0; j < N; j++) quadratic += xi * inverse[i * N + j] * x[b * N + j];
      logCoshSum += Math.abs(xi) + Math.log1p(Math.exp(-2 * Math.abs(xi))) - Math.LN2;
    }
    rows.push([quadratic / 2 - logCoshSum, quadratic / 2 + logCoshSum]);
  }
  return rows;
}

function randomBatch(rows: number, N: number, scale: number, seed: number): Float32Array {
  const values = new Rng(seed).fillNormal(new Float32Array(rows * N));
  return values.map((v) => v * scale);
}

// The energy runs in float32: every product and sum carries a relative
// rounding error of ~6e-8, and a sum of N^2 terms of mixed sign can lose a
// factor ~N more. 1e-5 of the size of the two parts |quadratic| + |sum ln cosh|
// covers that for N <= 64 while catching any wrong constant or sign.
const FLOAT32_RELATIVE = 1e-5;

describe.each(['cpu', 'wasm'])('IsingDual on the %s backend', (backend) => {
  beforeAll(async () => {
    await useBackend(backend);
  });

  test('describes itself as an EnergyModel', () => {
    const model = new IsingDual({ L: 6, T: 2.5 });
    expect(model.name).toBe('ising');
    expect(model.shape).toEqual([6, 6]);
    expect(model.size).toBe(36);
    expect(model.z2Symmetric).toBe(true);
    expect(model.config).toEqual({ L: 6, T: 2.5 });
    expect(model.c).toBeCloseTo(0.1 + 4 / 2.5, 14);
    expect(model.exactLnZ).toBeCloseTo(model.lnZIsing + model.shift, 12);
  });

  test('energy agrees with a float64 evaluation on random inputs', () => {
    for (const [L, T, scale] of [
      [2, TC, 1.5],
      [4, 1.8, 2.0],
      [8, TC, 3.0],
    ]) {
      const model = new IsingDual({ L, T });
      const N = L * L;
      const x = randomBatch(5, N, scale, 11 + L);
      const energies = tf.tidy(() => model.energy(tf.tensor2d(x, [5, N])).arraySync());
      const reference = referenceEnergy(x, dualCouplingInverse(L, T), N);
      for (let b = 0; b < 5; b++) {
        const [expected, size] = reference[b];
        expect(Math.abs(energies[b] - expected)).toBeLessThan(FLOAT32_RELATIVE * (size + 1));
      }
      model.dispose();
    }
  });

  test('energy stays finite and exact at |x| = 100, where cosh overflows float32', () => {
    const model = new IsingDual({ L: 2, T: TC });
    const x = new Float32Array([100, -100, 100, 0.5, -100, -100, 3, 100]);
    const energies = tf.tidy(() => model.energy(tf.tensor2d(x, [2, 4])).arraySync());
    const reference = referenceEnergy(x, dualCouplingInverse(2, TC), 4);
    for (let b = 0; b < 2; b++) {
      expect(Number.isFinite(energies[b])).toBe(true);
      const [expected, size] = reference[b];
      expect(Math.abs(energies[b] - expected)).toBeLessThan(FLOAT32_RELATIVE * size);
    }
    const values = tf.tidy(() => logCosh(tf.tensor1d([100, -100, 0, 1])).arraySync() as number[]);
    // ln cosh 100 = 100 - ln 2 to float32 precision; ln cosh 1 = 0.4337808...
    expect(values[0]).toBeCloseTo(100 - Math.LN2, 4);
    expect(values[1]).toBeCloseTo(100 - Math.LN2, 4);
    expect(Math.abs(values[2])).toBeLessThan(1e-6);
    expect(values[3]).toBeCloseTo(Math.log(Math.cosh(1)), 6);
    model.dispose();
  });

  test('gradient of energy is K^-1 x - tanh(x)', () => {
    const L = 4;
    const N = 16;
    const T = 2.0;
    const model = new IsingDual({ L, T });
    const inverse = dualCouplingInverse(L, T);
    const x = randomBatch(3, N, 2, 5);
    const gradient = tf.tidy(() => {
      const energySum = (input: tf.Tensor): tf.Tensor => tf.sum(model.energy(input as tf.Tensor2D));
      return tf.grad(energySum)(tf.tensor2d(x, [3, N])).dataSync();
    });
    for (let b = 0; b < 3; b++) {
      for (let i = 0; i < N; i++) {
        let expected = -Math.tanh(x[b * N + i]);
        for (let j = 0; j < N; j++) expected += inverse[i * N + j] * x[b * N + j];
        // float32 matrix-vector product of O(1) entries: error ~1e-6.
        expect(Math.abs(gradient[b * N + i] - expected)).toBeLessThan(1e-4);
      }
    }
    model.dispose();
  });

  test('energy is Z2 symmetric: E(-x) = E(x)', () => {
    const model = new IsingDual({ L: 4, T: 3 });
    const x = randomBatch(4, 16, 2, 9);
    const [plus, minus] = tf.tidy(() => {
      const batch = tf.tensor2d(x, [4, 16]);
      return [model.energy(batch).arraySync(), model.energy(tf.neg(batch)).arraySync()];
    });
    for (let b = 0; b < 4; b++) expect(minus[b]).toBeCloseTo(plus[b], 5);
    model.dispose();
  });

  test('keeps K^-1 across tidy scopes and frees it on dispose', () => {
    const before = liveTensors();
    const model = new IsingDual({ L: 4, T: 2 });
    const x = randomBatch(2, 16, 1, 1);
    const first = tf.tidy(() => model.energy(tf.tensor2d(x, [2, 16])).arraySync());
    expect(liveTensors()).toBe(before + 1);
    const second = tf.tidy(() => model.energy(tf.tensor2d(x, [2, 16])).arraySync());
    expect(second).toEqual(first);
    expect(liveTensors()).toBe(before + 1);

    model.dispose();
    expect(liveTensors()).toBe(before);
    model.dispose();
    const again = tf.tidy(() => model.energy(tf.tensor2d(x, [2, 16])).arraySync());
    expect(again).toEqual(first);
    model.dispose();
    expect(liveTensors()).toBe(before);
  });

  test('energy rejects a batch of the wrong width, rank or dtype', () => {
    const model = new IsingDual({ L: 4, T: 2 });
    tf.tidy(() => {
      expect(() => model.energy(tf.zeros([3, 15]) as tf.Tensor2D)).toThrow(RangeError);
      expect(() => model.energy(tf.zeros([3, 15]) as tf.Tensor2D)).toThrow(
        'energy input x must have shape [B, 16] (L*L for L = 4), got [3, 15]',
      );
      expect(() => model.energy(tf.zeros([16]) as unknown as tf.Tensor2D)).toThrow('got [16]');
      expect(() => model.energy(tf.zeros([2, 16], 'int32') as tf.Tensor2D)).toThrow(TypeError);
    });
    expect(() => model.energy([[0]] as unknown as tf.Tensor2D)).toThrow(TypeError);
    model.dispose();
  });
});

describe('IsingDual construction', () => {
  test.each([3, 0, 2.5, -4, NaN])('rejects lattice size L = %p', (L) => {
    expect(() => new IsingDual({ L, T: 2 })).toThrow(RangeError);
    expect(() => new IsingDual({ L, T: 2 })).toThrow(`got ${L}`);
  });

  test.each([0, -1, NaN, Infinity])('rejects temperature T = %p', (T) => {
    expect(() => new IsingDual({ L: 4, T })).toThrow(RangeError);
    expect(() => new IsingDual({ L: 4, T })).toThrow(
      `temperature T must be a positive finite number, got ${T}`,
    );
  });

  test('accepts even L that is not a power of 2', () => {
    expect(new IsingDual({ L: 6, T: 2 }).size).toBe(36);
  });
});
