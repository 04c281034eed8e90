import type { Command } from 'commander';
import { ACTIVATIONS, LAYOUTS } from '@neuralrg/bijectors';
import { BACKENDS } from '@neuralrg/tensor';
import { GRADIENT_ESTIMATORS, SCHEDULES } from '@neuralrg/trainer';
import { TRAIN_DEFAULTS } from '../defaults';
import { planNewRun } from '../new-run-plan';
import { prepareNewRun } from '../new-run';
import { disposeRun } from '../prepared-run';
import { planResume } from '../resume-plan';
import { prepareResume } from '../resume-run';
import type { TrainFlags } from '../train-flags';
import { trainSession } from '../train-session';
import { checkDatasetRecord } from '../dataset-metadata';
import type { CommandContext } from './context';
import { EXIT } from '../errors';

const d = TRAIN_DEFAULTS;

/** Collects a repeatable option into a list. */
function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

const EXAMPLES = `
Examples:
  neuralrg train --L 8 --T Tc --out runs/L8
  neuralrg train --L 16 --T 2.269185314213022 --out runs/L16 --backend tensorflow-gpu
  neuralrg train --resume runs/L8 --epochs 2000
  neuralrg train --energy gff --L 8 --param d=1 --param m2=0.5 --out runs/chain
  neuralrg train --energy-module ./my-energy.js --param scale=2 --out runs/mine
  neuralrg train --L 8 --T Tc --data samples.npy --out runs/fit

A run folder gets config.json, metrics.jsonl, checkpoint.json, summary.json
and samples.png. Ctrl-C saves a checkpoint and exits with code 130.
`;

/** Adds `neuralrg train`: a new run with --out, or a saved one continued with --resume. */
export function addTrainCommand(program: Command, context: CommandContext): void {
  program
    .command('train')
    .description('train a hierarchical RealNVP flow on the 2D Ising model by its bare energy')
    .option('--energy <name>', `energy model (default ${d.energy})`)
    .option('--L <size>', 'linear lattice size, a power of 2 (required for a new run)')
    .option('--T <temperature>', 'temperature in units of J, or Tc (required for a new run)')
    .option('--out <dir>', 'folder for a new run; refuses one that holds results')
    .option('--resume <dir>', 'continue the run saved in this folder')
    .option('--epochs <n>', `total optimisation steps (default ${d.epochs})`)
    .option('--batch <n>', `samples per step (default ${d.batch})`)
    .option('--lr <rate>', `Adam learning rate (default ${d.lr})`)
    .option('--schedule <name>', `learning rate: ${SCHEDULES.join(', ')} (default ${d.schedule})`)
    .option('--seed <n>', `seed of the parameters and samples (default ${d.seed})`)
    .option('--backend <name>', `tensor backend: ${BACKENDS.join(', ')} (default ${d.backend})`)
    .option('--symmetric', 'train the Z2-symmetrised density [q(x) + q(-x)]/2 (default)')
    .option('--no-symmetric', 'train q(x) itself')
    .option('--coupling-layers <n>', `coupling layers per 2x2 block (default ${d.couplingLayers})`)
    .option('--hidden <widths>', `hidden widths of each coupling's MLP (default ${d.hidden})`)
    .option('--activation <name>', `${ACTIVATIONS.join(', ')} (default ${d.activation})`)
    .option('--layout <name>', `flow layout: ${LAYOUTS.join(', ')} (default ${d.layout}); conv: whole-lattice couplings with convolutional conditioners`)
    .option('--depth <n>', 'RG levels (default log2 L); for disentangler, the number of layers')
    .option('--repeats <n>', `disentanglers per level in the mera layout (default ${d.repeats})`)
    .option('--scale-bound <s>', `bound on each coupling's log-scale (default ${d.scaleBound})`)
    .option('--eval-samples <n>', `samples for the final estimates (default ${d.evalSamples})`)
    .option('--checkpoint-every <n>', `steps between checkpoints (default ${d.checkpointEvery})`)
    .option('--plugin <module>', 'load a module that registers bijectors or energies (repeatable)', collect)
    .option('--block <type>', "registered bijector type of every hierarchy block (default realnvp)")
    .option('--block-size <n>', 'sites per block on a 1D chain: 2 or 4 (default 2)')
    .option('--kernel <k>', 'side of the square blocks on a 2D lattice: 2 or 4 (default 2); for --layout conv, the odd side of the convolutions (default 3)')
    .option('--threads <n>', `threads sharing each batch, one backend each (default ${d.threads})`)
    .option('--no-progress', 'no progress display on stderr')
    .option('--energy-module <path>', 'train on the energy a JS/TS module exports (energy module)')
    .option('--param <key=value>', 'an energy parameter, e.g. --param m2=0.5 (repeatable)', collect)
    .option('--data <file>', 'forward KL: fit samples from a .npy, .csv or HDF5 file (file.h5 or file.h5:DATASET) instead of E')
    .option('--holdout <fraction>', `share of --data held out for the NLL (default ${d.holdout})`)
    .option(
      '--gradient-estimator <name>',
      `${GRADIENT_ESTIMATORS.join(', ')} (sticking the landing) (default ${d.gradientEstimator})`,
    )
    .option('--clip-norm <x>', 'clip the gradient to this global norm (default: no clipping)')
    .option('--early-stop <steps>', 'stop when the loss has not improved for this many steps')
    .option('--early-stop-delta <nats>', 'improvement that counts for --early-stop (default 0)')
    .option('--warmup <steps>', 'linear learning-rate warm-up over the first steps (default 0)')
    .addHelpText('after', EXAMPLES)
    .allowExcessArguments(false)
    .action(async (flags: TrainFlags) => {
      const startedAt = process.hrtime.bigint();
      const plan = flags.resume === undefined ? planNewRun(flags) : planResume(flags);
      if (plan.kind === 'new' && plan.config.data !== undefined) {
        const warning = checkDatasetRecord(plan.config.data.file, plan.config.energy);
        if (warning !== undefined) context.io.stderr.write(`neuralrg: warning: ${warning}\n`);
      }
      const run = plan.kind === 'new' ? await prepareNewRun(plan) : await prepareResume(plan);
      let code: number = EXIT.failure;
      try {
        await run.trainer.startWorkers(plan.threads);
        code = await trainSession(run, context.io, { progress: plan.progress, startedAt });
        context.setExitCode(code);
      } finally {
        // A new run that ends before its first checkpoint leaves nothing to
        // resume: remove what it wrote, so the same --out can be used again.
        if (plan.kind === 'new' && code !== EXIT.ok) run.folder.removeUnfinishedRun();
        await run.trainer.stopWorkers();
        disposeRun(run);
      }
    });
}
