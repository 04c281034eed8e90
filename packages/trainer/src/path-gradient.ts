import type { Flow } from '@neuralrg/bijectors';
import type { EnergyModel } from '@neuralrg/energies';
import { tf } from '@neuralrg/tensor';
import type { Tensor, Tensor2D, Variable } from '@neuralrg/tensor';
import type { ShardGradients } from './objective';

/**
 * Copies the parameter values of `flow` into `shadow`, a second flow of
 * the same architecture (same parameter order and shapes).
 */
export function syncShadow(variables: Variable[], shadow: Variable[]): void {
  variables.forEach((variable, i) => shadow[i].assign(variable));
}

/**
 * The "sticking the landing" reverse-KL gradient (Roeder, Wu and Duvenaud,
 * NeurIPS 2017, arXiv:1703.09194). With x = g_theta(z), the loss per sample
 * ln q_theta(x) + E(x) has total derivative
 *   d/dtheta = [d ln q / dx + dE/dx] dx/dtheta  +  d ln q_theta / dtheta |_x fixed.
 * The second (score) term has zero mean under q, E_q[d ln q / dtheta] = 0,
 * but nonzero variance; dropping it leaves an unbiased estimator whose
 * variance vanishes as q -> pi, where d ln q / dx = -dE/dx for every x.
 *
 * The score term is dropped by evaluating ln q at x = g_theta(z) with a
 * `shadow` copy of the flow, whose variables hold the same values but are
 * not among those differentiated: ln q_shadow(x) passes gradients to x only.
 * The loss values equal the usual ones. Costs one extra inverse pass.
 */
export function pathGradients(
  flow: Flow,
  shadow: Flow,
  energy: EnergyModel,
  variables: Variable[],
  z: Tensor2D,
): ShardGradients {
  let perSample: Tensor | undefined;
  const { value, grads } = tf.variableGrads(() => {
    const x = flow.bijector.forward(z).y;
    const loss = tf.add(shadow.logProb(x), energy.energy(x));
    perSample = tf.keep(loss);
    return tf.sum(loss) as tf.Scalar;
  }, variables);
  const losses = (perSample as Tensor).dataSync() as Float32Array;
  perSample?.dispose();
  value.dispose();
  return { losses, grads: variables.map((v) => grads[v.name]) };
}
