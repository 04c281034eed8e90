/**
 * The single tfjs instance shared by every neuralrg package. Other
 * packages import `tf` from here so that one engine, one backend registry
 * and one memory tracker serve the whole program.
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';

// Library code does not print: PROD silences tfjs's console banners.
tf.env().set('PROD', true);

export { tf };
export type Tensor = tf.Tensor;
export type Tensor1D = tf.Tensor1D;
export type Tensor2D = tf.Tensor2D;
export type Tensor4D = tf.Tensor4D;
export type Variable = tf.Variable;
