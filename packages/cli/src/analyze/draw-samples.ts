import type { Flow } from '@neuralrg/bijectors';
import type { EnergyModel } from '@neuralrg/energies';
import { Rng, tf } from '@neuralrg/tensor';
import type { Tensor, Tensor2D } from '@neuralrg/tensor';
import { RunError } from '../errors';

/** Configurations per flow call: large enough to amortise op overhead, small for wasm memory. */
const SAMPLE_BATCH = 500;

/** Physical and latent variables of the same draws, row-major [n, N]. */
export interface DrawnSamples {
  n: number;
  /** Variables per configuration, L * L. */
  size: number;
  x: Float32Array;
  z: Float32Array;
  /** ESS / n of the weights pi(x) / q(x) of these draws. */
  essFraction: number;
}

/**
 * Draws n configurations from the flow and encodes them. With `flip` (for
 * a Z2-symmetrised flow), each x ~ q is negated with probability 1/2,
 * which makes x an exact draw of q_sym(x) = [q(x) + q(-x)] / 2; without,
 * x ~ q itself. Then z = g^-1(x). The draws are not reweighted to the
 * target; the effective sample size (sum w)^2 / (n sum w^2) of
 * ln w = -E(x) - ln q(x) (ln q_sym with flips) says how far the sampled
 * density is from it.
 *
 * @throws RunError when the flow produces non-finite values.
 */
export function drawSamples(
  flow: Flow,
  energy: EnergyModel,
  n: number,
  rng: Rng,
  flip: boolean,
): DrawnSamples {
  const size = flow.dim;
  const x = new Float32Array(n * size);
  const z = new Float32Array(n * size);
  const logWeights = new Float64Array(n);
  for (let start = 0; start < n; start += SAMPLE_BATCH) {
    const batch = Math.min(SAMPLE_BATCH, n - start);
    const { values, logQ, energies } = tf.tidy(() => {
      const prior = flow.prior.sample(batch, rng);
      // With flips the draws follow q_sym, whose log-density the flow gives;
      // without, they follow q: ln q(x) = ln p(z) - ln|det dx/dz|.
      const { x, logQ } = flip ? flow.generate(prior) : plainDensity(flow, prior);
      return {
        values: x.dataSync() as Float32Array,
        logQ: logQ.dataSync() as Float32Array,
        energies: energy.energy(x).dataSync() as Float32Array,
      };
    });
    if (flip) flipHalf(values, batch, size, rng);
    x.set(values, start * size);
    const latent = tf.tidy(() => flow.encode(tf.tensor2d(values, [batch, size]) as Tensor2D).dataSync());
    z.set(latent as Float32Array, start * size);
    // E(-x) = E(x) and q_sym(-x) = q_sym(x): the weights ignore the flips.
    for (let b = 0; b < batch; b++) logWeights[start + b] = -energies[b] - logQ[b];
  }
  checkFinite(x, 'physical');
  checkFinite(z, 'latent');
  return { n, size, x, z, essFraction: essFraction(logWeights) };
}

/** x = g(z) with ln q(x) of the flow itself, never symmetrised. */
function plainDensity(flow: Flow, prior: Tensor2D): { x: Tensor2D; logQ: Tensor } {
  const { y, logDet } = flow.bijector.forward(prior);
  return { x: y, logQ: tf.sub(flow.prior.logProb(prior), logDet) };
}

/** Negates each row with probability 1/2. */
function flipHalf(values: Float32Array, batch: number, size: number, rng: Rng): void {
  for (let b = 0; b < batch; b++) {
    if (rng.uniform() < 0.5) {
      for (let s = 0; s < size; s++) values[b * size + s] = -values[b * size + s];
    }
  }
}

function checkFinite(values: Float32Array, what: string): void {
  const bad = values.findIndex((v) => !Number.isFinite(v));
  if (bad >= 0) {
    throw new RunError(
      `the flow produced ${values[bad]} in the ${what} variables (entry ${bad}); ` +
        'the checkpoint may be diverged',
    );
  }
}

/** (sum w)^2 / (n sum w^2) from ln w, in log space. */
export function essFraction(logWeights: Float64Array): number {
  let top = -Infinity;
  for (const v of logWeights) top = Math.max(top, v);
  if (!Number.isFinite(top)) return 0;
  let sum = 0;
  let sumSquares = 0;
  for (const v of logWeights) {
    const w = Math.exp(v - top);
    sum += w;
    sumSquares += w * w;
  }
  return (sum * sum) / (logWeights.length * sumSquares);
}
