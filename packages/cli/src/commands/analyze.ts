import * as path from 'path';
import type { Command } from 'commander';
import { BACKENDS } from '@neuralrg/tensor';
import { writeFileAtomic } from '@neuralrg/trainer';
import { jacobianCsv, pairsCsv } from '../analyze/analysis-csv';
import { analysisSummary, analysisTable } from '../analyze/analysis-summary';
import { ANALYZE_DEFAULTS, AnalyzeFlags, DISTANCES, planAnalyze } from '../analyze/analyze-plan';
import { loadRun } from '../analyze/load-run';
import { runAnalysis } from '../analyze/run-analysis';
import { StageProgress } from '../analyze/stage-progress';
import { EXIT } from '../errors';
import type { CommandContext } from './context';

const d = ANALYZE_DEFAULTS;

const EXAMPLES = `
Examples:
  neuralrg analyze runs/ising-L8
  neuralrg analyze runs/ising-L8 --samples 5000 --k 4 --csv --out /tmp/analysis.json
  neuralrg analyze runs/ising-L8 --json

Draws configurations from the trained flow (x ~ q, or q_sym for a
symmetrised flow; not reweighted), encodes them (z = g^-1(x)), and writes
analysis.json: KSG mutual information of every pair of sites for x and z,
grouped by periodic distance and RG level, and the mean and standard
deviation of the Jacobian dz/dx of each latent variable next to the Haar
basis function of the same level and position. --csv also writes
<out>-pairs.csv and <out>-jacobian.csv beside it.
`;

/** The CSV files that go with a JSON output file: analysis.json -> analysis-pairs.csv, ... */
export function csvFiles(out: string): { pairs: string; jacobian: string } {
  const base = path.join(path.dirname(out), path.basename(out, '.json'));
  return { pairs: `${base}-pairs.csv`, jacobian: `${base}-jacobian.csv` };
}

/** Adds `neuralrg analyze RUN`: mutual information and Jacobians of a trained flow. */
export function addAnalyzeCommand(program: Command, context: CommandContext): void {
  program
    .command('analyze')
    .description('mutual information and Jacobians vs Haar wavelets of a trained flow\'s latents')
    .argument('<run>', "run folder made by 'neuralrg train --out'")
    .option('--samples <n>', `configurations drawn from the flow (default ${d.samples})`)
    .option('--k <n>', `neighbours of the KSG estimator (default ${d.k})`)
    .option('--algorithm <n>', `KSG algorithm, 1 or 2 (default ${d.algorithm})`)
    .option('--seed <n>', `seed of the draws (default ${d.seed})`)
    .option('--backend <name>', `tensor backend: ${BACKENDS.join(', ')} (default: the run's)`)
    .option('--jacobian-samples <n>', `draws averaged in the Jacobian (default ${d.jacobianSamples})`)
    .option('--distance <metric>', `grouping distance: ${DISTANCES.join(', ')} (default ${d.distance})`)
    .option('--out <file>', 'output file (default RUN/analysis.json), written atomically')
    .option('--no-flip', 'for a symmetrised run, draw from q itself instead of q_sym (no sign flips)')
    .option('--csv', 'also write <out>-pairs.csv and <out>-jacobian.csv')
    .option('--json', 'print a one-line JSON summary instead of the table')
    .option('--no-progress', 'no progress display on stderr')
    .addHelpText('after', EXAMPLES)
    .allowExcessArguments(false)
    .action(async (runDir: string, flags: AnalyzeFlags) => {
      const plan = planAnalyze(runDir, flags);
      const run = await loadRun(plan.runDir, plan.backend);
      try {
        const analysis = runAnalysis(run, plan, new StageProgress(context.io.stderr, plan.progress));
        writeFileAtomic(plan.out, `${JSON.stringify(analysis)}\n`);
        if (plan.csv) {
          const files = csvFiles(plan.out);
          writeFileAtomic(files.pairs, pairsCsv(analysis));
          writeFileAtomic(files.jacobian, jacobianCsv(analysis));
        }
        context.io.stdout.write(
          plan.json
            ? `${JSON.stringify(analysisSummary(analysis, plan.out))}\n`
            : analysisTable(analysis, plan.out),
        );
        context.setExitCode(EXIT.ok);
      } finally {
        run.dispose();
      }
    });
}
