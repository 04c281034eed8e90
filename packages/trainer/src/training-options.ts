/**
 * The optional training settings beyond plain reverse-KL steps: what the
 * loss is, how its gradient is estimated, clipping, early stopping and
 * warm-up. All are optional fields of {@link TrainConfig}, so checkpoints
 * written before they existed still load.
 */

/**
 * What a step minimises:
 * - 'reverse-kl': F_q = E_q[ln q + E] from flow samples (the default);
 * - 'forward-kl': NLL = -E_data[ln q(x)] on samples read from a file
 *   (maximum likelihood; KL(pi || q) up to the data's entropy).
 */
export const TRAINING_MODES = ['reverse-kl', 'forward-kl'] as const;
export type TrainingMode = (typeof TRAINING_MODES)[number];

/**
 * How the reverse-KL gradient is estimated:
 * - 'reparam': the gradient of ln q(g(z)) + E(g(z)) through x and through
 *   the parameters of ln q (total derivative);
 * - 'stl': "sticking the landing" (Roeder, Wu and Duvenaud, NeurIPS 2017,
 *   arXiv:1703.09194): ln q is evaluated with the parameters held fixed, so
 *   only the path derivative through x = g(z) remains. The dropped score
 *   term has zero mean, so the expectation is unchanged; its variance goes
 *   to zero as q approaches the target.
 */
export const GRADIENT_ESTIMATORS = ['reparam', 'stl'] as const;
export type GradientEstimator = (typeof GRADIENT_ESTIMATORS)[number];

/** Samples for forward-KL training. */
export interface DataConfig {
  /** A .npy (float32/float64, little-endian, C order) or .csv file, one sample per row. */
  file: string;
  /** Fraction of the rows held out for the held-out NLL, in [0, 1); 0.1 by default. */
  holdoutFraction?: number;
  /** Steps between held-out NLL evaluations; 50 by default (and always at the last step). */
  evalEvery?: number;
  /**
   * SHA-256 of the samples as read (row count and float32 values), set when
   * a run starts; a resumed run refuses a file whose samples changed.
   */
  fingerprint?: string;
}

/**
 * Stop when the loss no longer improves: the mean loss over consecutive
 * windows of `window` steps is compared with the best so far, and the run
 * stops once `patience` steps have passed without a window mean below
 * best - minDelta.
 */
export interface EarlyStoppingConfig {
  /** Steps without improvement before stopping. */
  patience: number;
  /** Improvement in the loss (nats) that counts; 0 by default. */
  minDelta?: number;
  /** Steps per window mean; 25 by default (must not exceed patience). */
  window?: number;
}

export const DEFAULT_HOLDOUT_FRACTION = 0.1;
export const DEFAULT_HELD_OUT_EVERY = 50;
export const DEFAULT_PLATEAU_WINDOW = 25;

/** The fields of TrainConfig this module checks. */
export interface TrainingOptions {
  mode?: TrainingMode;
  data?: DataConfig;
  gradientEstimator?: GradientEstimator;
  clipNorm?: number;
  earlyStopping?: EarlyStoppingConfig;
  warmupSteps?: number;
}

function choice<T extends string>(name: string, value: unknown, allowed: readonly T[]): void {
  if (value !== undefined && !(allowed as readonly unknown[]).includes(value)) {
    throw new RangeError(`${name} must be one of ${allowed.join(', ')}, got '${String(value)}'`);
  }
}

function positiveFinite(name: string, value: number | undefined): void {
  if (value !== undefined && !(value > 0 && Number.isFinite(value))) {
    throw new RangeError(`${name} must be positive and finite, got ${value}`);
  }
}

function integerAtLeast(name: string, value: number | undefined, min: number): void {
  if (value !== undefined && !(Number.isInteger(value) && value >= min)) {
    throw new RangeError(`${name} must be an integer >= ${min}, got ${value}`);
  }
}

/**
 * Checks the optional training settings of a config.
 *
 * @throws RangeError naming the first bad field, its value and what was expected.
 */
export function validateTrainingOptions(options: TrainingOptions): void {
  choice('mode', options.mode, TRAINING_MODES);
  choice('gradientEstimator', options.gradientEstimator, GRADIENT_ESTIMATORS);
  positiveFinite('clipNorm', options.clipNorm);
  integerAtLeast('warmupSteps', options.warmupSteps, 0);

  if (options.mode === 'forward-kl') {
    if (options.data === undefined || typeof options.data.file !== 'string' || options.data.file === '') {
      throw new RangeError("mode 'forward-kl' needs data.file, the samples to fit");
    }
    if (options.gradientEstimator === 'stl') {
      throw new RangeError(
        "gradientEstimator 'stl' applies to reverse-KL training only, not to mode 'forward-kl'",
      );
    }
  }
  const data = options.data;
  if (data !== undefined) {
    const fraction = data.holdoutFraction;
    if (fraction !== undefined && !(fraction >= 0 && fraction < 1)) {
      throw new RangeError(`data.holdoutFraction must be in [0, 1), got ${fraction}`);
    }
    integerAtLeast('data.evalEvery', data.evalEvery, 1);
  }
  const stopping = options.earlyStopping;
  if (stopping !== undefined) {
    integerAtLeast('earlyStopping.patience', stopping.patience, 1);
    integerAtLeast('earlyStopping.window', stopping.window, 1);
    if (stopping.minDelta !== undefined && !(stopping.minDelta >= 0 && Number.isFinite(stopping.minDelta))) {
      throw new RangeError(`earlyStopping.minDelta must be >= 0 and finite, got ${stopping.minDelta}`);
    }
    const window = stopping.window ?? DEFAULT_PLATEAU_WINDOW;
    if (window > stopping.patience) {
      throw new RangeError(
        `earlyStopping.window (${window}) must not exceed earlyStopping.patience (${stopping.patience})`,
      );
    }
  }
}
