import { Rng } from '@neuralrg/tensor';

/**
 * The generator for the final estimates and sample pictures of a run at
 * `step`: a 32-bit hash (MurmurHash3's finaliser) of the run's seed and the
 * step. It leaves the training generator alone, so that evaluating a run
 * never changes how a resumed run continues, and a run evaluated at the
 * same step gets the same numbers however many sessions it took.
 */
export function evaluationRng(seed: number, step: number): Rng {
  let h = Math.imul(seed ^ 0x2545f491, 0xcc9e2d51) ^ Math.imul(step, 0x1b873593);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return new Rng((h ^ (h >>> 16)) >>> 0);
}
