import type { SamplingProgress } from '@neuralrg/samplers';
import { formatDuration } from '../format';
import type { TextSink } from '../io';

/** Seconds between two plain progress lines when stderr is not a terminal. */
const PLAIN_EVERY_SECONDS = 10;
/** Least milliseconds between two redraws on a terminal. */
const REDRAW_MILLISECONDS = 100;
/** Terminal width assumed when the terminal does not report one. */
const DEFAULT_COLUMNS = 100;

/**
 * Progress of one sampler on stderr: on a terminal one line redrawn as the
 * run goes, elsewhere a plain line every 10 s and at the end of each phase.
 * Shows the phase, steps done of the target, time spent of the budget,
 * the mean acceptance and the chains still running.
 */
export class SamplingProgressDisplay {
  private drawn = false;
  private lastDraw = -Infinity;
  private lastPlain = 0;

  constructor(
    private readonly sink: TextSink,
    private readonly label: string,
    private readonly budgets: { warmup: number; sampling: number },
    private readonly chains: number,
  ) {}

  update(progress: SamplingProgress): void {
    const phaseEnd = progress.step >= progress.total;
    if (this.sink.isTTY) {
      const now = Date.now();
      if (!phaseEnd && now - this.lastDraw < REDRAW_MILLISECONDS) return;
      this.lastDraw = now;
      const columns = this.sink.columns || DEFAULT_COLUMNS;
      this.sink.write(`\r\x1b[2K${this.line(progress).slice(0, columns - 1)}`);
      this.drawn = true;
    } else if (phaseEnd || progress.seconds - this.lastPlain >= PLAIN_EVERY_SECONDS) {
      this.lastPlain = phaseEnd ? 0 : progress.seconds;
      this.sink.write(`${this.line(progress)}\n`);
    }
  }

  /** Ends the redrawn line, so that later output starts on a fresh one. */
  finish(): void {
    if (this.drawn) this.sink.write('\n');
    this.drawn = false;
  }

  private line(p: SamplingProgress): string {
    const budget = p.phase === 'warmup' ? this.budgets.warmup : this.budgets.sampling;
    return [
      `[${this.label}]`,
      `${p.phase.padEnd(8)} ${p.step}/${p.total}`,
      `${formatDuration(p.seconds)}/${formatDuration(budget)}`,
      `acceptance ${p.acceptance.toFixed(3)}`,
      `chains ${p.liveChains}/${this.chains}`,
    ].join('  ');
  }
}
