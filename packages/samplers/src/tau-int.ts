import { pooledAutocovariance } from './autocovariance';
import { checkPositive } from './validate';

/** Default c of the automatic window W >= c tau_int(W). */
export const DEFAULT_WINDOW_FACTOR = 6;

/** The integrated autocorrelation time of one observable over C chains. */
export interface TauIntEstimate {
  /** tau_int = 1/2 + sum_{t=1}^{W} rho(t): 1/2 for independent samples. */
  tauInt: number;
  /** Madras-Sokal error, tau_int sqrt(2 (2W + 1) / (C n)). */
  tauIntStdErr: number;
  /** The window W. */
  window: number;
  /** False when no W < n/2 met W >= c tau_int(W): tau_int is then a lower bound. */
  windowFound: boolean;
  /** Pooled mean of the observable. */
  mean: number;
  /** Gamma(0), the variance of one sample. */
  variance: number;
  /** Samples per chain n. */
  samplesPerChain: number;
  chains: number;
  /**
   * The normalised autocorrelation rho(t) = Gamma(t)/Gamma(0) for
   * t = 0 .. min(n - 1, max(2W, 20), 1000), for plots.
   */
  autocorrelation: number[];
}

/** Longest autocorrelation function a TauIntEstimate keeps. */
const MAX_KEPT_LAG = 1000;

/**
 * Integrated autocorrelation time with the automatic window of Madras and
 * Sokal (J. Stat. Phys. 50, 109 (1988), appendix C; Sokal, Cargese
 * lectures 1996, sec. 3): with rho(t) = Gamma(t)/Gamma(0) from
 * {@link pooledAutocovariance},
 *   tau_int(W) = 1/2 + sum_{t=1}^{W} rho(t),
 * and W the smallest window with W >= c max(tau_int(W), 1/2). The variance of a
 * mean over N = C n correlated samples is then 2 tau_int Gamma(0) / N,
 * and the effective sample size N / (2 tau_int). An AR(1) chain
 * x_t = rho x_{t-1} + noise has tau_int = (1 + rho) / (2 (1 - rho)).
 *
 * @remarks The rule is made for positive autocorrelation. For an
 * anticorrelated observable (tau_int < 1/2) the window stops at about c/2
 * and tau_int comes out somewhat low (AR(1) with rho = -0.5: ~0.13 for
 * 1/6); it is kept above 1/(2n), so the ESS stays finite.
 *
 * @param chains - C >= 1 chains of equal length n >= 2.
 * @param windowFactor - c, 6 by default (4-10 is usual; larger is safer
 *   for slow modes, noisier).
 * @throws RangeError for no chains, chains of unequal or too short length,
 *   a non-finite value, or a bad windowFactor.
 */
export function integratedAutocorrelation(
  chains: readonly ArrayLike<number>[],
  windowFactor = DEFAULT_WINDOW_FACTOR,
): TauIntEstimate {
  checkSeries(chains);
  checkPositive('windowFactor', windowFactor);
  const n = chains[0].length;
  const { autocovariance, mean } = pooledAutocovariance(chains);
  const variance = autocovariance[0];
  const base = { mean, variance, samplesPerChain: n, chains: chains.length };
  const kept = (window: number) => {
    const last = Math.min(n - 1, Math.max(2 * window, 20), MAX_KEPT_LAG);
    return Array.from(autocovariance.subarray(0, last + 1), (g) =>
      variance > 0 ? g / variance : 0,
    );
  };
  if (!(variance > 0)) {
    return {
      ...base,
      tauInt: 0.5,
      tauIntStdErr: 0,
      window: 0,
      windowFound: true,
      autocorrelation: kept(0),
    };
  }

  let tauInt = 0.5;
  let window = 0;
  let windowFound = false;
  const maxWindow = Math.floor(n / 2);
  while (window < maxWindow) {
    window += 1;
    tauInt += autocovariance[window] / variance;
    if (window >= windowFactor * Math.max(tauInt, 0.5)) {
      windowFound = true;
      break;
    }
  }
  // A window cut inside a negative excursion can leave tau_int below its floor.
  tauInt = Math.max(tauInt, 0.5 / n);
  const tauIntStdErr = tauInt * Math.sqrt((2 * (2 * window + 1)) / (n * chains.length));
  return { ...base, tauInt, tauIntStdErr, window, windowFound, autocorrelation: kept(window) };
}

/**
 * Checks that `chains` is a non-empty list of equal-length series of at
 * least 2 finite values each.
 */
export function checkSeries(chains: readonly ArrayLike<number>[]): void {
  if (!Array.isArray(chains) || chains.length === 0) {
    throw new RangeError('chains must be a non-empty list of series, got none');
  }
  const n = chains[0].length;
  if (typeof n !== 'number' || n < 2) {
    throw new RangeError(`each chain must hold at least 2 samples, got ${n}`);
  }
  chains.forEach((chain, c) => {
    if (chain.length !== n) {
      throw new RangeError(
        `all chains must have the same length, chain 0 has ${n} samples, ` +
          `chain ${c} has ${chain.length}`,
      );
    }
    for (let s = 0; s < n; s++) {
      if (!Number.isFinite(chain[s])) {
        throw new RangeError(`sample ${s} of chain ${c} must be finite, got ${chain[s]}`);
      }
    }
  });
}
