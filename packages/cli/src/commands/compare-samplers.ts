import * as path from 'path';
import type { Command } from 'commander';
import { IsingDual } from '@neuralrg/energies';
import { SAMPLER_KINDS, isingExactObservables, summariseRun } from '@neuralrg/samplers';
import type { SamplerKind, SamplerSummary } from '@neuralrg/samplers';
import { EXIT, UsageError } from '../errors';
import { startBackend } from '../start-backend';
import {
  buildSampler,
  latticeEngine,
  needsFlow,
  samplerListFlag,
} from '../sampling/build-samplers';
import { loadFlowRun } from '../sampling/flow-run';
import type { FlowRun } from '../sampling/flow-run';
import { runWithProgress } from '../sampling/run-with-progress';
import { checkFlagUsers, samplingSettings, withSamplingOptions } from '../sampling/sampling-flags';
import type { SamplingFlags } from '../sampling/sampling-flags';
import { samplingTarget } from '../sampling/sampling-target';
import { mergeReports, realPath, resultsFile } from '../sampling/merge-reports';
import { buildReport, writeReport } from '../sampling/samplers-report';
import { samplersTable } from '../sampling/samplers-table';
import type { CommandContext } from './context';
import { checkOutputFile } from '../run-folder';

interface CompareFlags extends SamplingFlags {
  samplers?: string;
  out?: string;
  from?: string;
}

/** The flags that --from accepts besides itself; the others set up new runs. */
const FROM_FLAGS = new Set(['from', 'out', 'json', 'progress']);

const EXAMPLES = `
Examples:
  neuralrg compare-samplers --flow runs/ising-L8
  neuralrg compare-samplers --flow runs/ising-L16 --seconds 60 --chains 16
  neuralrg compare-samplers --L 8 --T Tc --samplers metropolis,wolff,hmc --out cmp.json
  neuralrg compare-samplers --from runs/wolff-L8,runs/fm-L8 --out cmp.json

Runs each sampler for --warmup steps, then until --sweeps steps or --seconds
of sampling, and prints acceptance, tau_int, ESS per second and the
observables against their exact values. With --flow the results go to
<run>/samplers.json unless --out is given. Ctrl-C stops the sampler that is
running, writes what was measured so far and exits with code 130.

For long comparisons, run each sampler with 'neuralrg sample' (which saves
its state and resumes) and put the finished runs side by side with --from.
`;

/** Adds `neuralrg compare-samplers`: every sampler on one Ising target, side by side. */
export function addCompareSamplersCommand(program: Command, context: CommandContext): void {
  const command = program
    .command('compare-samplers')
    .description(
      'compare Metropolis, Wolff, HMC, latent HMC and flow Metropolis on the 2D Ising model',
    )
    .option('--samplers <list>', `comma-separated samplers (default ${SAMPLER_KINDS.join(',')})`)
    .option('--out <file>', 'JSON file of the results (default <flow run>/samplers.json)')
    .option(
      '--from <runs>',
      "comma-separated folders of 'neuralrg sample' (or samplers JSON files) to show side by side, instead of running samplers",
    );
  withSamplingOptions(command)
    .addHelpText('after', EXAMPLES)
    .allowExcessArguments(false)
    .action(async (flags: CompareFlags) => {
      context.setExitCode(await compareSamplers(flags, context));
    });
}

/** `--from`: one table from the results of earlier runs; nothing is sampled. */
function compareFinishedRuns(flags: CompareFlags, context: CommandContext): number {
  const extra = Object.keys(flags).filter((key) => !FROM_FLAGS.has(key));
  if (extra.length > 0) {
    // commander's keys: camelCase for --step-size, as written for --L and --T.
    const flag = (key: string) =>
      key.length === 1 ? key : key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
    const names = extra.map((key) => `--${flag(key)}`);
    throw new UsageError(
      `--from shows finished runs and takes only --out and --json; got ${names.join(', ')}`,
    );
  }
  const entries = (flags.from ?? '').split(',').map((entry) => entry.trim()).filter((e) => e !== '');
  const out = flags.out === undefined ? undefined : checkOutputFile('--out', flags.out);
  const report = mergeReports(entries);
  // The files read, by real path, so that a link to an input counts as that
  // input (a combined file's own sources are older files, not inputs here).
  const inputs = entries.map((entry) => realPath(resultsFile(entry)));
  if (out !== undefined && inputs.includes(realPath(out))) {
    throw new UsageError(`--out ${out} is one of the --from files; choose another file name`);
  }
  if (out !== undefined) writeReport(out, report);
  context.io.stdout.write(flags.json ? `${JSON.stringify(report)}\n` : samplersTable(report));
  if (out !== undefined) context.io.stderr.write(`neuralrg: results written to ${out}\n`);
  return EXIT.ok;
}

async function compareSamplers(flags: CompareFlags, context: CommandContext): Promise<number> {
  if (flags.from !== undefined) return compareFinishedRuns(flags, context);
  const { io } = context;
  const kinds: SamplerKind[] =
    flags.samplers === undefined ? [...SAMPLER_KINDS] : samplerListFlag(flags.samplers);
  checkFlagUsers(flags, kinds);
  const settings = samplingSettings(flags);
  // Flow samplers named on purpose need a flow; by default they are skipped with a note.
  const named = flags.samplers === undefined ? [] : kinds.filter(needsFlow);
  if (named.length > 0 && flags.flow === undefined) {
    throw new UsageError(`--samplers ${named.join(', ')} needs a trained flow: give --flow RUN`);
  }
  await startBackend(settings.backend);

  const flowRun: FlowRun | undefined =
    flags.flow === undefined ? undefined : loadFlowRun(flags.flow);
  const target = samplingTarget(flags, flowRun);
  const dual = flowRun?.dual ?? new IsingDual(target);
  const engine = latticeEngine(settings);
  const exact = isingExactObservables(target.L, target.T);
  const out =
    flags.out !== undefined
      ? checkOutputFile('--out', flags.out)
      : flowRun === undefined
        ? undefined
        : path.join(flowRun.dir, 'samplers.json');

  const summaries: SamplerSummary[] = [];
  const skipped: { sampler: SamplerKind; reason: string }[] = [];
  let interrupted = false;
  try {
    for (const kind of kinds) {
      if (needsFlow(kind) && flowRun === undefined) {
        skipped.push({ sampler: kind, reason: 'needs a trained flow: give --flow' });
        continue;
      }
      const sampler = buildSampler(kind, target, settings, { dual, flowRun, engine });
      try {
        const { record, ended } = await runWithProgress(
          sampler,
          {
            warmup: settings.warmup,
            sweeps: settings.sweeps,
            seconds: settings.seconds,
            progress: flags.progress !== false,
          },
          io,
        );
        summaries.push(summariseRun(sampler, record, ended, exact.values));
        interrupted = ended === 'interrupted';
      } finally {
        sampler.dispose();
      }
      if (interrupted) break;
    }
  } finally {
    engine.runner?.dispose();
    if (flowRun === undefined) dual.dispose();
    else flowRun.dispose();
  }

  const report = buildReport({
    target,
    exact,
    flowRun,
    settings,
    engine,
    samplers: summaries,
    skipped,
  });
  if (out !== undefined) writeReport(out, report);
  io.stdout.write(flags.json ? `${JSON.stringify(report)}\n` : samplersTable(report));
  if (out !== undefined) io.stderr.write(`neuralrg: results written to ${out}\n`);
  if (interrupted) {
    io.stderr.write(
      'neuralrg: interrupted; the results above stop at the sampler that was running\n',
    );
    return EXIT.interrupted;
  }
  return EXIT.ok;
}
