import type { EarlyStoppingConfig } from './training-options';
import { DEFAULT_PLATEAU_WINDOW } from './training-options';

/**
 * Detects a plateau of a noisy loss: losses are averaged over windows of
 * `window` steps; a window mean below best - minDelta is an improvement.
 * `plateaued` turns true once `patience` steps have passed since the last
 * improvement (counted in whole windows).
 */
/** What a checkpoint keeps of a {@link PlateauDetector}. */
export interface PlateauState {
  /** Sum and count of the losses of the window in progress. */
  sum: number;
  count: number;
  /** Best window mean so far (null before the first window: JSON has no Infinity). */
  best: number | null;
  /** Steps since the best window, in whole windows. */
  sinceBest: number;
}

export class PlateauDetector {
  private readonly window: number;
  private readonly minDelta: number;
  private sum = 0;
  private count = 0;
  private best = Infinity;
  private sinceBest = 0;

  constructor(private readonly config: EarlyStoppingConfig) {
    this.window = config.window ?? DEFAULT_PLATEAU_WINDOW;
    this.minDelta = config.minDelta ?? 0;
  }

  /** The best window mean so far. */
  get bestMean(): number {
    return this.best;
  }

  /** Whether the loss has not improved for `patience` steps. */
  get plateaued(): boolean {
    return this.sinceBest >= this.config.patience;
  }

  /** The detector's whole state, for a checkpoint. */
  state(): PlateauState {
    return { sum: this.sum, count: this.count, best: Number.isFinite(this.best) ? this.best : null, sinceBest: this.sinceBest };
  }

  /**
   * Continues from a saved state. A state that had already plateaued gets
   * a fresh patience (its best mean is kept): resuming such a run is a
   * request to go on.
   *
   * @throws RangeError when a field is not a finite number of the right kind.
   */
  restore(state: PlateauState): void {
    const { sum, count, best, sinceBest } = state;
    if (!Number.isFinite(sum) || !Number.isInteger(count) || count < 0 || count >= this.window) {
      throw new RangeError(`early-stopping state: bad window sum ${sum} or count ${count} (window ${this.window})`);
    }
    if (!(best === null || Number.isFinite(best)) || !Number.isInteger(sinceBest) || sinceBest < 0) {
      throw new RangeError(`early-stopping state: bad best ${best} or steps since best ${sinceBest}`);
    }
    this.sum = sum;
    this.count = count;
    this.best = best ?? Infinity;
    this.sinceBest = sinceBest >= this.config.patience ? 0 : sinceBest;
  }

  /** Adds one step's mean loss; returns whether the run has now plateaued. */
  add(loss: number): boolean {
    this.sum += loss;
    this.count += 1;
    if (this.count < this.window) return this.plateaued;
    const mean = this.sum / this.count;
    this.sum = 0;
    this.count = 0;
    if (mean < this.best - this.minDelta) {
      this.best = mean;
      this.sinceBest = 0;
    } else {
      this.sinceBest += this.window;
    }
    return this.plateaued;
  }
}
