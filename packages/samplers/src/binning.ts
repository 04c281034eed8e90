import { checkSeries } from './tau-int';
import { checkInteger } from './validate';

/**
 * Standard error of the mean by binning (blocking; H. Flyvbjerg and
 * H. G. Petersen, J. Chem. Phys. 91, 461 (1989)): each chain is cut into
 * consecutive blocks of `blockLength` samples (a remainder at the start is
 * dropped), and the error is the standard deviation of the block means
 * over sqrt(number of blocks). Unbiased once blocks are much longer than
 * tau_int; a check on the error from tau_int.
 *
 * @returns the error and the number of blocks; NaN error with fewer than 2 blocks.
 * @throws RangeError for a blockLength below 1, or as {@link checkSeries}.
 */
export function binnedStdErr(
  chains: readonly ArrayLike<number>[],
  blockLength: number,
): { stdErr: number; blocks: number } {
  checkSeries(chains);
  checkInteger('blockLength', blockLength, 1);
  const n = chains[0].length;
  const perChain = Math.floor(n / blockLength);
  const blockMeans: number[] = [];
  for (const chain of chains) {
    for (let b = 0; b < perChain; b++) {
      const start = n - (perChain - b) * blockLength;
      let sum = 0;
      for (let s = start; s < start + blockLength; s++) sum += chain[s];
      blockMeans.push(sum / blockLength);
    }
  }
  const blocks = blockMeans.length;
  if (blocks < 2) return { stdErr: NaN, blocks };
  const mean = blockMeans.reduce((a, b) => a + b, 0) / blocks;
  const variance = blockMeans.reduce((a, m) => a + (m - mean) ** 2, 0) / (blocks - 1);
  return { stdErr: Math.sqrt(variance / blocks), blocks };
}
