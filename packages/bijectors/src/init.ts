import { Rng, tf } from '@neuralrg/tensor';
import type { Variable } from '@neuralrg/tensor';

/**
 * A [fanIn, fanOut] weight variable drawn uniformly from
 * +-gain * sqrt(6 / (fanIn + fanOut)) (Glorot and Bengio 2010).
 * gain = 0 gives zeros, which makes a coupling start as the identity.
 */
export function glorotVariable(rng: Rng, fanIn: number, fanOut: number, gain = 1): Variable {
  const limit = gain * Math.sqrt(6 / (fanIn + fanOut));
  const values = new Float32Array(fanIn * fanOut);
  if (gain !== 0) rng.fillUniform(values, -limit, limit);
  return tf.variable(tf.tensor2d(values, [fanIn, fanOut]), true);
}

/** A zero vector variable (biases). */
export function zerosVariable(length: number): Variable {
  return tf.variable(tf.zeros([length]), true);
}
