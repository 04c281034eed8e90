import { isingLnZBruteForce } from './brute-force';

describe('isingLnZBruteForce', () => {
  test('matches the closed form for L = 2', () => {
    // On the 2 x 2 torus every neighbour pair is met twice, so the model is a
    // ring of 4 spins with coupling 2K: Z = (2 cosh 2K)^4 + (2 sinh 2K)^4.
    for (const T of [0.7, 1.5, 3.0, 20.0]) {
      const K = 1 / T;
      const expected = Math.log((2 * Math.cosh(2 * K)) ** 4 + (2 * Math.sinh(2 * K)) ** 4);
      expect(Math.abs(isingLnZBruteForce(2, T) - expected)).toBeLessThan(1e-12 * expected);
    }
  });

  test('counts 2^N states at infinite temperature and the ground states at T -> 0', () => {
    expect(isingLnZBruteForce(3, 1e12)).toBeCloseTo(9 * Math.LN2, 9);
    expect(isingLnZBruteForce(4, 1e-3)).toBeCloseTo(32 / 1e-3 + Math.LN2, 6);
  });

  test.each([1, 5, 2.5, NaN])('rejects L = %p', (L) => {
    expect(() => isingLnZBruteForce(L, 2)).toThrow(RangeError);
    expect(() => isingLnZBruteForce(L, 2)).toThrow(`got ${L}`);
  });

  test('rejects a non-positive temperature', () => {
    expect(() => isingLnZBruteForce(2, -1)).toThrow(
      'temperature T must be a positive finite number, got -1',
    );
  });
});
