/** The state of {@link DualAveraging}, for checkpoints. */
export interface DualAveragingState {
  iteration: number;
  meanError: number;
  logStepSizeAverage: number;
  mu: number;
}

/**
 * Step-size adaptation by dual averaging (Y. Nesterov, Math. Program. 120,
 * 221 (2009), as used for HMC by M. D. Hoffman and A. Gelman, JMLR 15,
 * 1593 (2014), sec. 3.2.1): after the m-th warm-up step with acceptance
 * probability alpha_m,
 *   Hbar_m = (1 - 1/(m + t0)) Hbar_{m-1} + (delta - alpha_m) / (m + t0),
 *   ln eps_m = mu - sqrt(m) / gamma Hbar_m,
 *   ln epsbar_m = m^-kappa ln eps_m + (1 - m^-kappa) ln epsbar_{m-1},
 * with mu = ln(10 eps_0), gamma = 0.05, t0 = 10, kappa = 0.75. eps_m is
 * used during warm-up, epsbar after it.
 */
export class DualAveraging {
  private static readonly gamma = 0.05;
  private static readonly t0 = 10;
  private static readonly kappa = 0.75;
  private state: DualAveragingState;

  constructor(
    initialStepSize: number,
    readonly targetAcceptance: number,
    saved?: DualAveragingState,
  ) {
    this.state = saved ?? {
      iteration: 0,
      meanError: 0,
      logStepSizeAverage: Math.log(initialStepSize),
      mu: Math.log(10 * initialStepSize),
    };
  }

  /** Takes one warm-up step's mean acceptance probability; returns the next step size. */
  update(acceptance: number): number {
    const { gamma, t0, kappa } = DualAveraging;
    const s = this.state;
    const m = s.iteration + 1;
    const meanError =
      (1 - 1 / (m + t0)) * s.meanError + (this.targetAcceptance - acceptance) / (m + t0);
    const logStepSize = s.mu - (Math.sqrt(m) / gamma) * meanError;
    const weight = m ** -kappa;
    this.state = {
      iteration: m,
      meanError,
      logStepSizeAverage: weight * logStepSize + (1 - weight) * s.logStepSizeAverage,
      mu: s.mu,
    };
    return Math.exp(logStepSize);
  }

  /** epsbar, the step size to sample with once warm-up ends. */
  get finalStepSize(): number {
    return Math.exp(this.state.logStepSizeAverage);
  }

  saveState(): DualAveragingState {
    return { ...this.state };
  }
}
