import { Rng, tf, variableOf } from '@neuralrg/tensor';
import type { Variable } from '@neuralrg/tensor';

/**
 * A [fanOut, fanIn] weight variable (it maps feature-major batches,
 * y = W x) drawn uniformly from
 * +-gain * sqrt(6 / (fanIn + fanOut)) (Glorot and Bengio 2010).
 * gain = 0 gives zeros, which makes a coupling start as the identity.
 */
export function glorotVariable(rng: Rng, fanIn: number, fanOut: number, gain = 1): Variable {
  return glorotVariableOfShape(rng, fanIn, fanOut, [fanOut, fanIn], gain);
}

/**
 * A weight variable of any `shape` (e.g. a [k, k, in, out] filter) drawn
 * like {@link glorotVariable} for the given fan-in and fan-out.
 */
export function glorotVariableOfShape(rng: Rng, fanIn: number, fanOut: number, shape: number[], gain = 1): Variable {
  const limit = gain * Math.sqrt(6 / (fanIn + fanOut));
  const values = new Float32Array(shape.reduce((a, b) => a * b, 1));
  if (gain !== 0) rng.fillUniform(values, -limit, limit);
  return variableOf(tf.tensor(values, shape));
}

/** A zero column variable [length, 1] (biases of feature-major layers). */
export function zerosVariable(length: number): Variable {
  return variableOf(tf.zeros([length, 1]));
}
