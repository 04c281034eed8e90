import { Rng, tf, useBackend } from '@neuralrg/tensor';
import { Phi4 } from './phi4';
import { phi4SingleSiteMoments } from './phi4-single-site';
import { createEnergy } from './registry';

/** Float64 S(phi) from the definition, sum over x and mu with wrap-around. */
function referenceAction(phi: Float32Array, L: number, d: 1 | 2, kappa: number, lambda: number): number {
  const N = d === 1 ? L : L * L;
  let sum = 0;
  for (let site = 0; site < N; site++) {
    const value = phi[site];
    const i = Math.floor(site / L);
    const j = site % L;
    const neighbours =
      d === 1 ? [(site + 1) % L] : [i * L + ((j + 1) % L), ((i + 1) % L) * L + j];
    for (const n of neighbours) sum += -2 * kappa * value * phi[n];
    sum += value * value + lambda * (value * value - 1) ** 2;
  }
  return sum;
}

describe.each(['cpu', 'wasm'])('Phi4 action on the %s backend', (backend) => {
  beforeAll(async () => {
    await useBackend(backend);
  });

  test.each([
    [2, 2],
    [3, 2],
    [4, 2],
    [4, 1],
  ] as Array<[number, 1 | 2]>)('matches the definition and its gradient, L = %p, d = %p', (L, d) => {
    const kappa = 0.27;
    const lambda = 0.022;
    const model = new Phi4({ L, d, kappa, lambda });
    const N = model.size;
    const x = new Rng(L + d).fillNormal(new Float32Array(N)).map((v) => 1.3 * v);
    const [value, gradient] = tf.tidy(() => {
      const input = tf.tensor2d(x, [1, N]);
      const grad = tf.grad((t: tf.Tensor) => tf.sum(model.energy(t as tf.Tensor2D)))(input);
      return [model.energy(input).arraySync()[0], grad.dataSync()];
    });
    const expected = referenceAction(x, L, d, kappa, lambda);
    // float32 sum of N terms of size <= ~10: 1e-5 relative is ~100 ulp.
    expect(Math.abs(value - expected)).toBeLessThan(1e-5 * (Math.abs(expected) + N));
    for (let site = 0; site < N; site++) {
      const plus = Float32Array.from(x);
      const minus = Float32Array.from(x);
      plus[site] += 1e-3;
      minus[site] -= 1e-3;
      const numeric =
        (referenceAction(plus, L, d, kappa, lambda) - referenceAction(minus, L, d, kappa, lambda)) /
        (plus[site] - minus[site]);
      // O(h^2) truncation with h = 1e-3 and third derivatives ~ 24 lambda phi: < 1e-5.
      expect(Math.abs(gradient[site] - numeric)).toBeLessThan(1e-4);
    }
  });
});

