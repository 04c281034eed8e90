/**
 * The Pareto shape k of the upper tail of importance weights, the PSIS
 * diagnostic of Vehtari, Simpson, Gelman, Yao and Gabry ("Pareto smoothed
 * importance sampling", JMLR 25(72), 2024, arXiv:1507.02646): a generalized
 * Pareto distribution is fitted to the M = ceil(min(0.2 n, 3 sqrt n))
 * largest weights, in excess of the next largest, by the profile-likelihood
 * method of Zhang and Stephens (Technometrics 51, 316, 2009), with the
 * weak prior that pulls k towards 0.5 with the weight of 10 observations.
 *
 * k < 0.5: the weights have a finite variance and the usual error bars
 * hold; 0.5 < k < 0.7: a finite mean, slow convergence, error bars
 * optimistic; k > 0.7: estimates and error bars cannot be trusted at this
 * sample size (the flow misses part of the target). NaN for fewer than 25
 * weights.
 */
export function paretoShape(logWeights: ArrayLike<number>): number {
  const n = logWeights.length;
  return paretoShapeOfTail(Float64Array.from(logWeights).sort().subarray(Math.max(0, n - paretoTailLength(n) - 1)), n);
}

/** The number M of largest weights the fit uses for n weights: ceil(min(0.2 n, 3 sqrt n)). */
export function paretoTailLength(n: number): number {
  return Math.ceil(Math.min(0.2 * n, 3 * Math.sqrt(n)));
}

/**
 * {@link paretoShape} from the largest log weights alone: `tail` holds at
 * least the M + 1 largest of n log weights (M = paretoTailLength(n)), in
 * ascending order, so that a stream of weights need only keep its top.
 */
export function paretoShapeOfTail(tail: ArrayLike<number>, n: number): number {
  const tailLength = paretoTailLength(n);
  if (n < 25 || tailLength < 5 || tail.length < tailLength + 1) return NaN;
  const top = Float64Array.from(tail).subarray(tail.length - tailLength - 1);
  const max = top[tailLength];
  if (!Number.isFinite(max)) return NaN;
  const cutoff = Math.exp(top[0] - max);
  const excess = Float64Array.from(top.subarray(1), (w) => Math.exp(w - max) - cutoff);
  if (excess[excess.length - 1] <= 0) return 0;
  return generalizedParetoFit(excess).k;
}

/**
 * Pareto-smoothed importance sampling (PSIS, Vehtari et al., JMLR 25(72),
 * 2024, algorithm 1): the M = paretoTailLength(n) largest log weights are
 * replaced by the expected order statistics of the generalized Pareto
 * distribution fitted to them (see {@link paretoShape}),
 *   w_(n-M+j) = w_cut + F^-1((j - 1/2) / M),  j = 1..M,
 * capped at the largest raw weight; the other weights stay. The order of
 * the weights is kept. Self-normalised estimates with the smoothed weights
 * have a far smaller variance when 0.5 < k < 0.7, at the price of a small
 * bias; above 0.7 neither raw nor smoothed weights can be trusted.
 *
 * @returns the smoothed log weights (a new array; equal to the input for
 *   fewer than 25 weights or equal weights) and the fitted shape k.
 */
export function paretoSmoothedLogWeights(logWeights: ArrayLike<number>): {
  logWeights: Float64Array;
  k: number;
} {
  const n = logWeights.length;
  const smoothed = Float64Array.from(logWeights);
  const tailLength = paretoTailLength(n);
  if (n < 25 || tailLength < 5) return { logWeights: smoothed, k: NaN };

  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => smoothed[a] - smoothed[b]);
  const tail = order.slice(n - tailLength);
  const max = smoothed[order[n - 1]];
  if (!Number.isFinite(max)) return { logWeights: smoothed, k: NaN };
  const cutoff = Math.exp(smoothed[order[n - tailLength - 1]] - max);
  const excess = Float64Array.from(tail, (i) => Math.exp(smoothed[i] - max) - cutoff);
  if (excess[tailLength - 1] <= 0) return { logWeights: smoothed, k: 0 };

  const { k, sigma } = generalizedParetoFit(excess);
  tail.forEach((index, j) => {
    const p = (j + 0.5) / tailLength;
    const quantile = k === 0 ? -sigma * Math.log1p(-p) : (sigma * Math.expm1(-k * Math.log1p(-p))) / k;
    smoothed[index] = Math.min(max, Math.log(quantile + cutoff) + max);
  });
  return { logWeights: smoothed, k };
}

/**
 * Zhang-Stephens fit of a generalized Pareto distribution to ascending
 * positive exceedances x: a grid of
 * theta_j = 1/x_max + (1 - sqrt(m / (j - 1/2))) / (3 x*), x* the first
 * quartile, weighted by the profile likelihood
 *   l(theta) = N (ln(-theta / k(theta)) - k(theta) - 1),  k(theta) = mean ln(1 - theta x),
 * then k = mean ln(1 - theta^ x) and sigma = -k / theta^; the returned k
 * is shrunk towards 0.5 as (N k + 10 * 0.5) / (N + 10).
 */
function generalizedParetoFit(x: Float64Array): { k: number; sigma: number } {
  const N = x.length;
  const grid = 30 + Math.floor(Math.sqrt(N));
  const quartile = x[Math.max(0, Math.floor(N / 4 + 0.5) - 1)];
  const meanLog = (theta: number): number => {
    let sum = 0;
    for (let i = 0; i < N; i++) sum += Math.log1p(-theta * x[i]);
    return sum / N;
  };

  const thetas = new Float64Array(grid);
  const logLikelihoods = new Float64Array(grid);
  for (let j = 1; j <= grid; j++) {
    const theta = 1 / x[N - 1] + (1 - Math.sqrt(grid / (j - 0.5))) / (3 * quartile);
    const k = meanLog(theta);
    thetas[j - 1] = theta;
    logLikelihoods[j - 1] = theta === 0 || k === 0 ? -Infinity : N * (Math.log(-theta / k) - k - 1);
  }
  let maxLog = -Infinity;
  for (const value of logLikelihoods) if (Number.isFinite(value)) maxLog = Math.max(maxLog, value);
  let total = 0;
  let weighted = 0;
  for (let j = 0; j < grid; j++) {
    if (!Number.isFinite(logLikelihoods[j])) continue;
    const weight = Math.exp(logLikelihoods[j] - maxLog);
    total += weight;
    weighted += weight * thetas[j];
  }
  const thetaHat = weighted / total;
  const k = meanLog(thetaHat);
  return { k: (N * k + 10 * 0.5) / (N + 10), sigma: -k / thetaHat };
}
