import type { Command } from 'commander';
import { EXIT } from '../errors';
import { planReport } from '../report/report-plan';
import type { ReportFlags } from '../report/report-plan';
import { watchReport } from '../report/watch-report';
import { newReportSession, problemLines, writeReport } from '../report/write-report';
import type { CommandContext } from './context';

const EXAMPLES = `
Examples:
  neuralrg report runs/ising-L8
  neuralrg report runs/ising-L8 --out /tmp/ising.html
  neuralrg report runs/ising-L8 --watch        (while neuralrg train runs)

Writes one self-contained HTML file (default RUN/report.html) with every plot
the run folder supports: training curves against the exact free energy,
generated samples, and, when their files exist, estimates.json (neuralrg
estimate), analysis.json (neuralrg analyze) and samplers.json (neuralrg
compare-samplers). With checkpoint.json it loads the flow to show renormalised
variables at each scale (--no-flow skips this). It needs no network to open.
Problems with the inputs are printed as warnings and listed on the page.
`;

/** Adds `neuralrg report RUN`: a self-contained HTML report of a run folder. */
export function addReportCommand(program: Command, context: CommandContext): void {
  program
    .command('report')
    .description('write a self-contained HTML report with plots of a run folder')
    .argument('<run>', 'a run folder made by neuralrg train')
    .option('--out <file>', 'the HTML file to write (default <run>/report.html)')
    .option('--watch', 'rewrite the report whenever the run folder changes, until Ctrl-C')
    .option(
      '--interval <seconds>',
      'with --watch: seconds between checks, and the page reload period (default 2)',
    )
    .option(
      '--no-flow',
      'do not load the flow from checkpoint.json (no renormalised-variables figure)',
    )
    .addHelpText('after', EXAMPLES)
    .allowExcessArguments(false)
    .action(async (folder: string, flags: ReportFlags) => {
      const plan = planReport(folder, flags);
      if (plan.watch) {
        await watchReport(plan, context.io);
      } else {
        const report = await writeReport(plan, false, newReportSession());
        context.io.stderr.write(problemLines(report.problems));
        context.io.stdout.write(`${report.file}\n`);
      }
      context.setExitCode(EXIT.ok);
    });
}
