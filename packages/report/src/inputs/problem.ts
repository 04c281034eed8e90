/** Something wrong with an input file: shown on the page and returned to the caller. */
export interface Problem {
  /** The file's name inside the run folder, e.g. "metrics.jsonl". */
  file: string;
  message: string;
}

/** Most problems recorded per file; the rest are counted in one last line. */
export const MAX_PROBLEMS_PER_FILE = 20;

/**
 * Collects the problems of one file, at most {@link MAX_PROBLEMS_PER_FILE}
 * of them, plus a count of the ones left out.
 */
export class ProblemLog {
  private count = 0;

  constructor(
    readonly file: string,
    private readonly problems: Problem[],
  ) {}

  add(message: string): void {
    this.count += 1;
    if (this.count <= MAX_PROBLEMS_PER_FILE) this.problems.push({ file: this.file, message });
  }

  /** Adds the line "... and N more" when problems were left out. Call once at the end. */
  close(): void {
    const more = this.count - MAX_PROBLEMS_PER_FILE;
    if (more > 0)
      this.problems.push({ file: this.file, message: `... and ${more} more problems like these` });
  }

  get total(): number {
    return this.count;
  }
}
