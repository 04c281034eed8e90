import type { Flow } from '@neuralrg/bijectors';
import { decodeSpins } from '@neuralrg/energies';
import { Rng, tf } from '@neuralrg/tensor';

/**
 * Draws `count` Ising spin configurations from a trained flow on the
 * continuous dual: x ~ q, then s_i = +1 with probability sigmoid(2 x_i)
 * (see decodeSpins). For a symmetric flow, x is negated with probability
 * 1/2 first, which turns draws from q into draws from
 * q_sym(x) = [q(x) + q(-x)] / 2, the density that was trained.
 *
 * @returns one Int8Array of +1/-1 per configuration, site (i, j) at i * L + j.
 */
export function sampleSpinConfigurations(flow: Flow, count: number, rng: Rng): Int8Array[] {
  const dim = flow.dim;
  const values = tf.tidy(() => flow.sample(count, rng).x.dataSync() as Float32Array);

  const configurations: Int8Array[] = [];
  for (let n = 0; n < count; n++) {
    const x = values.slice(n * dim, (n + 1) * dim);
    if (flow.symmetric && rng.uniform() < 0.5) {
      for (let i = 0; i < dim; i++) x[i] = -x[i];
    }
    configurations.push(decodeSpins(x, rng));
  }
  return configurations;
}
