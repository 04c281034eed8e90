import { ISING_CRITICAL_TEMPERATURE, isingLnZ, isingLnZBruteForce } from '@neuralrg/energies';
import { isingEnumeratedAverages } from './ising-enumeration';
import { isingExactObservables } from './ising-exact';
import { isingExactEnergyPerSite } from './ising-exact-energy';

const Tc = ISING_CRITICAL_TEMPERATURE;

describe('exact Ising observables', () => {
  it('enumerates the same ln Z as the energies package', () => {
    for (const T of [1, Tc, 4]) {
      expect(isingEnumeratedAverages(4, T).lnZ).toBeCloseTo(isingLnZBruteForce(4, T), 10);
    }
  });

  it('matches the L = 2 values by hand', () => {
    // L = 2: every bond counted twice; E = -8 (all aligned, 2 states),
    // E = +8 (checkerboard, 2 states), E = 0 for the other 12 states.
    const T = 2;
    const w = Math.exp(8 / T);
    const z = 2 * w + 2 / w + 12;
    const exact = isingEnumeratedAverages(2, T);
    expect(exact.energyPerSite).toBeCloseTo((-8 * 2 * w + (8 * 2) / w) / z / 4, 12);
    // |M| = 4 for the aligned states, 0 for the checkerboards, 2 for the 8 one-flip states.
    expect(exact.absMagnetization).toBeCloseTo((4 * 2 * w + 2 * 8) / z / 4, 12);
  });

  it.each([1.5, Tc, 3.5])(
    'derives <E>/N from Kaufman ln Z in agreement with enumeration at L = 4, T = %p',
    (T) => {
      // Analytic derivative: exact to rounding (bound ~1e-14 per site here).
      const derived = isingExactEnergyPerSite(4, T);
      expect(
        Math.abs(derived.energyPerSite - isingEnumeratedAverages(4, T).energyPerSite),
      ).toBeLessThan(1e-11);
      expect(derived.errorEstimate).toBeLessThan(1e-12);
    },
  );

  it('gives energies at T_c for L = 8 and 16 near the infinite-lattice -sqrt 2, with small rounding error', () => {
    for (const L of [8, 16]) {
      const { energyPerSite, errorEstimate } = isingExactEnergyPerSite(L, Tc);
      // Finite-size corrections at T_c are O(1/L): within 0.1 of -sqrt 2 = -1.41421.
      expect(Math.abs(energyPerSite + Math.SQRT2)).toBeLessThan(0.1);
      // Bounds of 1.1e-14 (L = 8) and 2.1e-14 (L = 16).
      expect(errorEstimate).toBeLessThan(1e-12);
    }
    // The derivative is of the right function: a plain central difference agrees to O(h^2).
    const h = 1e-5;
    const central = -(isingLnZ(8, 1 / (1 / Tc + h)) - isingLnZ(8, 1 / (1 / Tc - h))) / (2 * h) / 64;
    expect(isingExactEnergyPerSite(8, Tc).energyPerSite).toBeCloseTo(central, 7);
  });

  it('collects what is exact per observable', () => {
    expect(Object.keys(isingExactObservables(4, Tc).values).sort()).toEqual([
      'absMagnetization',
      'energy',
    ]);
    expect(Object.keys(isingExactObservables(8, Tc).values)).toEqual(['energy']);
  });

  it('rejects bad input', () => {
    expect(() => isingEnumeratedAverages(6, Tc)).toThrow(/at most 4 .* got 6/);
    expect(() => isingEnumeratedAverages(3, Tc)).toThrow(/even integer >= 2.* got 3/);
    expect(() => isingExactEnergyPerSite(8, 0)).toThrow(
      /temperature T must be a positive finite number, got 0/,
    );
    // Any positive T works: no finite-difference step has to fit below beta.
    expect(isingExactEnergyPerSite(4, 6000).energyPerSite).toBeCloseTo(-2 / 6000, 9);
  });
});
