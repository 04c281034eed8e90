import { Rng, tf, variableOf } from '@neuralrg/tensor';
import type { Variable } from '@neuralrg/tensor';

/**
 * A [fanOut, fanIn] weight variable (it maps feature-major batches,
 * y = W x) drawn uniformly from
 * +-gain * sqrt(6 / (fanIn + fanOut)) (Glorot and Bengio 2010).
 * gain = 0 gives zeros, which makes a coupling start as the identity.
 */
export function glorotVariable(rng: Rng, fanIn: number, fanOut: number, gain = 1): Variable {
  const limit = gain * Math.sqrt(6 / (fanIn + fanOut));
  const values = new Float32Array(fanIn * fanOut);
  if (gain !== 0) rng.fillUniform(values, -limit, limit);
  return variableOf(tf.tensor2d(values, [fanOut, fanIn]));
}

/** A zero column variable [length, 1] (biases of feature-major layers). */
export function zerosVariable(length: number): Variable {
  return variableOf(tf.zeros([length, 1]));
}
