import { Rng, tf, useBackend } from '@neuralrg/tensor';
import { GaussianMixture } from './gaussian-mixture';
import { createEnergy, energyNames } from './registry';
import { Ring } from './ring';

/** ln integral exp(-E) over [-a, a]^2 on an n x n midpoint grid, in float64. */
function gridLnZ(energy: (x: number, y: number) => number, a: number, n: number): number {
  const h = (2 * a) / n;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) sum += Math.exp(-energy(-a + (i + 0.5) * h, -a + (j + 0.5) * h));
  }
  return Math.log(sum * h * h);
}

beforeAll(async () => {
  await useBackend('cpu');
});

describe('Ring', () => {
  test('energy is (|x| - 2)^2 / 0.32 by default', () => {
    const ring = new Ring();
    const values = tf.tidy(() => ring.energy(tf.tensor2d([[2, 0], [0, -3], [1, 1]])).arraySync());
    expect(values[0]).toBeCloseTo(0, 6);
    expect(values[1]).toBeCloseTo(1 / 0.32, 5);
    expect(values[2]).toBeCloseTo((Math.SQRT2 - 2) ** 2 / 0.32, 5);
    expect(ring.shape).toEqual([2]);
  });

  test('ln Z matches the closed form', () => {
    // With sigma^2 = w/2: Z = 2 pi [sigma^2 e^{-R^2/(2 sigma^2)} + R sigma sqrt(2 pi) Phi(R/sigma)].
    // R = 2, sigma = 0.4: Phi(5) = 1 - 2.9e-7, so dropping it costs < 3e-7 in ln Z.
    const sigma = 0.4;
    const closed = Math.log(
      2 * Math.PI * (sigma * sigma * Math.exp(-12.5) + 2 * sigma * Math.sqrt(2 * Math.PI)),
    );
    expect(Math.abs(new Ring().exactLnZ - closed)).toBeLessThan(5e-7);
    // R = 0 is a Gaussian: Z = pi w exactly.
    expect(new Ring({ radius: 0, width: 0.5 }).exactLnZ).toBeCloseTo(Math.log(Math.PI * 0.5), 10);
    // And a grid integral of exp(-E) (midpoint, h = 0.01: error ~1e-6).
    const ring = new Ring({ radius: 1.5, width: 0.6 });
    const grid = gridLnZ((x, y) => (Math.hypot(x, y) - 1.5) ** 2 / 0.6, 5, 1000);
    expect(Math.abs(ring.exactLnZ - grid)).toBeLessThan(1e-5);
  });

  test('exact <|x|> and <|x|^2> agree with a grid average', () => {
    const ring = new Ring();
    const exact = ring.exactObservables();
    let z = 0;
    let r1 = 0;
    let r2 = 0;
    const n = 1000;
    const h = 10 / n;
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        const x = -5 + (i + 0.5) * h;
        const y = -5 + (j + 0.5) * h;
        const r = Math.hypot(x, y);
        const w = Math.exp(-((r - 2) ** 2) / 0.32);
        z += w;
        r1 += w * r;
        r2 += w * r * r;
      }
    }
    // Midpoint rule, h = 0.01 on a smooth integrand whose mass beyond
    // |x| = 5 is below e^-28: ~1e-5 relative.
    expect(exact.radius).toBeCloseTo(r1 / z, 4);
    expect(exact.radius2).toBeCloseTo(r2 / z, 4);
  });

  test('rejects bad parameters', () => {
    expect(() => new Ring({ width: 0 })).toThrow('ring width must be a positive finite number, got 0');
    expect(() => new Ring({ radius: -1 })).toThrow('ring radius must be >= 0, got -1');
    expect(() => createEnergy('ring', { R: 2 })).toThrow("ring has no parameter 'R'; expected radius, width");
  });
});

describe('GaussianMixture', () => {
  test('energy is -logsumexp over the components, and ln Z = ln(K 2 pi sigma^2)', () => {
    const mixture = new GaussianMixture({ components: 3, radius: 2, sigma: 0.6 });
    const x = new Rng(4).fillNormal(new Float32Array(10)).map((v) => 2 * v);
    const values = tf.tidy(() => mixture.energy(tf.tensor2d(x, [5, 2])).arraySync());
    const reference = (px: number, py: number): number => {
      let sum = 0;
      for (const [cx, cy] of mixture.centres) {
        sum += Math.exp(-((px - cx) ** 2 + (py - cy) ** 2) / (2 * 0.36));
      }
      return -Math.log(sum);
    };
    for (let b = 0; b < 5; b++) expect(values[b]).toBeCloseTo(reference(x[2 * b], x[2 * b + 1]), 4);
    expect(mixture.exactLnZ).toBeCloseTo(Math.log(3 * 2 * Math.PI * 0.36), 12);
    // Grid integral, h = 0.012 on [-6, 6]^2 (tails below e^-30): ~1e-6.
    expect(Math.abs(gridLnZ(reference, 6, 1000) - mixture.exactLnZ)).toBeLessThan(1e-5);
    expect(mixture.z2Symmetric).toBe(false);
    expect(new GaussianMixture({ components: 4 }).z2Symmetric).toBe(true);
    mixture.dispose();
  });

  test('exact second moment R^2 + 2 sigma^2 and rejected parameters', () => {
    expect(new GaussianMixture().exactObservables()).toEqual({ radius2: 4.5, x1: 0, x2: 0 });
    expect(() => new GaussianMixture({ components: 0 })).toThrow(
      'mixture components must be an integer >= 1, got 0',
    );
    expect(() => new GaussianMixture({ sigma: -1 })).toThrow(
      'mixture sigma must be a positive finite number, got -1',
    );
    expect(() => createEnergy('mixture', { K: 3 })).toThrow("mixture has no parameter 'K'");
  });

  test('all built-in models are registered', () => {
    expect(energyNames()).toEqual(expect.arrayContaining(['gff', 'ising', 'mixture', 'phi4', 'ring']));
  });
});
