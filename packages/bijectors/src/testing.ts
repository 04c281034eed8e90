import { Rng, tf } from '@neuralrg/tensor';
import type { Tensor2D } from '@neuralrg/tensor';
import type { Bijector, NamedVariable } from './bijector';

/** Adds N(0, scale^2) noise to every parameter, so tests see a non-trivial map. */
export function perturbParameters(params: NamedVariable[], rng: Rng, scale: number): void {
  for (const { variable } of params) {
    const noise = rng.fillNormal(new Float32Array(variable.size));
    tf.tidy(() => variable.assign(tf.add(variable, tf.mul(tf.tensor(noise, variable.shape), scale))));
  }
}

/**
 * The Jacobian dy/dx of a bijector pass at one point, by reverse-mode
 * autodiff one output at a time, as a row-major dim x dim Float64Array.
 */
export function jacobian(pass: (x: Tensor2D) => Tensor2D, point: Float32Array): Float64Array {
  const dim = point.length;
  const out = new Float64Array(dim * dim);
  for (let i = 0; i < dim; i++) {
    const row = tf.tidy(() => {
      const grad = tf.grad((x: tf.Tensor) => tf.sum(tf.slice(pass(x as Tensor2D), [0, i], [1, 1])));
      return grad(tf.tensor2d(point, [1, dim])).dataSync();
    });
    for (let j = 0; j < dim; j++) out[i * dim + j] = row[j];
  }
  return out;
}

/** ln|det A| of a row-major n x n matrix, by LU with partial pivoting in float64. */
export function logAbsDet(matrix: Float64Array, n: number): number {
  const a = Float64Array.from(matrix);
  let total = 0;
  for (let k = 0; k < n; k++) {
    let pivot = k;
    for (let i = k + 1; i < n; i++) if (Math.abs(a[i * n + k]) > Math.abs(a[pivot * n + k])) pivot = i;
    if (a[pivot * n + k] === 0) return -Infinity;
    if (pivot !== k) {
      for (let j = 0; j < n; j++) {
        const t = a[k * n + j];
        a[k * n + j] = a[pivot * n + j];
        a[pivot * n + j] = t;
      }
    }
    const diag = a[k * n + k];
    total += Math.log(Math.abs(diag));
    for (let i = k + 1; i < n; i++) {
      const f = a[i * n + k] / diag;
      for (let j = k; j < n; j++) a[i * n + j] -= f * a[k * n + j];
    }
  }
  return total;
}

/** Largest absolute difference between two arrays. */
export function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i] - b[i]));
  return worst;
}

/**
 * Checks invertibility and ln|det| of a bijector on a random batch;
 * returns the worst errors found, for tests to bound.
 */
export function conformance(bijector: Bijector, rng: Rng, batch = 3) {
  const dim = bijector.dim;
  const z = rng.fillNormal(new Float32Array(batch * dim));
  const [roundTrip, inverseOfForward, logDetSum, x] = tf.tidy(() => {
    const zt = tf.tensor2d(z, [batch, dim]);
    const fwd = bijector.forward(zt);
    const inv = bijector.inverse(fwd.y);
    return [
      maxAbsDiff(inv.y.dataSync(), z),
      maxAbsDiff(bijector.forward(inv.y).y.dataSync(), fwd.y.dataSync()),
      maxAbsDiff(tf.add(fwd.logDet, inv.logDet).dataSync(), new Float32Array(batch)),
      { points: fwd.y.dataSync().slice(), logDet: fwd.logDet.dataSync().slice() },
    ] as const;
  });
  let logDetError = 0;
  for (let b = 0; b < batch; b++) {
    const point = z.slice(b * dim, (b + 1) * dim);
    const numeric = logAbsDet(jacobian((t) => bijector.forward(t).y, point), dim);
    logDetError = Math.max(logDetError, Math.abs(numeric - x.logDet[b]));
  }
  return { roundTrip, inverseOfForward, logDetSum, logDetError };
}
