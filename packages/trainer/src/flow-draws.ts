import type { Flow } from '@neuralrg/bijectors';
import type { EnergyModel } from '@neuralrg/energies';
import { Rng, tf } from '@neuralrg/tensor';

/** One chunk of flow samples with their densities and energies. */
export interface FlowDraw {
  /** `rows` configurations, row-major [rows, size]. */
  x: Float32Array;
  rows: number;
  /** ln q(x) of each row (of q_sym for a symmetric flow). */
  logQ: Float64Array;
  /** E(x) of each row. */
  energy: Float64Array;
}

/**
 * Draws `rows` configurations from the flow with ln q and E. For a
 * symmetric flow each configuration is negated with probability 1/2 (one
 * uniform variate of `rng` per row): the flow draws from q, and the
 * flip turns that into an exact draw from q_sym(x) = [q(x) + q(-x)] / 2,
 * the density ln q refers to. E and ln q_sym are even, so they stay.
 */
export function drawFromFlow(flow: Flow, energy: EnergyModel, rows: number, rng: Rng): FlowDraw {
  const { x, logQ, values } = tf.tidy(() => {
    const sample = flow.sample(rows, rng);
    return {
      x: sample.x.dataSync() as Float32Array,
      logQ: sample.logQ.dataSync() as Float32Array,
      values: energy.energy(sample.x).dataSync() as Float32Array,
    };
  });
  const configurations = Float32Array.from(x);
  if (flow.symmetric) {
    const dim = flow.dim;
    for (let b = 0; b < rows; b++) {
      if (rng.uniform() < 0.5) {
        for (let i = b * dim; i < (b + 1) * dim; i++) configurations[i] = -configurations[i];
      }
    }
  }
  return { x: configurations, rows, logQ: Float64Array.from(logQ), energy: Float64Array.from(values) };
}
