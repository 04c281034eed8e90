import { adjacencyEigenvalues, adjacencyMinEigenvalue, periodicAdjacency } from './adjacency';
import { choleskyFactor } from './cholesky';

/**
 * All eigenvalues of a small symmetric matrix by cyclic Jacobi rotations
 * (Golub and Van Loan, Matrix Computations, section 8.5), sorted ascending.
 */
function jacobiEigenvalues(matrix: Float64Array, n: number): number[] {
  const a = Float64Array.from(matrix);
  for (let sweep = 0; sweep < 100; sweep++) {
    let offDiagonal = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) offDiagonal += a[p * n + q] ** 2;
    if (offDiagonal < 1e-26) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = a[p * n + q];
        if (Math.abs(apq) < 1e-300) continue;
        const theta = (a[q * n + q] - a[p * n + p]) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const cos = 1 / Math.sqrt(t * t + 1);
        const sin = t * cos;
        for (let k = 0; k < n; k++) {
          const akp = a[k * n + p];
          const akq = a[k * n + q];
          a[k * n + p] = cos * akp - sin * akq;
          a[k * n + q] = sin * akp + cos * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = a[p * n + k];
          const aqk = a[q * n + k];
          a[p * n + k] = cos * apk - sin * aqk;
          a[q * n + k] = sin * apk + cos * aqk;
        }
      }
    }
  }
  return Array.from({ length: n }, (_, i) => a[i * n + i]).sort((x, y) => x - y);
}

function shiftedDiagonal(matrix: Float64Array, n: number, shift: number): Float64Array {
  const shifted = Float64Array.from(matrix);
  for (let i = 0; i < n; i++) shifted[i * n + i] += shift;
  return shifted;
}

describe('periodic adjacency', () => {
  test('is symmetric with row sums 4 and zero diagonal; L = 2 joins neighbours twice', () => {
    for (const L of [2, 4, 6]) {
      const N = L * L;
      const adjacency = periodicAdjacency(L);
      for (let i = 0; i < N; i++) {
        let rowSum = 0;
        for (let j = 0; j < N; j++) {
          expect(adjacency[i * N + j]).toBe(adjacency[j * N + i]);
          rowSum += adjacency[i * N + j];
        }
        expect(rowSum).toBe(4);
        expect(adjacency[i * N + i]).toBe(0);
      }
    }
    expect(Array.from(periodicAdjacency(2).slice(0, 4))).toEqual([0, 2, 2, 0]);
  });

  test('has the analytic spectrum 2 cos(2 pi k1 / L) + 2 cos(2 pi k2 / L)', () => {
    // Jacobi converges to ~1e-13 on these 4..36-dimensional integer matrices.
    for (const L of [2, 4, 6]) {
      const numeric = jacobiEigenvalues(periodicAdjacency(L), L * L);
      const analytic = Array.from(adjacencyEigenvalues(L)).sort((x, y) => x - y);
      for (let i = 0; i < numeric.length; i++) expect(numeric[i]).toBeCloseTo(analytic[i], 10);
    }
  });

  test('has smallest eigenvalue -4, as Cholesky of A - mu I confirms', () => {
    // A - mu I is positive definite exactly when mu < lambda_min.
    for (const L of [2, 4, 6, 8]) {
      const N = L * L;
      const adjacency = periodicAdjacency(L);
      const lambdaMin = adjacencyMinEigenvalue(L);
      expect(lambdaMin).toBe(-4);
      const below = shiftedDiagonal(adjacency, N, -(lambdaMin - 1e-6));
      const above = shiftedDiagonal(adjacency, N, -(lambdaMin + 1e-6));
      expect(() => choleskyFactor(below, N)).not.toThrow();
      expect(() => choleskyFactor(above, N)).toThrow(RangeError);
    }
  });

  test('rejects odd L', () => {
    expect(() => periodicAdjacency(5)).toThrow(
      'lattice size L must be an even integer >= 2, got 5',
    );
    expect(() => adjacencyEigenvalues(0)).toThrow(RangeError);
  });
});
