import { tf } from './tf';

/** Number of tensors alive in the engine, for leak checks. */
export function liveTensors(): number {
  return tf.memory().numTensors;
}

/** Peak bytes held by the engine since start-up, where the backend reports it. */
export function engineBytes(): number {
  return tf.memory().numBytes;
}
