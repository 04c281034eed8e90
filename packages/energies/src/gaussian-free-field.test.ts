import { Rng, tf, useBackend } from '@neuralrg/tensor';
import { choleskyFactor, choleskyInverse, choleskyLogDet } from './cholesky';
import { GaussianFreeField } from './gaussian-free-field';
import { gffPrecisionMatrix } from './gff-exact';
import { createEnergy } from './registry';

/** The lattices of the checks: chains and tori, odd and even, L = 2 included. */
const LATTICES: Array<[number, 1 | 2]> = [
  [2, 1],
  [3, 1],
  [8, 1],
  [2, 2],
  [3, 2],
  [4, 2],
  [6, 2],
];

/** Dense float64 reference: ln Z = (N/2) ln 2 pi - 1/2 ln det M, C = M^-1. */
function denseReference(L: number, d: 1 | 2, m2: number): { lnZ: number; covariance: Float64Array } {
  const N = d === 1 ? L : L * L;
  const factor = choleskyFactor(gffPrecisionMatrix({ L, d }, m2), N);
  return {
    lnZ: (N / 2) * Math.log(2 * Math.PI) - choleskyLogDet(factor, N) / 2,
    covariance: choleskyInverse(factor, N),
  };
}

describe('GaussianFreeField exact values', () => {
  test.each(LATTICES)('ln Z and covariance match dense Cholesky for L = %p, d = %p', (L, d) => {
    for (const m2 of [0.05, 1.7]) {
      const field = new GaussianFreeField({ L, d, m2 });
      const reference = denseReference(L, d, m2);
      // Both sides are float64 sums of N <= 36 logarithms / an O(N^3)
      // factorisation with condition number <= (m2 + 4d) / m2 ~ 160:
      // agreement to 1e-10 relative leaves room only for rounding.
      expect(Math.abs(field.exactLnZ - reference.lnZ)).toBeLessThan(1e-10 * Math.abs(reference.lnZ) + 1e-12);
      const covariance = field.exactCovariance();
      const scale = 1 / m2;
      for (let i = 0; i < covariance.length; i++) {
        expect(Math.abs(covariance[i] - reference.covariance[i])).toBeLessThan(1e-10 * scale);
      }
      const N = field.size;
      for (let r = 0; r < L; r++) {
        const column = d === 1 ? r : r * L;
        expect(field.exactCorrelation(r)).toBeCloseTo(reference.covariance[column], 10);
        expect(field.exactCorrelation(r + L)).toBe(field.exactCorrelation(r));
        expect(field.exactCorrelation(-r)).toBeCloseTo(field.exactCorrelation(r), 12);
      }
      expect(N).toBe(d === 1 ? L : L * L);
    }
  });

  test('precision matrix follows the sum over x and mu, L = 2 included', () => {
    const m2 = 0.3;
    // L = 2 chain: (phi0 - phi1)^2 is met from x = 0 and x = 1.
    expect(Array.from(gffPrecisionMatrix({ L: 2, d: 1 }, m2))).toEqual([2 + m2, -2, -2, 2 + m2]);
    // L = 3 chain: the usual tridiagonal periodic Laplacian.
    const chain = gffPrecisionMatrix({ L: 3, d: 1 }, m2);
    expect(Array.from(chain)).toEqual([2 + m2, -1, -1, -1, 2 + m2, -1, -1, -1, 2 + m2]);
    // 2D: every row sums to m2 (the Laplacian kills constants), diagonal 4 + m2.
    const torus = gffPrecisionMatrix({ L: 4, d: 2 }, m2);
    for (let x = 0; x < 16; x++) {
      let rowSum = 0;
      for (let y = 0; y < 16; y++) rowSum += torus[x * 16 + y];
      expect(rowSum).toBeCloseTo(m2, 12);
      expect(torus[x * 16 + x]).toBeCloseTo(4 + m2, 12);
    }
  });

  test('exact ln Z for a single decoupled mode set: L = 2 chain by hand', () => {
    // Modes 0 and pi: eigenvalues m2 and m2 + 4.
    const m2 = 0.7;
    const field = new GaussianFreeField({ L: 2, d: 1, m2 });
    const expected = Math.log(2 * Math.PI) - 0.5 * (Math.log(m2) + Math.log(m2 + 4));
    expect(field.exactLnZ).toBeCloseTo(expected, 13);
  });
});

