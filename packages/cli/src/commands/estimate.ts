import * as fs from 'fs';
import * as path from 'path';
import type { Command } from 'commander';
import { Rng } from '@neuralrg/tensor';
import type { BackendName } from '@neuralrg/tensor';
import { estimatePhysics, writeFileAtomic } from '@neuralrg/trainer';
import { EXIT } from '../errors';
import { buildEstimatesFile } from '../estimate/estimates-file';
import { estimatesTable } from '../estimate/estimates-table';
import { ESTIMATE_DEFAULTS, planEstimate } from '../estimate/estimate-flags';
import type { EstimateFlags } from '../estimate/estimate-flags';
import { loadTrainedRun } from '../estimate/load-run';
import { RunFolder } from '../run-folder';
import { startBackend } from '../start-backend';
import { versions } from '../versions';
import type { CommandContext } from './context';

const EXAMPLES = `
Examples:
  neuralrg estimate runs/ising-L8
  neuralrg estimate runs/ising-L8 --samples 65536 --seed 3 --json
  neuralrg estimate runs/fit-L8 --samples 65536 --weights psis

Writes RUN/estimates.json (atomically): F_q, ln Z with delta-method and
bootstrap errors, the ESS fraction, the KL gap when ln Z is exact, and every
observable of the model reweighted to the target (self-normalised importance
sampling) with its error bar and the exact value where known.
`;

/** Adds `neuralrg estimate RUN`: physical estimates with error bars from a trained flow. */
export function addEstimateCommand(program: Command, context: CommandContext): void {
  const d = ESTIMATE_DEFAULTS;
  program
    .command('estimate')
    .description('estimate F_q, ln Z and observables with error bars from a trained run')
    .argument('<run>', 'a run folder made by neuralrg train')
    .option('--samples <n>', `flow samples (default ${d.samples})`)
    .option('--batch <n>', "samples per flow pass (default: the run's batch)")
    .option('--seed <n>', `seed of the samples (default ${d.seed})`)
    .option('--backend <name>', "tensor backend (default: the run's)")
    .option('--bootstrap <n>', `bootstrap resamples for the ln Z error (default ${d.bootstrap})`)
    .option(
      '--weights <kind>',
      'weights of the reweighted observables: raw, or psis (Pareto-smoothed, for a k between 0.5 and 0.7) (default raw)',
    )
    .option('--json', 'print estimates.json on stdout instead of a table')
    .addHelpText('after', EXAMPLES)
    .allowExcessArguments(false)
    .action(async (dir: string, flags: EstimateFlags) => {
      const started = process.hrtime.bigint();
      const plan = planEstimate(flags);
      const folder = new RunFolder(dir);
      const stored = fs.existsSync(folder.file('config')) ? folder.readConfig().backend : 'wasm';
      const backend: BackendName = plan.backend ?? stored;
      await startBackend(backend);

      const run = loadTrainedRun(dir);
      try {
        const config = run.checkpoint.config;
        const batch = plan.batch ?? config.batch;
        context.io.stderr.write(
          `neuralrg: estimating ${config.energy.name} from ${plan.samples} flow samples ` +
            `of ${dir} (step ${run.checkpoint.step}) on ${backend}\n`,
        );
        const estimates = estimatePhysics(run.flow, run.energy, {
          samples: plan.samples,
          batch,
          rng: new Rng(plan.seed),
          bootstrapResamples: plan.bootstrap,
          weights: plan.weights,
        });
        const file = buildEstimatesFile({
          run: dir,
          step: run.checkpoint.step,
          config,
          energy: run.energy,
          estimates,
          batch,
          seed: plan.seed,
          backend,
          seconds: Number(process.hrtime.bigint() - started) / 1e9,
          versions: versions(),
        });
        const target = path.join(dir, 'estimates.json');
        const text = `${JSON.stringify(file, null, 2)}\n`;
        writeFileAtomic(target, text);
        const report = plan.json ? `${JSON.stringify(file)}\n` : estimatesTable(file, target);
        context.io.stdout.write(report);
        context.setExitCode(EXIT.ok);
      } finally {
        run.dispose();
      }
    });
}
