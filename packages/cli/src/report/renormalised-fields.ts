import { Chain, hierarchyLayers, layoutHasLevels } from '@neuralrg/bijectors';
import type { RenormalisedFields } from '@neuralrg/report';
import { Rng, tf } from '@neuralrg/tensor';
import type { Tensor2D } from '@neuralrg/tensor';
import type { TrainedRun } from '../estimate/load-run';

/** Samples shown, and the seed of their generator (fixed, so the figure is the same every time). */
export const RENORMALISED_SAMPLES = 4;
export const RENORMALISED_SEED = 1;

/** The rows of `values` ([samples, L*L], row-major sites) restricted to the sites of the 2^k grid. */
function coarseSites(values: Float32Array, samples: number, L: number, k: number): number[][] {
  const stride = 2 ** k;
  const rows: number[][] = [];
  for (let s = 0; s < samples; s++) {
    const row: number[] = [];
    for (let i = 0; i < L; i += stride) {
      for (let j = 0; j < L; j += stride) row.push(values[s * L * L + i * L + j]);
    }
    rows.push(row);
  }
  return rows;
}

/**
 * Follows a few flow samples x through the renormalisation direction of
 * the flow's hierarchy, one RG level at a time: after level k - 1 (its
 * disentanglers, then its decimator, inverted), the variables on the
 * sites of the 2^k grid are the ones that go on to level k, the
 * renormalised variables at scale k (Li and Wang, PRL 121, 260601, 2018).
 * Scale 0 is x itself. Undefined when the flow is not a 2D hierarchy with
 * decimators (a 1D chain, or the 'disentangler' layout, has no scales).
 */
export function renormalisedFields(run: TrainedRun): RenormalisedFields | undefined {
  const shape = run.energy.shape;
  if (shape.length !== 2 || shape[0] !== shape[1]) return undefined;
  const L = shape[0];
  const flowConfig = run.checkpoint.config.flow;
  if (!layoutHasLevels(flowConfig.layout)) return undefined;
  // The layers as the trainer built them (see the trainer's flow construction).
  const layers = hierarchyLayers({ L, dims: 2, ...flowConfig });
  const chain = run.flow.bijector;
  if (!(chain instanceof Chain) || chain.parts.length !== layers.length) return undefined;
  const depth = Math.max(...layers.map((layer) => layer.level)) + 1;

  const scales: RenormalisedFields['scales'] = [];
  tf.tidy(() => {
    let current = run.flow.sample(RENORMALISED_SAMPLES, new Rng(RENORMALISED_SEED)).x as Tensor2D;
    scales.push({
      scale: 0,
      size: L,
      fields: coarseSites(current.dataSync() as Float32Array, RENORMALISED_SAMPLES, L, 0),
    });
    for (let k = 1; k <= depth; k++) {
      for (let p = chain.parts.length - 1; p >= 0; p--) {
        if (layers[p].level === k - 1) current = chain.parts[p].inverse(current).y;
      }
      const values = current.dataSync() as Float32Array;
      scales.push({
        scale: k,
        size: L / 2 ** k,
        fields: coarseSites(values, RENORMALISED_SAMPLES, L, k),
      });
    }
  });
  return { step: run.checkpoint.step, seed: RENORMALISED_SEED, scales };
}
