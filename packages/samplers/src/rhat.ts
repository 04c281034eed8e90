import { checkSeries } from './tau-int';

/**
 * Split R-hat of one observable (A. Gelman et al., Bayesian Data Analysis,
 * 3rd ed., sec. 11.4): each of the C chains is cut into halves of length
 * m = floor(n/2), giving M = 2C sequences; with W the mean within-sequence
 * variance and B/m the variance of the sequence means,
 *   var+ = (m - 1)/m W + B/m,   R-hat = sqrt(var+ / W).
 * Close to 1 (say below 1.01-1.05) when the chains agree; large when they
 * sit in different regions or still drift. Splitting catches a drift
 * within a single chain too.
 *
 * @returns R-hat; 1 when every sequence is constant and equal, Infinity when
 *   each is constant but they differ.
 * @throws RangeError for chains shorter than 4 samples, or as {@link checkSeries}.
 */
export function splitRhat(chains: readonly ArrayLike<number>[]): number {
  checkSeries(chains);
  const half = Math.floor(chains[0].length / 2);
  if (half < 2) {
    throw new RangeError(`split R-hat needs chains of at least 4 samples, got ${chains[0].length}`);
  }

  const means: number[] = [];
  const variances: number[] = [];
  for (const chain of chains) {
    for (const start of [0, chains[0].length - half]) {
      let sum = 0;
      for (let s = start; s < start + half; s++) sum += chain[s];
      const mean = sum / half;
      let squares = 0;
      for (let s = start; s < start + half; s++) squares += (chain[s] - mean) ** 2;
      means.push(mean);
      variances.push(squares / (half - 1));
    }
  }

  const within = variances.reduce((a, b) => a + b, 0) / variances.length;
  const grand = means.reduce((a, b) => a + b, 0) / means.length;
  const betweenOverM = means.reduce((a, m) => a + (m - grand) ** 2, 0) / (means.length - 1);
  if (within === 0) return betweenOverM === 0 ? 1 : Infinity;
  const pooled = ((half - 1) / half) * within + betweenOverM;
  return Math.sqrt(pooled / within);
}
