import type { Flow } from '@neuralrg/bijectors';
import { tf } from '@neuralrg/tensor';
import type { Tensor, Tensor2D, Variable } from '@neuralrg/tensor';
import type { ShardGradients } from './objective';
import { meanAndStdErr } from './statistics';

/**
 * The forward-KL (maximum-likelihood) objective on data rows x:
 * loss -ln q(x) per row, through the inverse pass z = g^-1(x), and the
 * gradient of the sum with respect to the flow's parameters. Minimising
 * E_data[-ln q] minimises KL(pi || q) when the data are drawn from pi.
 */
export function nllGradients(flow: Flow, variables: Variable[], x: Tensor2D): ShardGradients {
  let perSample: Tensor | undefined;
  const { value, grads } = tf.variableGrads(() => {
    const nll = tf.neg(flow.logProb(x));
    perSample = tf.keep(nll);
    return tf.sum(nll) as tf.Scalar;
  }, variables);
  const losses = (perSample as Tensor).dataSync() as Float32Array;
  perSample?.dispose();
  value.dispose();
  return { losses, grads: variables.map((v) => grads[v.name]) };
}

/**
 * Mean NLL -(1/n) sum ln q(x_i) of `rows` rows of `values` with its
 * standard error, evaluated in batches without gradients.
 */
export function meanNll(
  flow: Flow,
  values: Float32Array,
  rows: number,
  batch: number,
): { mean: number; stdErr: number } {
  const dim = flow.dim;
  const nll = new Float64Array(rows);
  for (let start = 0; start < rows; start += batch) {
    const size = Math.min(batch, rows - start);
    const chunk = tf.tidy(() => {
      const x = tf.tensor2d(values.subarray(start * dim, (start + size) * dim), [size, dim]);
      return tf.neg(flow.logProb(x)).dataSync();
    });
    nll.set(chunk, start);
  }
  return meanAndStdErr(nll);
}
