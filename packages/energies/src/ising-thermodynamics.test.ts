import { isingObservablesBruteForce } from './brute-force-observables';
import { ISING_CRITICAL_TEMPERATURE } from './critical-temperature';
import {
  ENERGY_BETA_STEP,
  SPECIFIC_HEAT_BETA_STEP,
  isingInternalEnergy,
  isingSpecificHeat,
} from './ising-thermodynamics';
import { isingLnZ } from './kaufman';

const TC = ISING_CRITICAL_TEMPERATURE;

describe('exact Ising energy and specific heat from ln Z', () => {
  test.each([
    [2, 1.2],
    [2, TC],
    [4, 1.5],
    [4, TC],
    [4, 3.5],
    [4, 40],
  ])('match enumeration at L = %p, T = %p', (L, T) => {
    const reference = isingObservablesBruteForce(L, T);
    // The finite differences are accurate to ~1e-10 (energy) and ~1e-7
    // (specific heat) per site at these sizes (see ising-thermodynamics.ts);
    // enumeration is exact to rounding. 1e-9 and 1e-6 leave a margin of 10.
    expect(Math.abs(isingInternalEnergy(L, T) - reference.energyPerSite)).toBeLessThan(1e-9);
    expect(Math.abs(isingSpecificHeat(L, T) - reference.specificHeat)).toBeLessThan(1e-6);
  });

  test('high-temperature limits: u -> -2 tanh(beta), c -> 2 beta^2', () => {
    // At beta = 1e-3 the corrections are O(beta^3) ~ 1e-9.
    expect(isingInternalEnergy(8, 1000)).toBeCloseTo(-2 * Math.tanh(1e-3), 8);
    expect(isingSpecificHeat(8, 1000)).toBeCloseTo(2e-6, 8);
  });

  test.each([8, 16])('do not move when the step is halved, L = %p at T_c', (L) => {
    // Five-point stencils: halving h divides the truncation error by 16, so
    // the change bounds the error of the published step.
    const u = isingInternalEnergy(L, TC);
    const c = isingSpecificHeat(L, TC);
    const beta = 1 / TC;
    const lnZ = (b: number): number => isingLnZ(L, 1 / b);
    const h = ENERGY_BETA_STEP / 2;
    const uHalf =
      -((lnZ(beta - 2 * h) - 8 * lnZ(beta - h) + 8 * lnZ(beta + h) - lnZ(beta + 2 * h)) / (12 * h)) /
      (L * L);
    const g = SPECIFIC_HEAT_BETA_STEP / 2;
    const second =
      (-lnZ(beta - 2 * g) + 16 * lnZ(beta - g) - 30 * lnZ(beta) + 16 * lnZ(beta + g) - lnZ(beta + 2 * g)) /
      (12 * g * g);
    const cHalf = (beta * beta * second) / (L * L);
    expect(Math.abs(u - uHalf)).toBeLessThan(1e-9);
    expect(Math.abs(c - cHalf)).toBeLessThan(1e-7);
    // Near T_c the energy per site is close to the infinite-lattice -sqrt 2,
    // and the specific heat grows like (8 / pi) beta_c^2 ln L.
    expect(Math.abs(u + Math.SQRT2)).toBeLessThan(0.1);
    expect(c).toBeGreaterThan(1);
  });

  test('rejects bad L and T', () => {
    expect(() => isingInternalEnergy(5, 2)).toThrow('lattice size L must be an even integer >= 2, got 5');
    expect(() => isingSpecificHeat(4, -1)).toThrow(
      'temperature T must be a positive finite number, got -1',
    );
  });
});
