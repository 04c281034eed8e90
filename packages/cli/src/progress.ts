import type { StepMetrics } from '@neuralrg/trainer';
import { formatDuration, withError } from './format';
import type { TextSink } from './io';

/** Number of plain progress lines over a whole run when stderr is not a terminal (every 5%). */
const PLAIN_LINES = 20;

/** Weight of the newest step in the running mean of seconds per step. */
const SMOOTHING = 0.1;

/** Width of the bar drawn on a terminal. */
const BAR_WIDTH = 20;

/** Terminal width assumed when the terminal does not report one. */
const DEFAULT_COLUMNS = 100;

/**
 * Training progress on stderr. On a terminal, one line redrawn after every
 * step; elsewhere (a log file, a pipe, CI), a plain line every 5% of the
 * steps and at the last one. Each shows step/total, F_q of the batch with
 * its standard error, the gap F_q + ln Z in nats when ln Z is known, the
 * smoothed seconds per step and the time left.
 */
export class ProgressDisplay {
  private secondsPerStep: number | undefined;
  private drawn = false;
  private lastDraw = -Infinity;
  private readonly every: number;

  /**
   * @param redrawMilliseconds - least time between two redraws on a
   *   terminal, so that fast steps do not flood it; the last step is always drawn.
   */
  constructor(
    private readonly sink: TextSink,
    private readonly total: number,
    private readonly redrawMilliseconds = 100,
  ) {
    this.every = Math.max(1, Math.ceil(total / PLAIN_LINES));
  }

  update(metrics: StepMetrics): void {
    this.secondsPerStep =
      this.secondsPerStep === undefined
        ? metrics.seconds
        : (1 - SMOOTHING) * this.secondsPerStep + SMOOTHING * metrics.seconds;

    if (this.sink.isTTY) {
      const now = Date.now();
      const last = metrics.step >= this.total;
      if (!last && now - this.lastDraw < this.redrawMilliseconds) return;
      this.lastDraw = now;
      const columns = this.sink.columns || DEFAULT_COLUMNS;
      this.sink.write(`\r\x1b[2K${this.line(metrics, true).slice(0, columns - 1)}`);
      this.drawn = true;
    } else if (metrics.step % this.every === 0 || metrics.step === this.total) {
      this.sink.write(`${this.line(metrics, false)}\n`);
    }
  }

  /** Writes a message on its own line, below the progress line if one is drawn. */
  message(text: string): void {
    this.finish();
    this.sink.write(`${text}\n`);
  }

  /** Ends the redrawn line, so that later output starts on a fresh one. */
  finish(): void {
    if (this.drawn) this.sink.write('\n');
    this.drawn = false;
  }

  private line(metrics: StepMetrics, bar: boolean): string {
    const perStep = this.secondsPerStep ?? 0;
    const left = Math.max(0, this.total - metrics.step) * perStep;
    const digits = String(this.total).length;
    const parts = [`step ${String(metrics.step).padStart(digits)}/${this.total}`];
    if (bar) parts.push(this.bar(metrics.step));
    // Forward KL: the loss is the NLL of the data batch; F_q follows the reverse direction.
    if (metrics.nll !== undefined) {
      parts.push(`NLL ${withError(metrics.nll, metrics.nllStdErr ?? 0, 3)}`);
    }
    parts.push(`F_q ${withError(metrics.freeEnergy, metrics.freeEnergyStdErr, 3)}`);
    if (metrics.klGap !== undefined) parts.push(`gap ${metrics.klGap.toFixed(3)} nats`);
    parts.push(`${perStep.toFixed(3)} s/step`, `ETA ${formatDuration(left)}`);
    return parts.join('  ');
  }

  private bar(step: number): string {
    const filled = Math.round((BAR_WIDTH * Math.min(step, this.total)) / this.total);
    return `[${'#'.repeat(filled)}${'.'.repeat(BAR_WIDTH - filled)}]`;
  }
}
