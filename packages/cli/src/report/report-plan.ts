import * as fs from 'fs';
import * as path from 'path';
import { checkOutputFile } from '../run-folder';
import { UsageError } from '../errors';
import { positiveFlag } from '../flag-values';

/** Flags of `neuralrg report`, as commander gives them. */
export interface ReportFlags {
  out?: string;
  watch?: boolean;
  interval?: string;
  /** False with --no-flow. */
  flow?: boolean;
}

/** What `neuralrg report` does, checked. */
export interface ReportPlan {
  folder: string;
  /** The HTML file to write. */
  out: string;
  watch: boolean;
  /** Seconds between checks of the inputs in watch mode; also the page's reload period. */
  intervalSeconds: number;
  /** Load the flow from checkpoint.json for the renormalised variables. */
  flow: boolean;
}

/** Default seconds between checks of a watched run folder. */
export const DEFAULT_WATCH_INTERVAL = 2;

/**
 * Checks the flags of `neuralrg report RUN`.
 *
 * @throws UsageError when --out names a folder or --interval is not a
 *   positive number, or --interval is given without --watch.
 */
export function planReport(folder: string, flags: ReportFlags): ReportPlan {
  const out = flags.out === undefined ? path.join(folder, 'report.html') : checkOutputFile('--out', flags.out);
  if (flags.interval !== undefined && !flags.watch) {
    throw new UsageError('--interval is only used with --watch');
  }
  const intervalSeconds =
    flags.interval === undefined
      ? DEFAULT_WATCH_INTERVAL
      : positiveFlag('--interval', flags.interval);
  return { folder, out, watch: flags.watch ?? false, intervalSeconds, flow: flags.flow ?? true };
}
