import { tf } from '@neuralrg/tensor';

/**
 * Runs `fn` and releases every tensor it made, like tf.tidy, for functions
 * that return host values (typed arrays, numbers) rather than tensors.
 */
export function hostTidy<T>(fn: () => T): T {
  tf.engine().startScope();
  try {
    return fn();
  } finally {
    tf.engine().endScope();
  }
}
