import { Rng } from '@neuralrg/tensor';
import { paretoShape } from '@neuralrg/tensor';
import { logMeanExp } from './statistics';

/** A value with its standard error. */
export interface Estimate {
  value: number;
  stdErr: number;
}

/**
 * Normalised importance weights w_i / sum_j w_j from ln w, computed in log
 * space (the largest ln w is factored out).
 */
export function normalisedWeights(logWeights: ArrayLike<number>): Float64Array {
  let max = -Infinity;
  for (let i = 0; i < logWeights.length; i++) max = Math.max(max, logWeights[i]);
  const weights = new Float64Array(logWeights.length);
  let sum = 0;
  for (let i = 0; i < logWeights.length; i++) {
    weights[i] = Math.exp(logWeights[i] - max);
    sum += weights[i];
  }
  for (let i = 0; i < weights.length; i++) weights[i] /= sum;
  return weights;
}

/**
 * Self-normalised importance sampling: <O>_pi ~ sum_i w~_i O_i with
 * normalised weights w~, and its delta-method standard error
 *   se^2 = sum_i w~_i^2 (O_i - <O>)^2
 * (the linearisation of the ratio sum w O / sum w; Owen, "Monte Carlo
 * theory, methods and examples", 2013, section 9.2). With equal weights
 * it is the plain standard error of the mean (with 1/n for 1/(n-1)).
 */
export function selfNormalisedMean(values: ArrayLike<number>, weights: Float64Array): Estimate {
  let mean = 0;
  for (let i = 0; i < values.length; i++) mean += weights[i] * values[i];
  let variance = 0;
  for (let i = 0; i < values.length; i++) variance += (weights[i] * (values[i] - mean)) ** 2;
  return { value: mean, stdErr: Math.sqrt(variance) };
}

/**
 * A smooth function f of several self-normalised means, with its
 * delta-method standard error: with g = grad f at the means,
 *   psi_i = w~_i sum_j g_j (O_ij - <O_j>),   se^2 = sum_i psi_i^2.
 * The gradient is taken by central differences with step
 * h_j = 1e-4 (1 + |<O_j>|); for the quadratic functions of this package
 * (susceptibility, specific heat, connected correlations) central
 * differences are exact up to rounding.
 */
export function derivedMean(
  f: (means: readonly number[]) => number,
  inputs: readonly ArrayLike<number>[],
  weights: Float64Array,
): Estimate {
  const means = inputs.map((values) => selfNormalisedMean(values, weights).value);
  const value = f(means);
  const gradient = means.map((mean, j) => {
    const h = 1e-4 * (1 + Math.abs(mean));
    const plus = means.slice();
    const minus = means.slice();
    plus[j] += h;
    minus[j] -= h;
    return (f(plus) - f(minus)) / (2 * h);
  });
  let variance = 0;
  for (let i = 0; i < weights.length; i++) {
    let influence = 0;
    for (let j = 0; j < inputs.length; j++) influence += gradient[j] * (inputs[j][i] - means[j]);
    variance += (weights[i] * influence) ** 2;
  }
  return { value, stdErr: Math.sqrt(variance) };
}

/** ln Z by importance sampling, with two error bars and the ESS. */
export interface LnZEstimate {
  /** ln (1/n) sum_i w_i, w = exp(-E - ln q), x ~ q. */
  lnZ: number;
  /** Delta method: se = sd(w) / (sqrt(n) mean(w)). */
  stdErr: number;
  /** Standard deviation of ln Z over bootstrap resamples of the n weights. */
  bootstrapStdErr: number;
  /** Number of bootstrap resamples. */
  bootstrapResamples: number;
  /** ESS / n = (sum w)^2 / (n sum w^2). */
  essFraction: number;
  /**
   * Pareto shape k of the weights' upper tail (see paretoShape): above 0.7
   * neither ln Z nor any reweighted observable nor their error bars can be
   * trusted at this sample size.
   */
  paretoK: number;
}

/**
 * ln Z = ln mean exp(ln w) from log-weights, with the delta-method error
 * sd(w) / (sqrt(n) mean(w)) and a nonparametric bootstrap error (Efron and
 * Tibshirani, 1993): the standard deviation of ln Z recomputed on
 * `resamples` draws of n weights with replacement. The bootstrap does not
 * assume ln Z is linear in the mean weight, which matters when the ESS is
 * small; both are too optimistic when q misses parts of pi entirely.
 */
export function lnZFromLogWeights(logWeights: Float64Array, rng: Rng, resamples = 200): LnZEstimate {
  const n = logWeights.length;
  const lnZ = logMeanExp(logWeights);
  const lnSecond = logMeanExp(logWeights.map((w) => 2 * w));
  const essFraction = Math.exp(2 * lnZ - lnSecond);
  const relativeVariance = Math.max(0, Math.exp(lnSecond - 2 * lnZ) - 1);
  const stdErr = Math.sqrt(relativeVariance / n);

  // Weights relative to the largest, so that sums never overflow.
  let max = -Infinity;
  for (const w of logWeights) max = Math.max(max, w);
  const scaled = logWeights.map((w) => Math.exp(w - max));
  const replicates = new Float64Array(resamples);
  for (let r = 0; r < resamples; r++) {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += scaled[Math.min(Math.floor(rng.uniform() * n), n - 1)];
    replicates[r] = max + Math.log(sum / n);
  }
  let mean = 0;
  for (const value of replicates) mean += value / resamples;
  let variance = 0;
  for (const value of replicates) variance += (value - mean) ** 2 / Math.max(1, resamples - 1);
  return {
    lnZ,
    stdErr,
    bootstrapStdErr: Math.sqrt(variance),
    bootstrapResamples: resamples,
    essFraction,
    paretoK: paretoShape(logWeights),
  };
}
