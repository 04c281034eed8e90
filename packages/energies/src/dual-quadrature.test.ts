import { ISING_CRITICAL_TEMPERATURE } from './critical-temperature';
import { spinProbabilities } from './decode';
import { dualCouplingInverse } from './dual-coupling';
import { IsingDual } from './ising-dual';
import { isingLnZ } from './kaufman';

/**
 * ln Z_cont = ln of the integral of exp(-E(x)) over R^4 for the L = 2 dual,
 * E(x) = 1/2 x^T K^-1 x - sum_i ln cosh x_i, by the trapezoid rule on the
 * tensor-product grid [-R, R]^4, in float64 with K^-1 from float64 Cholesky.
 * Also returns the probability that all four decoded spins are +1,
 * integral of exp(-E(x)) prod_i sigmoid(2 x_i) divided by Z_cont.
 *
 * The integrand is a mixture of Gaussians N(K s, K) (one per spin
 * configuration s), analytic and decaying fast, for which the uniform
 * trapezoid rule converges geometrically: its aliasing error is of order
 * exp(-2 pi^2 min_m m^T K m / h^2) over integer m != 0, here
 * exp(-2 pi^2 * 0.4 / h^2) (m staggered), below 1e-8 for h < 0.65. R covers
 * the largest mean |K s|_i = 8/T + 0.1 plus 8 standard deviations sqrt(K_ii).
 */
function quadrature(T: number, points: number): { lnZ: number; allUp: number } {
  const n = 4;
  const inverse = dualCouplingInverse(2, T);
  const R = 8 / T + 0.1 + 8 * Math.sqrt(0.1 + 4 / T);
  const h = (2 * R) / (points - 1);

  const grid = Float64Array.from({ length: points }, (_, g) => -R + g * h);
  const weight = Float64Array.from({ length: points }, (_, g) =>
    g === 0 || g === points - 1 ? h / 2 : h,
  );
  const logCosh = grid.map((x) => Math.abs(x) + Math.log1p(Math.exp(-2 * Math.abs(x))) - Math.LN2);
  const upProbability = spinProbabilities(grid);
  const M = (i: number, j: number): number => inverse[i * n + j];

  let total = 0;
  let allUp = 0;
  for (let a = 0; a < points; a++) {
    const x0 = grid[a];
    const q0 = M(0, 0) * x0 * x0;
    for (let b = 0; b < points; b++) {
      const x1 = grid[b];
      const q1 = q0 + 2 * M(0, 1) * x0 * x1 + M(1, 1) * x1 * x1;
      for (let c = 0; c < points; c++) {
        const x2 = grid[c];
        const q2 = q1 + 2 * (M(0, 2) * x0 + M(1, 2) * x1) * x2 + M(2, 2) * x2 * x2;
        const linear3 = 2 * (M(0, 3) * x0 + M(1, 3) * x1 + M(2, 3) * x2);
        const square3 = M(3, 3);
        const outer = weight[a] * weight[b] * weight[c];
        const outerLogCosh = logCosh[a] + logCosh[b] + logCosh[c];
        const outerUp = upProbability[a] * upProbability[b] * upProbability[c];
        for (let d = 0; d < points; d++) {
          const x3 = grid[d];
          const quadratic = q2 + (linear3 + square3 * x3) * x3;
          const density = outer * weight[d] * Math.exp(outerLogCosh + logCosh[d] - quadratic / 2);
          total += density;
          allUp += density * outerUp * upProbability[d];
        }
      }
    }
  }
  return { lnZ: Math.log(total), allUp: allUp / total };
}

describe('continuous dual of the Ising model, L = 2, against quadrature', () => {
  // With these grids (h = 0.62 and 0.48) the quadrature error is ~1e-9 and
  // ~1e-12 (measured: it falls geometrically with the number of points).
  // The 1e-4 tolerance on ln Z is far smaller than any term of the formula
  // (N c/2, (N/2) ln 2 pi, N ln 2 are O(1)).
  test.each([
    [ISING_CRITICAL_TEMPERATURE, 48],
    [5.0, 40],
  ])('ln Z_cont at T = %f (%i points per axis)', (T, points) => {
    const model = new IsingDual({ L: 2, T });
    const { lnZ, allUp } = quadrature(T, points);
    expect(Math.abs(model.exactLnZ - lnZ)).toBeLessThan(1e-4);

    // Decoding x with sigmoid(2 x_i) must give the Ising Boltzmann weight of
    // the all-up state, E = -8: P = exp(8/T - ln Z_Ising).
    expect(allUp).toBeCloseTo(Math.exp(8 / T - isingLnZ(2, T)), 6);
    model.dispose();
  });

  test('gives the published ln Z_cont for L = 8 at T_c', () => {
    const model = new IsingDual({ L: 8, T: ISING_CRITICAL_TEMPERATURE });
    // Published to 7 decimals: ln Z_Ising = 60.1417808, ln Z_cont = 148.6550163.
    expect(Math.abs(model.lnZIsing - 60.1417808)).toBeLessThan(1e-6);
    expect(Math.abs(model.exactLnZ - 148.6550163)).toBeLessThan(1e-6);
    expect(model.shift).toBeCloseTo(model.exactLnZ - model.lnZIsing, 12);
  });
});
