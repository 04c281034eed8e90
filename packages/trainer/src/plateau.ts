import type { EarlyStoppingConfig } from './training-options';
import { DEFAULT_PLATEAU_WINDOW } from './training-options';

/**
 * Detects a plateau of a noisy loss: losses are averaged over windows of
 * `window` steps; a window mean below best - minDelta is an improvement.
 * `plateaued` turns true once `patience` steps have passed since the last
 * improvement (counted in whole windows).
 */
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
