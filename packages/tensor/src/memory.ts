import { tf } from './tf';

/** Number of tensors alive in the engine, for leak checks. */
export function liveTensors(): number {
  return tf.memory().numTensors;
}

/** Peak bytes held by the engine since start-up, where the backend reports it. */
export function engineBytes(): number {
  return tf.memory().numBytes;
}

/** Overwrites a variable with plain values, leaving no temporary tensor behind. */
export function assignValues(variable: tf.Variable, values: Float32Array | number[]): void {
  tf.tidy(() => variable.assign(tf.tensor(values, variable.shape)));
}

/**
 * A variable holding `initial`, without keeping `initial` alive as a
 * separate tensor (tf.variable leaves its argument to the caller).
 */
export function variableOf(initial: tf.Tensor, trainable = true): tf.Variable {
  const variable = tf.variable(initial, trainable);
  initial.dispose();
  return variable;
}
