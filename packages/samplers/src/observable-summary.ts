import { binnedStdErr } from './binning';
import { splitRhat } from './rhat';
import { DEFAULT_WINDOW_FACTOR, integratedAutocorrelation } from './tau-int';

/** Blocks for the binning error are this many tau_int long. */
const BLOCK_TAUS = 20;

/** Everything the diagnostics say about one observable of one run. */
export interface ObservableSummary {
  /** Mean over all samples of all chains. */
  mean: number;
  /** Error of the mean from tau_int: sqrt(2 tau_int Gamma(0) / N). */
  stdErr: number;
  /** Error of the mean by binning, blocks of ~20 tau_int; null with fewer than 2 blocks. */
  binnedStdErr: number | null;
  /** Integrated autocorrelation time, in steps of the sampler. */
  tauInt: number;
  tauIntStdErr: number;
  /** Madras-Sokal window, and whether the self-consistent window was reached. */
  window: number;
  windowFound: boolean;
  /** Effective sample size N / (2 tau_int), N = chains x samples per chain. */
  ess: number;
  /** ESS per second of sampling wall time; null when no time was measured. */
  essPerSecond: number | null;
  /** Split R-hat across chains; null with fewer than 4 samples per chain. */
  rhat: number | null;
  /** Samples per chain and number of chains used. */
  samplesPerChain: number;
  chains: number;
  /** rho(t) for t = 0, 1, ... (up to max(2W, 20) lags, at most 1000), for plots. */
  autocorrelation: number[];
}

/**
 * Mean, error bar, tau_int, ESS, ESS per second and R-hat of one
 * observable recorded on several chains, see
 * {@link integratedAutocorrelation}, {@link splitRhat} and
 * {@link binnedStdErr}.
 *
 * @param chains - the observable's series, one per chain, equal lengths >= 2.
 * @param seconds - wall time that produced the samples, for ESS per second.
 */
export function summariseObservable(
  chains: readonly ArrayLike<number>[],
  seconds?: number,
  windowFactor = DEFAULT_WINDOW_FACTOR,
): ObservableSummary {
  const tau = integratedAutocorrelation(chains, windowFactor);
  const total = tau.samplesPerChain * tau.chains;
  const ess = total / (2 * tau.tauInt);
  const blockLength = Math.max(1, Math.ceil(BLOCK_TAUS * tau.tauInt));
  const binned = binnedStdErr(chains, blockLength);
  return {
    mean: tau.mean,
    stdErr: Math.sqrt((2 * tau.tauInt * tau.variance) / total),
    binnedStdErr: Number.isFinite(binned.stdErr) ? binned.stdErr : null,
    tauInt: tau.tauInt,
    tauIntStdErr: tau.tauIntStdErr,
    window: tau.window,
    windowFound: tau.windowFound,
    ess,
    essPerSecond: seconds !== undefined && seconds > 0 ? ess / seconds : null,
    rhat: tau.samplesPerChain >= 4 ? splitRhat(chains) : null,
    samplesPerChain: tau.samplesPerChain,
    chains: tau.chains,
    autocorrelation: tau.autocorrelation,
  };
}
