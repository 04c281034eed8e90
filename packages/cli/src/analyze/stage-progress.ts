import type { TextSink } from '../io';

/** Plain lines per stage when stderr is not a terminal. */
const PLAIN_LINES = 4;

/**
 * Progress of the stages of `neuralrg analyze` on stderr: on a terminal
 * one line redrawn as a stage goes; elsewhere a line at the start of a
 * stage and every quarter of it. Silent when disabled.
 */
export class StageProgress {
  private stage = '';
  private lastQuarter = -1;

  constructor(
    private readonly sink: TextSink,
    private readonly enabled: boolean,
  ) {}

  start(stage: string): void {
    if (!this.enabled) return;
    this.finishLine();
    this.stage = stage;
    this.lastQuarter = 0;
    this.write(`analyze: ${stage}`);
  }

  update(done: number, total: number): void {
    if (!this.enabled) return;
    const text = `analyze: ${this.stage} ${done}/${total}`;
    if (this.sink.isTTY) {
      this.sink.write(`\r\x1b[2K${text}`);
      return;
    }
    const quarter = Math.floor((PLAIN_LINES * done) / total);
    if (quarter > this.lastQuarter) {
      this.lastQuarter = quarter;
      this.sink.write(`${text}\n`);
    }
  }

  /** Ends the redrawn line on a terminal. */
  finishLine(): void {
    if (this.enabled && this.sink.isTTY && this.stage !== '') this.sink.write('\n');
  }

  private write(text: string): void {
    this.sink.write(this.sink.isTTY ? `\r\x1b[2K${text}` : `${text}\n`);
  }
}
