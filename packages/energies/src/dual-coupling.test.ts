import { choleskyFactor, choleskyLogDet } from './cholesky';
import { ISING_CRITICAL_TEMPERATURE } from './critical-temperature';
import {
  dualCouplingInverse,
  dualCouplingLogDet,
  dualCouplingMatrix,
  dualDiagonalShift,
} from './dual-coupling';
import { isingDualShift } from './dual-shift';

const TC = ISING_CRITICAL_TEMPERATURE;

describe('dual coupling K = A/T + c I', () => {
  test('c = 0.1 + 4/T leaves smallest eigenvalue 0.1', () => {
    for (const T of [0.5, TC, 7]) expect(dualDiagonalShift(4, T)).toBeCloseTo(0.1 + 4 / T, 14);
  });

  test('analytic ln det K matches the Cholesky log-determinant', () => {
    // Both are float64 sums of N logs of O(1) numbers: agreement ~1e-13.
    for (const L of [2, 4, 6, 8]) {
      for (const T of [1.0, TC, 5.0]) {
        const N = L * L;
        const numeric = choleskyLogDet(choleskyFactor(dualCouplingMatrix(L, T), N), N);
        expect(Math.abs(dualCouplingLogDet(L, T) - numeric)).toBeLessThan(1e-10);
      }
    }
  });

  test('K^-1 times K is the identity in float64', () => {
    for (const L of [2, 4, 6]) {
      const N = L * L;
      const coupling = dualCouplingMatrix(L, TC);
      const inverse = dualCouplingInverse(L, TC);
      let worst = 0;
      for (let i = 0; i < N; i++) {
        for (let j = 0; j < N; j++) {
          let sum = 0;
          for (let k = 0; k < N; k++) sum += inverse[i * N + k] * coupling[k * N + j];
          worst = Math.max(worst, Math.abs(sum - (i === j ? 1 : 0)));
        }
      }
      // cond(K) = (8/T + c) / 0.1 ~ 55 at T_c: residuals ~1e-14.
      expect(worst).toBeLessThan(1e-11);
    }
  });

  test('isingDualShift follows N c/2 + (N/2) ln(2 pi) + (1/2) ln det K - N ln 2', () => {
    const L = 4;
    const N = 16;
    const T = 3;
    const c = 0.1 + 4 / T;
    const expected =
      (N * c) / 2 + (N / 2) * Math.log(2 * Math.PI) + dualCouplingLogDet(L, T) / 2 - N * Math.LN2;
    expect(isingDualShift(L, T)).toBeCloseTo(expected, 12);
  });

  test('rejects bad L and T', () => {
    expect(() => isingDualShift(3, 1)).toThrow('got 3');
    expect(() => dualCouplingInverse(4, NaN)).toThrow(
      'temperature T must be a positive finite number, got NaN',
    );
  });
});
