import { Flow, buildHierarchy } from '@neuralrg/bijectors';
import type { EnergyModel } from '@neuralrg/energies';
import { Rng, tf } from '@neuralrg/tensor';
import type { Tensor, Tensor2D, Variable } from '@neuralrg/tensor';
import type { TrainConfig } from './config';
import { loadPlugins } from './plugins';

/**
 * The flow a config describes, laid out on the energy's variables: a 2D
 * hierarchy for shape [L, L], a 1D one for shape [N] (N a power of the
 * block size; N = 2 gives a single block, a plain coupling flow). The
 * config's plugins are loaded first, so plugin block types resolve.
 */
export function buildFlow(config: TrainConfig, energy: EnergyModel, rng: Rng): Flow {
  loadPlugins(config.plugins);
  const shape = energy.shape;
  const square = shape.length === 2 && shape[0] === shape[1];
  if (!square && shape.length !== 1) {
    throw new RangeError(
      `the hierarchical flow needs an L x L lattice or a chain, got energy shape [${shape.join(', ')}]`,
    );
  }
  const bijector = buildHierarchy({ L: shape[0], dims: square ? 2 : 1, ...config.flow }, rng);
  return new Flow(bijector, config.symmetric);
}

/** Per-sample losses and the gradient of their sum. */
export interface ShardGradients {
  /** ln q(x) + E(x) for each latent row. */
  losses: Float32Array;
  /** d(sum of losses)/d(parameter), in the order of the variables. */
  grads: Tensor[];
}

/**
 * The reverse-KL objective on given latent variables: x = g(z), loss
 * ln q(x) + E(x) per row, and its gradient with respect to the flow's
 * parameters through x (reparametrisation trick). Summing over rows lets
 * a batch be split across workers and the parts simply added.
 */
export function lossGradients(
  flow: Flow,
  energy: EnergyModel,
  variables: Variable[],
  z: Tensor2D,
): ShardGradients {
  let perSample: Tensor | undefined;
  const { value, grads } = tf.variableGrads(() => {
    const { x, logQ } = flow.generate(z);
    const loss = tf.add(logQ, energy.energy(x));
    perSample = tf.keep(loss);
    return tf.sum(loss) as tf.Scalar;
  }, variables);
  const losses = (perSample as Tensor).dataSync() as Float32Array;
  perSample?.dispose();
  value.dispose();
  return { losses, grads: variables.map((v) => grads[v.name]) };
}
