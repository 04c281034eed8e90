import { tf } from '@neuralrg/tensor';
import type { Tensor } from '@neuralrg/tensor';

/**
 * Element-wise ln cosh x = |x| + softplus(-2|x|) - ln 2, which does not
 * overflow for large |x| (ln cosh 100 = 100 - ln 2, where cosh itself
 * overflows float32). Near x = 0 its absolute error is that of float32 on
 * ln 2, about 1e-7. Its gradient is tanh x.
 */
export function logCosh(x: Tensor): Tensor {
  return tf.tidy(() => {
    const magnitude = tf.abs(x);
    return tf.sub(tf.add(magnitude, tf.softplus(tf.mul(magnitude, -2))), Math.LN2);
  });
}