describe('Phi4 exact values at kappa = 0', () => {
  test('one-site moments obey the Schwinger-Dyson identity <phi dS/dphi> = 1', () => {
    for (const lambda of [0.01, 0.5, 3, 40]) {
      const { phi2, phi4 } = phi4SingleSiteMoments(lambda);
      // dS/dphi = 2 phi + 4 lambda phi (phi^2 - 1); integration by parts gives 1.
      expect(2 * phi2 + 4 * lambda * (phi4 - phi2)).toBeCloseTo(1, 11);
    }
  });

  test('d ln Z / d lambda = -<(phi^2 - 1)^2>', () => {
    const lambda = 0.7;
    const h = 1e-4;
    const slope =
      (phi4SingleSiteMoments(lambda + h).logZ - phi4SingleSiteMoments(lambda - h).logZ) / (2 * h);
    const { phi2, phi4 } = phi4SingleSiteMoments(lambda);
    // Central difference: O(h^2) ~ 1e-8 truncation.
    expect(slope).toBeCloseTo(-(phi4 - 2 * phi2 + 1), 7);
  });

  test('ln Z is N times the one-site value, and observables match exact samples', () => {
    const lambda = 1.5;
    const model = new Phi4({ L: 4, kappa: 0, lambda });
    const one = phi4SingleSiteMoments(lambda);
    expect(model.exactLnZ).toBeCloseTo(16 * one.logZ, 12);

    // Exact one-site samples by rejection: propose N(0, 1/2) (weight
    // exp(-phi^2)), accept with probability exp(-lambda (phi^2 - 1)^2).
    const rng = new Rng(5);
    const count = 4000;
    const x = new Float64Array(count * 16);
    const z = new Float32Array(1);
    for (let i = 0; i < x.length; i++) {
      for (;;) {
        rng.fillNormal(z);
        const phi = z[0] * Math.SQRT1_2;
        if (rng.uniform() < Math.exp(-lambda * (phi * phi - 1) ** 2)) {
          x[i] = phi;
          break;
        }
      }
    }
    const samples = model.observables(x, count);
    const exact = model.exactObservables();
    // |m| has no closed form; every other observable is checked.
    expect(Object.keys(samples).filter((name) => exact[name] === undefined)).toEqual([
      'absMagnetisation',
    ]);
    for (const [name, values] of Object.entries(samples)) {
      if (exact[name] === undefined) continue;
      const mean = values.reduce((a, v) => a + v, 0) / count;
      const variance = values.reduce((a, v) => a + (v - mean) ** 2, 0) / (count - 1);
      // Exact samples: within 4.5 standard errors (false alarm ~1e-5 each).
      expect(Math.abs(mean - exact[name])).toBeLessThan(4.5 * Math.sqrt(variance / count) + 1e-12);
    }
    for (const derived of model.derivedObservables) {
      expect(derived.value(derived.inputs.map((n) => exact[n]))).toBeCloseTo(exact[derived.name], 12);
    }
  });

  test('no exact values when kappa > 0', () => {
    const model = new Phi4({ L: 4, kappa: 0.2, lambda: 0.5 });
    expect(model.exactLnZ).toBeUndefined();
    expect(model.exactObservables()).toEqual({});
  });
});

describe('Phi4 construction', () => {
  test('registry builds it from strings with shape [L, L]', () => {
    const model = createEnergy('phi4', { L: '8', kappa: '0.3', lambda: '0.02' });
    expect(model).toBeInstanceOf(Phi4);
    expect(model.shape).toEqual([8, 8]);
    expect(model.config).toEqual({ L: 8, d: 2, kappa: 0.3, lambda: 0.02 });
    expect(model.z2Symmetric).toBe(true);
  });

  test.each([-0.1, NaN, Infinity])('rejects kappa = %p', (kappa) => {
    expect(() => new Phi4({ L: 4, kappa, lambda: 1 })).toThrow(RangeError);
    expect(() => new Phi4({ L: 4, kappa, lambda: 1 })).toThrow(`got ${kappa}`);
  });

  test.each([0, -1, NaN])('rejects lambda = %p', (lambda) => {
    expect(() => new Phi4({ L: 4, kappa: 0.2, lambda })).toThrow(
      `phi4 quartic coupling lambda must be a positive finite number, got ${lambda}`,
    );
  });

  test('rejects bad L, d and unknown parameters', () => {
    expect(() => new Phi4({ L: 1, kappa: 0.2, lambda: 1 })).toThrow(
      'phi4 lattice size L must be an integer >= 2, got 1',
    );
    expect(() => new Phi4({ L: 4, kappa: 0.2, lambda: 1, d: 3 })).toThrow('got 3');
    expect(() => createEnergy('phi4', { L: 4, kappa: 0.2, lambda: 1, m2: 1 })).toThrow(
      "phi4 has no parameter 'm2'; expected L, kappa, lambda, d",
    );
    expect(() => createEnergy('phi4', { L: 4, lambda: 1 })).toThrow(
      'phi4 parameter kappa is missing; it must be a number',
    );
  });
});