describe.each(['cpu', 'wasm'])('GaussianFreeField energy on the %s backend', (backend) => {
  beforeAll(async () => {
    await useBackend(backend);
  });

  test.each(LATTICES)('equals 1/2 phi^T M phi and has gradient M phi, L = %p, d = %p', (L, d) => {
    const m2 = 0.4;
    const field = new GaussianFreeField({ L, d, m2 });
    const N = field.size;
    const precision = gffPrecisionMatrix({ L, d }, m2);
    const batch = 3;
    const x = new Rng(7 + L).fillNormal(new Float32Array(batch * N)).map((v) => 1.5 * v);
    const [energies, gradient] = tf.tidy(() => {
      const input = tf.tensor2d(x, [batch, N]);
      const values = field.energy(input).arraySync();
      const grad = tf.grad((t: tf.Tensor) => tf.sum(field.energy(t as tf.Tensor2D)))(input);
      return [values, grad.dataSync()];
    });
    for (let b = 0; b < batch; b++) {
      let quadratic = 0;
      let magnitude = 0;
      for (let i = 0; i < N; i++) {
        let row = 0;
        for (let j = 0; j < N; j++) row += precision[i * N + j] * x[b * N + j];
        quadratic += x[b * N + i] * row;
        magnitude += Math.abs(x[b * N + i]) * (4 * d + m2) * 2 * Math.abs(x[b * N + i]);
        // float32 sums of O(1) terms: 1e-4 absolute covers rounding.
        expect(Math.abs(gradient[b * N + i] - row)).toBeLessThan(1e-4);
      }
      // float32 sum of N terms of size <= magnitude: 1e-6 relative is ~10 ulp.
      expect(Math.abs(energies[b] - quadratic / 2)).toBeLessThan(1e-6 * magnitude + 1e-6);
    }
  });

  test('rejects a batch of the wrong width', () => {
    const field = new GaussianFreeField({ L: 4, d: 1, m2: 1 });
    tf.tidy(() => {
      expect(() => field.energy(tf.zeros([2, 16]) as tf.Tensor2D)).toThrow(
        'energy input x must have shape [B, 4] (L for L = 4), got [2, 16]',
      );
    });
  });
});

describe('GaussianFreeField observables', () => {
  test('means over exact samples agree with the exact expectations', () => {
    const L = 6;
    const m2 = 0.5;
    const field = new GaussianFreeField({ L, d: 2, m2 });
    const N = field.size;
    const factor = choleskyFactor(field.exactCovariance(), N);
    const count = 4000;
    const rng = new Rng(3);
    const z = rng.fillNormal(new Float32Array(count * N));
    const x = new Float64Array(count * N);
    for (let b = 0; b < count; b++) {
      for (let i = 0; i < N; i++) {
        let sum = 0;
        for (let k = 0; k <= i; k++) sum += factor[i * N + k] * z[b * N + k];
        x[b * N + i] = sum;
      }
    }

    const samples = field.observables(x, count);
    const exact = field.exactObservables();
    for (const name of Object.keys(samples)) {
      const values = samples[name];
      const mean = values.reduce((a, v) => a + v, 0) / count;
      const variance = values.reduce((a, v) => a + (v - mean) ** 2, 0) / (count - 1);
      // Independent exact samples: the mean is within 4.5 standard errors
      // of the truth unless the observable or its exact value is wrong
      // (over ~10 observables a false alarm has probability ~1e-4).
      expect(Math.abs(mean - exact[name])).toBeLessThan(4.5 * Math.sqrt(variance / count) + 1e-12);
    }
    expect(Object.keys(samples).sort()).toEqual(
      [
        'absMagnetisation',
        'correlation[0]',
        'correlation[1]',
        'correlation[2]',
        'correlation[3]',
        'energyPerSite',
        'magnetisation',
        'magnetisation2',
        'phi2',
      ].sort(),
    );
    // Derived observables evaluated at the exact means give their exact values.
    for (const derived of field.derivedObservables) {
      const value = derived.value(derived.inputs.map((name) => exact[name]));
      expect(value).toBeCloseTo(exact[derived.name], 12);
    }
  });
});

describe('GaussianFreeField construction', () => {
  test('registry builds it from strings, d defaulting to 2', () => {
    const field = createEnergy('gff', { L: '4', m2: '0.5' });
    expect(field).toBeInstanceOf(GaussianFreeField);
    expect(field.shape).toEqual([4, 4]);
    expect(field.config).toEqual({ L: 4, d: 2, m2: 0.5 });
    const chain = createEnergy('gff', { L: 8, d: 1, m2: 1 });
    expect(chain.shape).toEqual([8]);
    expect(chain.size).toBe(8);
    expect(chain.z2Symmetric).toBe(true);
    expect(createEnergy(chain.name, chain.config).exactLnZ).toBe(chain.exactLnZ);
  });

  test.each([0, -1, NaN, Infinity])('rejects m2 = %p', (m2) => {
    expect(() => new GaussianFreeField({ L: 4, d: 2, m2 })).toThrow(
      `gff mass squared m2 must be a positive finite number, got ${m2}`,
    );
  });

  test.each([1, 0, 2.5, -4])('rejects L = %p', (L) => {
    expect(() => new GaussianFreeField({ L, d: 1, m2: 1 })).toThrow(
      `gff lattice size L must be an integer >= 2, got ${L}`,
    );
  });

  test.each([0, 3, 1.5])('rejects d = %p', (d) => {
    expect(() => new GaussianFreeField({ L: 4, d, m2: 1 })).toThrow(
      `gff dimension d must be 1 (chain) or 2 (square lattice), got ${d}`,
    );
  });

  test('rejects unknown and non-numeric parameters', () => {
    expect(() => createEnergy('gff', { L: 4, m2: 1, T: 2 })).toThrow(
      "gff has no parameter 'T'; expected L, d, m2",
    );
    expect(() => createEnergy('gff', { L: 4 })).toThrow('gff parameter m2 is missing; it must be a number');
    expect(() => createEnergy('gff', { L: 4, m2: 'heavy' })).toThrow(TypeError);
  });
});
