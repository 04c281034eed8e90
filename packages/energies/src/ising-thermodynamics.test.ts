import { isingObservablesBruteForce } from './brute-force-observables';
import { ISING_CRITICAL_TEMPERATURE } from './critical-temperature';
import { isingInternalEnergy, isingSpecificHeat } from './ising-thermodynamics';
import { isingHighTemperatureSeries } from './ising-high-temperature';
import { isingThermodynamics } from './kaufman-derivatives';
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
    // Analytic derivatives: both agree with enumeration to rounding (measured
    // below 1e-12 and 1e-11); 1e-10 leaves a margin.
    expect(Math.abs(isingInternalEnergy(L, T) - reference.energyPerSite)).toBeLessThan(1e-10);
    expect(Math.abs(isingSpecificHeat(L, T) - reference.specificHeat)).toBeLessThan(1e-10);
  });

  test('high-temperature limits: u -> -2 tanh(beta), c -> 2 beta^2', () => {
    // At beta = 1e-3 the corrections are O(beta^3) ~ 1e-9.
    expect(isingInternalEnergy(8, 1000)).toBeCloseTo(-2 * Math.tanh(1e-3), 8);
    expect(isingSpecificHeat(8, 1000)).toBeCloseTo(2e-6, 8);
  });

  test.each([8, 16])('agree with finite differences of ln Z, L = %p at T_c', (L) => {
    // A five-point stencil in beta with h = 1e-4 is good to ~1e-12 (u) and,
    // with h = 5e-4, ~1e-7 (c) per site at these sizes.
    const beta = 1 / TC;
    const lnZ = (b: number): number => isingLnZ(L, 1 / b);
    const h = 1e-4;
    const u = -((lnZ(beta - 2 * h) - 8 * lnZ(beta - h) + 8 * lnZ(beta + h) - lnZ(beta + 2 * h)) / (12 * h)) / (L * L);
    const g = 5e-4;
    const second =
      (-lnZ(beta - 2 * g) + 16 * lnZ(beta - g) - 30 * lnZ(beta) + 16 * lnZ(beta + g) - lnZ(beta + 2 * g)) /
      (12 * g * g);
    expect(Math.abs(isingInternalEnergy(L, TC) - u)).toBeLessThan(1e-10);
    expect(Math.abs(isingSpecificHeat(L, TC) - (beta * beta * second) / (L * L))).toBeLessThan(1e-6);
    // Near T_c the energy per site is close to the infinite-lattice -sqrt 2.
    expect(Math.abs(isingInternalEnergy(L, TC) + Math.SQRT2)).toBeLessThan(0.1);
  });

  test('the specific heat at T_c grows like (8 / pi) beta_c^2 ln L up to large lattices', () => {
    // Finite differences lose this: with a fixed step the printed c/N was 9 %
    // low at L = 4096. The analytic derivatives keep the exact slope
    // (Ferdinand and Fisher 1969): c(2L) - c(L) -> (8 / pi) beta_c^2 ln 2.
    const slope = (8 / Math.PI) * Math.LN2 / (TC * TC);
    const c = [256, 512, 1024, 2048].map((L) => isingThermodynamics(L, TC));
    for (let i = 1; i < c.length; i++) {
      expect(Math.abs(c[i].specificHeat - c[i - 1].specificHeat - slope)).toBeLessThan(0.01);
    }
    // Values checked by converging finite differences at L = 1024 and 2048.
    expect(c[2].specificHeat).toBeCloseTo(3.5659, 3);
    expect(c[3].specificHeat).toBeCloseTo(3.9087, 3);
    expect(c[3].specificHeatError).toBeLessThan(1e-7);
  });

  test('stay accurate and non-negative at low temperature', () => {
    // L = 4, T = 0.3: enumeration gives c = 1.8653e-9 (finite differences gave -1.6e-8).
    const reference = isingObservablesBruteForce(4, 0.3);
    const low = isingThermodynamics(4, 0.3);
    expect(Math.abs(low.specificHeat - reference.specificHeat)).toBeLessThan(1e-11);
    expect(Math.abs(low.energyPerSite - reference.energyPerSite)).toBeLessThan(1e-12);
    for (const T of [0.1, 0.01, 1e-3]) {
      const r = isingThermodynamics(8, T);
      expect(r.specificHeat).toBeGreaterThanOrEqual(0);
      expect(r.specificHeat).toBeLessThan(1e-10 + r.specificHeatError);
      expect(Math.abs(r.energyPerSite + 2)).toBeLessThan(1e-10);
    }
  });

  test('take the high-temperature series above T = 1000, continuous with Kaufman at the switch', () => {
    // Kaufman's products cancel against N coth(2K) at high T; the series
    // does not. Enumeration at L = 2, 4 checks it where it is used.
    for (const L of [2, 4]) {
      const reference = isingObservablesBruteForce(L, 1500);
      const series = isingThermodynamics(L, 1500);
      expect(Math.abs(series.energyPerSite / reference.energyPerSite - 1)).toBeLessThan(1e-9);
      expect(Math.abs(series.specificHeat / reference.specificHeat - 1)).toBeLessThan(1e-6);
    }
    for (const L of [2, 4, 6, 8]) {
      const K = 1.2e-3;
      const kaufman = isingThermodynamics(L, 1 / K);
      const series = isingHighTemperatureSeries(L, K);
      expect(Math.abs(series.lnZ - kaufman.lnZ)).toBeLessThan(1e-12 * L * L);
      // Measured 3e-11 - 1.3e-10 and 1e-11 - 8e-10: Kaufman's rounding there.
      expect(Math.abs(series.energyPerSite / kaufman.energyPerSite - 1)).toBeLessThan(1e-9);
      expect(Math.abs(series.specificHeat / kaufman.specificHeat - 1)).toBeLessThan(1e-8);
    }
    // Far out, u = -2 tanh K - 4 t^3 and c = 2 K^2, with no digits lost; at
    // T = 1e200 Kaufman's terms used to underflow to an error.
    const t = Math.tanh(1e-4);
    expect(isingThermodynamics(8, 1e4).energyPerSite).toBeCloseTo(-2 * t - 4 * t ** 3, 18);
    const far = isingThermodynamics(8, 1e16);
    expect(far.energyPerSite / -2e-16 - 1).toBeCloseTo(0, 12);
    expect(far.specificHeat / 2e-32 - 1).toBeCloseTo(0, 12);
    expect(isingThermodynamics(16, 1e200).energyPerSite).toBeCloseTo(-2e-200, 210);
    expect(isingLnZ(4, 1e200)).toBeCloseTo(16 * Math.LN2, 12);
  });

  test('rejects bad L and T', () => {
    expect(() => isingInternalEnergy(5, 2)).toThrow('lattice size L must be an even integer >= 2, got 5');
    expect(() => isingSpecificHeat(4, -1)).toThrow(
      'temperature T must be a positive finite number, got -1',
    );
  });
});
