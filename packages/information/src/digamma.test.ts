import { EULER_GAMMA, digamma, digammaTable } from './digamma';

describe('digamma', () => {
  it('matches closed forms at 1, 1/2 and the harmonic numbers', () => {
    // psi(1) = -gamma, psi(1/2) = -gamma - 2 ln 2, psi(n) = H_(n-1) - gamma.
    expect(digamma(1)).toBeCloseTo(-EULER_GAMMA, 13);
    expect(digamma(0.5)).toBeCloseTo(-EULER_GAMMA - 2 * Math.LN2, 13);
    let harmonic = 0;
    for (let n = 1; n <= 200; n++) {
      expect(digamma(n)).toBeCloseTo(harmonic - EULER_GAMMA, 12);
      harmonic += 1 / n;
    }
  });

  it('obeys psi(x + 1) = psi(x) + 1/x at non-integers', () => {
    for (const x of [0.01, 0.3, 2.7, 5.99, 6.01, 42.5]) {
      expect(digamma(x + 1)).toBeCloseTo(digamma(x) + 1 / x, 11);
    }
  });

  it('tabulates the integers consistently with the series', () => {
    const table = digammaTable(10000);
    for (const m of [1, 2, 3, 17, 999, 10000]) expect(table[m]).toBeCloseTo(digamma(m), 11);
    expect(table[0]).toBe(-Infinity);
  });

  it('refuses x <= 0 and non-finite x', () => {
    expect(() => digamma(0)).toThrow(/digamma needs a finite x > 0, got 0/);
    expect(() => digamma(-1)).toThrow(RangeError);
    expect(() => digamma(NaN)).toThrow(/got NaN/);
  });
});
