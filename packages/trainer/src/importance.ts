import { Flow } from '@neuralrg/bijectors';
import type { EnergyModel } from '@neuralrg/energies';
import { Rng, tf } from '@neuralrg/tensor';
import { logMeanExp, meanAndStdErr } from './statistics';

/**
 * Rows per forward pass when estimating: at least 1024, so that a run
 * trained with tiny batches does not evaluate thousands of samples one
 * pass at a time.
 */
export function evaluationBatch(trainingBatch: number): number {
  return Math.max(trainingBatch, 1024);
}

/** Estimates that use samples of a trained flow. */
export interface FlowEstimates {
  samples: number;
  /** Variational free energy F_q = E_q[ln q + E], an upper bound on -ln Z. */
  freeEnergy: number;
  freeEnergyStdErr: number;
  /** ln Z = ln E_q[exp(-E - ln q)], importance sampled. */
  lnZ: number;
  /** Delta-method standard error of lnZ: sd(w) / (sqrt(n) mean(w)). */
  lnZStdErr: number;
  /** (sum w)^2 / (n sum w^2). */
  essFraction: number;
}

/**
 * Draws `samples` configurations from the flow in batches and forms the
 * free-energy bound, the importance-sampled ln Z and the effective sample
 * size fraction, with ln w = -E(x) - ln q(x) kept in log space.
 */
export function estimateWithFlow(
  flow: Flow,
  energy: EnergyModel,
  samples: number,
  batch: number,
  rng: Rng,
): FlowEstimates {
  if (!Number.isInteger(samples) || samples <= 0) {
    throw new RangeError(`samples must be a positive integer, got ${samples}`);
  }
  const logWeights = new Float64Array(samples);
  for (let start = 0; start < samples; start += batch) {
    const size = Math.min(batch, samples - start);
    const chunk = tf.tidy(() => {
      const { x, logQ } = flow.sample(size, rng);
      return tf.neg(tf.add(energy.energy(x), logQ)).dataSync();
    });
    logWeights.set(chunk, start);
  }
  const bound = meanAndStdErr(logWeights.map((w) => -w));
  const lnZ = logMeanExp(logWeights);
  const lnSecondMoment = logMeanExp(logWeights.map((w) => 2 * w));
  const essFraction = Math.exp(2 * lnZ - lnSecondMoment);
  const relativeVariance = Math.max(0, Math.exp(lnSecondMoment - 2 * lnZ) - 1);
  return {
    samples,
    freeEnergy: bound.mean,
    freeEnergyStdErr: bound.stdErr,
    lnZ,
    lnZStdErr: Math.sqrt(relativeVariance / samples),
    essFraction,
  };
}
