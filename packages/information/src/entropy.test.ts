import { klEntropy } from './entropy';
import { meanAndError } from './gaussian.testutil';
import { NEIGHBOUR_SEARCHES } from './neighbour-index';
import { SplitMix32 } from './random';

describe('klEntropy', () => {
  it('reproduces an independent numpy evaluation', () => {
    // The 2D draws of the KSG reference test; values from a brute-force
    // numpy script with scipy's digamma.
    const rng = new SplitMix32(2024);
    const x: number[][] = [];
    for (let i = 0; i < 200; i++) {
      x.push([rng.normal(), rng.normal()]);
      rng.normal();
    }
    const expected: [number, number][] = [
      [1, 2.7713721540326324],
      [3, 2.748009326028178],
      [5, 2.6988648597240887],
    ];
    for (const [k, value] of expected) {
      for (const search of NEIGHBOUR_SEARCHES) {
        expect(klEntropy(x, { k, search })).toBeCloseTo(value, 12);
      }
    }
  });

  // Closed forms: a normal in d dimensions has H = 1/2 ln((2 pi e)^d det C),
  // a uniform on [0, a]^d has H = d ln a. The estimator's spread at
  // n = 2000 is about 0.02 per dimension, its bias a few 0.01 in 3D:
  // the mean of 6 replicas must lie within 0.04.
  it.each([
    ['a normal with sigma = 2', 1, (r: SplitMix32) => [2 * r.normal()], 0.5 * Math.log(2 * Math.PI * Math.E * 4)],
    ['a uniform on [0, 3]^2', 2, (r: SplitMix32) => [3 * r.uniform(), 3 * r.uniform()], 2 * Math.log(3)],
    [
      'a correlated 3D normal',
      3,
      (r: SplitMix32) => {
        // x = A g with A lower triangular, det C = det(A)^2 = (1 * 0.8 * 0.5)^2.
        const [a, b, c] = [r.normal(), r.normal(), r.normal()];
        return [a, 0.6 * a + 0.8 * b, 0.3 * a - 0.2 * b + 0.5 * c];
      },
      0.5 * Math.log((2 * Math.PI * Math.E) ** 3 * (0.8 * 0.5) ** 2),
    ],
  ] as const)('matches the closed form for %s', (_, _d, draw, exact) => {
    const rng = new SplitMix32(31);
    const values = Array.from({ length: 6 }, () =>
      klEntropy(Array.from({ length: 2000 }, () => draw(rng))),
    );
    expect(Math.abs(meanAndError(values).mean - exact)).toBeLessThan(0.04);
  });

  it('refuses constant and discrete data, whose differential entropy is -Infinity', () => {
    expect(() => klEntropy([1, 1, 1, 1, 1])).toThrow(/x is constant/);
    expect(() => klEntropy([[0, 1], [0, 2], [0, 3], [0, 4], [0, 5]])).toThrow(
      /coordinate 0 of x is constant/,
    );
    const spins = Array.from({ length: 50 }, (_, i) => (i % 2 === 0 ? 1 : -1));
    expect(() => klEntropy(spins)).toThrow(/repeats one value 25 times, more than k = 3/);
    // A value repeated up to k times keeps every k-th distance positive.
    expect(Number.isFinite(klEntropy([0.1, 0.1, 0.5, 0.9, 1.3, 2.0], { k: 3 }))).toBe(true);
  });
});
