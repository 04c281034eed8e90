import { Rng } from '@neuralrg/tensor';
import { choleskyFactor, choleskyInverse, choleskyLogDet } from './cholesky';

/** A random symmetric positive definite matrix M M^T + n I. */
function randomSpd(n: number, rng: Rng): Float64Array {
  const m = Float64Array.from({ length: n * n }, () => 2 * rng.uniform() - 1);
  const a = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      let sum = i === j ? n : 0;
      for (let k = 0; k < n; k++) sum += m[i * n + k] * m[j * n + k];
      a[i * n + j] = sum;
    }
  }
  return a;
}

describe('Cholesky helpers', () => {
  const n = 7;
  const matrix = randomSpd(n, new Rng(3));
  const factor = choleskyFactor(matrix, n);

  test('factor is lower triangular with F F^T = A', () => {
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        if (j > i) expect(factor[i * n + j]).toBe(0);
        let sum = 0;
        for (let k = 0; k < n; k++) sum += factor[i * n + k] * factor[j * n + k];
        expect(sum).toBeCloseTo(matrix[i * n + j], 10);
      }
    }
  });

  test('inverse times A is the identity', () => {
    const inverse = choleskyInverse(factor, n);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        let sum = 0;
        for (let k = 0; k < n; k++) sum += inverse[i * n + k] * matrix[k * n + j];
        expect(sum).toBeCloseTo(i === j ? 1 : 0, 12);
      }
    }
  });

  test('log-determinant of a diagonal matrix is the sum of logs', () => {
    const diagonal = new Float64Array([2, 0, 0, 0, 3, 0, 0, 0, 5]);
    expect(choleskyLogDet(choleskyFactor(diagonal, 3), 3)).toBeCloseTo(Math.log(30), 14);
  });

  test('rejects a matrix that is not positive definite or has the wrong size', () => {
    expect(() => choleskyFactor(new Float64Array([1, 2, 2, 1]), 2)).toThrow(
      'matrix must be positive definite, but pivot 1 of its Cholesky factor is -3',
    );
    expect(() => choleskyFactor(new Float64Array(5), 2)).toThrow(
      'matrix must have n*n = 4 entries, got 5',
    );
  });
});
