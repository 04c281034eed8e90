import { NonFiniteLossError, saveCheckpoint } from '@neuralrg/trainer';
import { EXIT, RunError } from './errors';
import { finishRun } from './finish-run';
import type { CliIo } from './io';
import type { PreparedRun } from './prepared-run';
import { ProgressDisplay } from './progress';
import { resultsTable } from './results-table';
import { LoopEnd, runTrainingLoop } from './train-loop';

/** The line that opens a session on stderr. */
function openingLine(run: PreparedRun): string {
  const { trainer } = run;
  const { name, ...parameters } = trainer.config.energy;
  const model = Object.entries(parameters)
    .map(([key, value]) => `${key}=${value}`)
    .join(' ');
  const epochs = trainer.config.epochs;
  const steps = trainer.done
    ? `all ${epochs} steps done already, evaluating again`
    : `steps ${trainer.step + 1}-${epochs}`;
  const start =
    run.resumedFrom === undefined
      ? `training ${name} ${model}`
      : `resuming ${name} ${model} from step ${run.resumedFrom}`;
  return `neuralrg: ${start} on ${run.backend}, ${steps}, into ${run.folder.dir}`;
}

/** The one-line error for a step whose loss was NaN or infinite. */
function divergedError(error: NonFiniteLossError, run: PreparedRun, savedStep: number): RunError {
  const kept =
    savedStep >= 0
      ? `the last good checkpoint (step ${savedStep}) is kept in ` +
        `${run.folder.file('checkpoint')}, but a resume would repeat the same steps`
      : 'no checkpoint had been saved yet';
  return new RunError(
    `training diverged: ${error.message}; ${kept}; start a new run with a smaller --lr ` +
      'or another --seed',
  );
}

/**
 * Trains a prepared run to its step target with progress on stderr, then
 * evaluates it and prints the results table on stdout. Returns the exit
 * code: 0 when done, 130 when stopped by Ctrl-C after saving a checkpoint.
 *
 * @throws RunError when a step diverges (no checkpoint is saved for it).
 */
export async function trainSession(
  run: PreparedRun,
  io: CliIo,
  options: { progress: boolean; startedAt: bigint },
): Promise<number> {
  const { trainer, folder } = run;
  const progress = new ProgressDisplay(io.stderr, trainer.config.epochs);
  let savedStep = run.resumedFrom ?? -1;
  let interrupted = false;
  const unsubscribe = io.onInterrupt(() => {
    // A second Ctrl-C has its usual effect: quit at once, keeping the last checkpoint.
    interrupted = true;
    unsubscribe();
    progress.message('neuralrg: stopping: checkpoint after this step (Ctrl-C again quits now)');
  });
  if (run.previousBackend !== undefined && run.previousBackend !== run.backend) {
    io.stderr.write(
      `neuralrg: note: continuing on ${run.backend}, the run so far used ${run.previousBackend}; ` +
        'steps will not match an uninterrupted run bit for bit\n',
    );
  }
  io.stderr.write(`${openingLine(run)}\n`);

  let end: LoopEnd;
  try {
    end = await runTrainingLoop(
      trainer,
      run.checkpointEvery,
      {
        onStep: (metrics) => {
          run.metrics.append(metrics);
          if (options.progress) progress.update(metrics);
        },
        saveCheckpoint: () => {
          saveCheckpoint(folder.file('checkpoint'), trainer.checkpoint());
          savedStep = trainer.step;
        },
        interrupted: () => interrupted,
      },
      savedStep,
    );
  } catch (error) {
    if (error instanceof NonFiniteLossError) throw divergedError(error, run, savedStep);
    throw error;
  } finally {
    unsubscribe();
    run.metrics.close();
    progress.finish();
  }

  if (end === 'interrupted') {
    io.stderr.write(
      `neuralrg: interrupted at step ${trainer.step}; checkpoint saved in ` +
        `${folder.file('checkpoint')}; continue with 'neuralrg train --resume ${folder.dir}'\n`,
    );
    return EXIT.interrupted;
  }
  const summary = finishRun(run, options.startedAt);
  io.stdout.write(resultsTable(summary, folder.dir));
  return EXIT.ok;
}
