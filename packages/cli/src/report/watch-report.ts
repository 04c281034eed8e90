import type { CliIo } from '../io';
import { inputSignature } from './input-signature';
import type { ReportPlan } from './report-plan';
import { newReportSession, problemLines, writeReport, WrittenReport } from './write-report';

/** Test hooks of {@link watchReport}. */
export interface WatchOptions {
  /** Called after every rewrite of the report. */
  onWrite?(report: WrittenReport): void;
}

function problemKey(report: WrittenReport): string {
  return report.problems.map((problem) => `${problem.file}\n${problem.message}`).join('\n');
}

/**
 * Writes the report, then checks the run folder every
 * plan.intervalSeconds and rewrites the report whenever an input file
 * changed, with a self-reload tag so that an open page follows the run.
 * Ends on Ctrl-C: the report is written once more without the reload tag,
 * so the page left behind is a finished one. Warnings are printed when
 * the set of problems changes, not on every rewrite.
 *
 * @returns the path of the report.
 */
export async function watchReport(
  plan: ReportPlan,
  io: CliIo,
  options: WatchOptions = {},
): Promise<string> {
  const session = newReportSession();
  let signature = inputSignature(plan.folder);
  let last = await writeReport(plan, true, session);
  io.stderr.write(problemLines(last.problems));
  io.stdout.write(`${last.file}\n`);
  io.stderr.write(
    `neuralrg: watching ${plan.folder} every ${plan.intervalSeconds} s; Ctrl-C stops\n`,
  );
  options.onWrite?.(last);

  await new Promise<void>((resolve) => {
    let busy = false;
    const timer = setInterval(async () => {
      if (busy) return;
      busy = true;
      try {
        const now = inputSignature(plan.folder);
        if (now === signature) return;
        signature = now;
        const report = await writeReport(plan, true, session);
        if (problemKey(report) !== problemKey(last)) io.stderr.write(problemLines(report.problems));
        io.stderr.write(`neuralrg: report updated (${report.steps} steps)\n`);
        last = report;
        options.onWrite?.(report);
      } catch (error) {
        io.stderr.write(`neuralrg: warning: report not updated: ${(error as Error).message}\n`);
      } finally {
        busy = false;
      }
    }, plan.intervalSeconds * 1000);
    const stop = io.onInterrupt(() => {
      clearInterval(timer);
      stop();
      resolve();
    });
  });

  const final = await writeReport(plan, false, session);
  io.stderr.write(`neuralrg: stopped watching; ${final.file} written without auto-reload\n`);
  return final.file;
}
