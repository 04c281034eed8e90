/**
 * Dense float64 Cholesky factorisation and what follows from it, for the
 * symmetric positive definite couplings of this package. Matrices are
 * row-major Float64Arrays of n*n entries. Cost O(n^3) time, O(n^2) memory.
 */

/**
 * The lower-triangular factor F with A = F F^T (Cholesky-Banachiewicz).
 *
 * @throws RangeError when `matrix` does not have n*n entries, or when it is
 *   not positive definite (a pivot <= 0 or not finite).
 */
export function choleskyFactor(matrix: Float64Array, n: number): Float64Array {
  if (matrix.length !== n * n) {
    throw new RangeError(`matrix must have n*n = ${n * n} entries, got ${matrix.length}`);
  }

  const factor = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    const rowI = i * n;
    for (let j = 0; j <= i; j++) {
      const rowJ = j * n;
      let sum = matrix[rowI + j];
      for (let k = 0; k < j; k++) sum -= factor[rowI + k] * factor[rowJ + k];
      if (i === j) {
        if (!(sum > 0) || !Number.isFinite(sum)) {
          throw new RangeError(
            `matrix must be positive definite, but pivot ${i} of its Cholesky factor is ${sum}`,
          );
        }
        factor[rowI + i] = Math.sqrt(sum);
      } else {
        factor[rowI + j] = sum / factor[rowJ + j];
      }
    }
  }
  return factor;
}

/** ln det A = 2 sum_i ln F_ii from the Cholesky factor F of A. */
export function choleskyLogDet(factor: Float64Array, n: number): number {
  let logDet = 0;
  for (let i = 0; i < n; i++) logDet += Math.log(factor[i * n + i]);
  return 2 * logDet;
}

/**
 * A^-1 = F^-T F^-1 from the Cholesky factor F of A: F is inverted by
 * forward substitution, then the symmetric product is formed.
 */
export function choleskyInverse(factor: Float64Array, n: number): Float64Array {
  const lowerInverse = new Float64Array(n * n);
  for (let j = 0; j < n; j++) {
    lowerInverse[j * n + j] = 1 / factor[j * n + j];
    for (let i = j + 1; i < n; i++) {
      let sum = 0;
      for (let k = j; k < i; k++) sum -= factor[i * n + k] * lowerInverse[k * n + j];
      lowerInverse[i * n + j] = sum / factor[i * n + i];
    }
  }

  const inverse = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = 0;
      for (let k = i; k < n; k++) sum += lowerInverse[k * n + i] * lowerInverse[k * n + j];
      inverse[i * n + j] = sum;
      inverse[j * n + i] = sum;
    }
  }
  return inverse;
}
