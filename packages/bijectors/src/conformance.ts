import { Rng, liveTensors, tf } from '@neuralrg/tensor';
import type { Tensor2D } from '@neuralrg/tensor';
import type { Bijector } from './bijector';
import { deserializeBijector, serializeBijector } from './serialize';

export interface ConformanceOptions {
  /** Rows of the random test batch (default 4). */
  batch?: number;
  /** Rows whose ln|det| is checked against a full Jacobian (default 2). */
  jacobianRows?: number;
  /** Absolute tolerance on values and ln|det| (default 2e-3, float32). */
  tolerance?: number;
  /** Standard deviation of the test inputs (default 1). */
  scale?: number;
  seed?: number;
}

/** What {@link checkConformance} measured, and which checks failed. */
export interface ConformanceReport {
  passed: boolean;
  failures: string[];
  roundTrip: number;
  inverseRoundTrip: number;
  logDetSum: number;
  logDetJacobian: number;
  batchIndependence: number;
  serialization: number;
  leakedTensors: number;
}

/**
 * The checks every bijector must pass, for built-ins and plugins alike:
 * - inverse(forward(z)) = z and forward(inverse(x)) = x;
 * - ln|det| of forward and inverse add up to 0 at matching points;
 * - ln|det dx/dz| equals ln|det| of the Jacobian from reverse-mode
 *   autodiff, evaluated in float64 by LU;
 * - each row is transformed independently of the rest of the batch;
 * - serialize -> deserialize gives the same map (the type is registered
 *   and the spec rebuilds it);
 * - passes inside tf.tidy leave no tensors behind.
 *
 * @example
 *   const report = checkConformance(myBijector);
 *   if (!report.passed) throw new Error(report.failures.join('\n'));
 */
export function checkConformance(bijector: Bijector, options: ConformanceOptions = {}): ConformanceReport {
  const batch = options.batch ?? 4;
  const tolerance = options.tolerance ?? 2e-3;
  const rng = new Rng(options.seed ?? 12345);
  const dim = bijector.dim;
  const z = rng.fillNormal(new Float32Array(batch * dim)).map((v) => v * (options.scale ?? 1));
  const failures: string[] = [];
  const check = (name: string, value: number) => {
    if (!(value <= tolerance)) failures.push(`${name}: error ${value} exceeds tolerance ${tolerance}`);
    return value;
  };

  const before = liveTensors();
  const passes = tf.tidy(() => {
    const zt = tf.tensor2d(z, [batch, dim]);
    const fwd = bijector.forward(zt);
    const inv = bijector.inverse(fwd.y);
    const again = bijector.forward(inv.y);
    return {
      x: fwd.y.dataSync().slice(),
      logDet: fwd.logDet.dataSync().slice(),
      roundTrip: maxAbsDiff(inv.y.dataSync(), z),
      inverseRoundTrip: maxAbsDiff(again.y.dataSync(), fwd.y.dataSync()),
      logDetSum: maxAbs(tf.add(fwd.logDet, inv.logDet).dataSync()),
    };
  });
  const leakedTensors = liveTensors() - before;
  if (leakedTensors !== 0) failures.push(`passes inside tf.tidy left ${leakedTensors} tensors behind`);

  let batchIndependence = 0;
  for (let b = 0; b < batch; b++) {
    const row = tf.tidy(() => bijector.forward(tf.tensor2d(z.slice(b * dim, (b + 1) * dim), [1, dim])).y.dataSync());
    batchIndependence = Math.max(batchIndependence, maxAbsDiff(row, passes.x.subarray(b * dim, (b + 1) * dim)));
  }

  let logDetJacobian = 0;
  for (let b = 0; b < Math.min(batch, options.jacobianRows ?? 2); b++) {
    const point = z.slice(b * dim, (b + 1) * dim);
    const numeric = logAbsDet(jacobian((t) => bijector.forward(t).y, point), dim);
    logDetJacobian = Math.max(logDetJacobian, Math.abs(numeric - passes.logDet[b]));
  }

  let serialization = Infinity;
  try {
    const copy = deserializeBijector(JSON.parse(JSON.stringify(serializeBijector(bijector))));
    const y = tf.tidy(() => copy.forward(tf.tensor2d(z, [batch, dim])).y.dataSync());
    serialization = maxAbsDiff(y, passes.x);
    copy.dispose();
  } catch (error) {
    failures.push(`serialization round trip failed: ${(error as Error).message}`);
  }

  const report = {
    roundTrip: check('inverse(forward(z)) = z', passes.roundTrip),
    inverseRoundTrip: check('forward(inverse(x)) = x', passes.inverseRoundTrip),
    logDetSum: check('forward + inverse ln|det| = 0', passes.logDetSum),
    logDetJacobian: check('ln|det| against the autodiff Jacobian', logDetJacobian),
    batchIndependence: check('rows transformed independently', batchIndependence),
    serialization: Number.isFinite(serialization) ? check('serialization round trip', serialization) : serialization,
    leakedTensors,
  };
  return { passed: failures.length === 0, failures, ...report };
}

/**
 * The Jacobian dy/dx of a pass at one point, by reverse-mode autodiff one
 * output at a time, as a row-major dim x dim Float64Array.
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

function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let worst = 0;
  for (let i = 0; i < a.length; i++) {
    const d = Math.abs(a[i] - b[i]);
    worst = Number.isNaN(d) ? Infinity : Math.max(worst, d);
  }
  return worst;
}

function maxAbs(a: ArrayLike<number>): number {
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Number.isNaN(a[i]) ? Infinity : Math.max(worst, Math.abs(a[i]));
  return worst;
}
