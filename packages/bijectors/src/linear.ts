import { tf } from '@neuralrg/tensor';
import type { Tensor, Tensor2D } from '@neuralrg/tensor';

/**
 * y = W x + b on a feature-major batch x [in, B], with W [out, in] and
 * b [out, 1], and its gradients
 *   dW = dy x^T,  dx = W^T dy,  db = sum_B dy.
 * Written out because the WebAssembly backend multiplies untransposed
 * operands several times faster than transposed ones: the transposes are
 * taken explicitly (of W, which is tiny, and once of x), instead of the
 * transposed products tfjs's own gradient of matMul asks for.
 */
export const linearColumns = tf.customGrad((...args: unknown[]) => {
  const [weight, x, bias, save] = args as [Tensor2D, Tensor2D, Tensor2D, (t: Tensor[]) => void];
  const value = tf.add(tf.matMul(weight, x), bias);
  save([weight, x]);
  return {
    value,
    gradFunc: (dy: Tensor, saved: Tensor[]) => {
      const [weight, x] = saved as [Tensor2D, Tensor2D];
      const dy2 = dy as Tensor2D;
      return [
        tf.matMul(dy2, tf.transpose(x)),
        tf.matMul(tf.transpose(weight), dy2),
        tf.sum(dy2, 1, true),
      ];
    },
  };
}) as (weight: Tensor2D, x: Tensor2D, bias: Tensor2D) => Tensor2D;
