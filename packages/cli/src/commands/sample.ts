import * as path from 'path';
import type { Command } from 'commander';
import { IsingDual } from '@neuralrg/energies';
import {
  SAMPLER_KINDS,
  checkRecord,
  isingExactObservables,
  summariseRun,
} from '@neuralrg/samplers';
import type { Sampler, SamplerKind, SamplingRecord } from '@neuralrg/samplers';
import { EXIT, RunError, UsageError, oneLine } from '../errors';
import { choiceFlag, decimalValue, integerFlag, optionalFlag, positiveFlag } from '../flag-values';
import { requiredFlag } from '../ising-flags';
import { startBackend } from '../start-backend';
import { buildSampler, latticeEngine } from '../sampling/build-samplers';
import { loadFlowRun } from '../sampling/flow-run';
import type { FlowRun } from '../sampling/flow-run';
import { runWithProgress } from '../sampling/run-with-progress';
import {
  SAMPLE_FILES,
  checkFreeSampleFolder,
  readSampleState,
  writeSampleState,
} from '../sampling/sample-state';
import type { SampleState } from '../sampling/sample-state';
import {
  checkFlagUsers,
  flagName,
  samplingSettings,
  withSamplingOptions,
} from '../sampling/sampling-flags';
import type { SamplingFlags, SamplingSettings } from '../sampling/sampling-flags';
import { samplingTarget } from '../sampling/sampling-target';
import type { SamplingTarget } from '../sampling/sampling-target';
import { buildReport, writeReport } from '../sampling/samplers-report';
import { samplersTable } from '../sampling/samplers-table';
import type { CommandContext } from './context';

interface SampleFlags extends SamplingFlags {
  sampler?: string;
  out?: string;
  resume?: string;
  checkpointSeconds?: string;
}

/** Default seconds between saves of state.json while a run goes. */
const CHECKPOINT_SECONDS = 60;

/** Flags a resumed run takes from state.json and may not change. */
const FIXED_ON_RESUME = [
  'sampler',
  'flow',
  'L',
  'T',
  'chains',
  'seed',
  'engine',
  'leapfrog',
  'stepSize',
  'stepSizeAdaptation',
  'metric',
  'globalEvery',
  'delayedRejection',
  'proposalBatch',
  'warmup',
] as const;

const EXAMPLES = `
Examples:
  neuralrg sample --sampler wolff --L 16 --T Tc --out runs/wolff-L16
  neuralrg sample --sampler latent-hmc --flow runs/ising-L8 --out runs/lhmc-L8 --seconds 120
  neuralrg sample --resume runs/wolff-L16 --sweeps 40000

The folder gets state.json (the sampler's state and every recorded value,
to resume from) and sample.json (the results, in the samplers.json format).
state.json is also saved every --checkpoint-seconds while the run goes, so
a run that is killed resumes from its last save. Ctrl-C saves both and
exits with code 130; --resume continues exactly.
`;

/** Adds `neuralrg sample`: one sampler, with a run folder that can be resumed. */
export function addSampleCommand(program: Command, context: CommandContext): void {
  const command = program
    .command('sample')
    .description('run one MCMC sampler on the 2D Ising model, with diagnostics and exact checks')
    .option('--sampler <name>', `${SAMPLER_KINDS.join(', ')} (required for a new run)`)
    .option('--out <dir>', 'folder of a new run')
    .option('--resume <dir>', 'continue the run saved in this folder')
    .option('--checkpoint-seconds <s>', `seconds between saves of state.json while sampling (default ${CHECKPOINT_SECONDS}); saves never take more than about a tenth of the run, so 0 saves as often as that allows`);
  withSamplingOptions(command)
    .addHelpText('after', EXAMPLES)
    .allowExcessArguments(false)
    .action(async (flags: SampleFlags) => {
      context.setExitCode(await sample(flags, context));
    });
}

/** The run to do: from the flags, or from state.json with the flags that may change. */
function planRun(flags: SampleFlags): {
  dir: string;
  saved?: SampleState;
  kind: SamplerKind;
  settings: SamplingSettings;
} {
  if (flags.resume !== undefined) {
    if (flags.out !== undefined)
      throw new UsageError('give either --out (a new run) or --resume, not both');
    const fixed = FIXED_ON_RESUME.filter((name) => flags[name] !== undefined);
    if (fixed.length > 0) {
      throw new UsageError(
        `--resume continues a run with its own settings; drop ${fixed.map(flagName).join(', ')}`,
      );
    }
    const saved = readSampleState(flags.resume);
    const count = (flag: string, min: number) => (text: string) => integerFlag(flag, text, min);
    const settings: SamplingSettings = {
      ...saved.settings,
      // Runs saved before these settings existed adapted one shared step size, unit metric.
      stepSizeAdaptation: saved.settings.stepSizeAdaptation ?? 'shared',
      metric: saved.settings.metric ?? 'identity',
      globalEvery: saved.settings.globalEvery ?? 0,
      delayedRejection: saved.settings.delayedRejection ?? 0,
      sweeps: optionalFlag(flags.sweeps, saved.settings.sweeps, count('--sweeps', 2)),
      seconds: optionalFlag(flags.seconds, saved.settings.seconds, (t) =>
        positiveFlag('--seconds', t),
      ),
      backend:
        flags.backend === undefined ? saved.settings.backend : samplingSettings(flags).backend,
    };
    return { dir: flags.resume, saved, kind: saved.sampler, settings };
  }
  const kind = choiceFlag(
    '--sampler',
    requiredFlag('--sampler', flags.sampler, `one of ${SAMPLER_KINDS.join(', ')}`),
    SAMPLER_KINDS,
  );
  const dir = requiredFlag(
    '--out',
    flags.out,
    'the folder of the new run, e.g. --out runs/wolff-L8',
  );
  checkFlagUsers(flags, [kind]);
  const settings = samplingSettings(flags);
  checkFreeSampleFolder(dir);
  return { dir, kind, settings };
}

async function sample(flags: SampleFlags, context: CommandContext): Promise<number> {
  const { io } = context;
  const plan = planRun(flags);
  const { dir, saved, kind, settings } = plan;
  const checkpointSeconds = optionalFlag(flags.checkpointSeconds, CHECKPOINT_SECONDS, (text) => {
    const value = decimalValue(text);
    if (!(value >= 0 && Number.isFinite(value))) {
      throw new UsageError(`--checkpoint-seconds must be a number of seconds >= 0, got '${text}'`);
    }
    return value;
  });
  await startBackend(settings.backend);

  const flowDir = saved === undefined ? flags.flow : (saved.flow ?? undefined);
  const flowRun: FlowRun | undefined = flowDir === undefined ? undefined : loadFlowRun(flowDir);
  const engine = latticeEngine(settings);
  let sampler: Sampler | undefined;
  let dual: IsingDual | undefined;
  try {
    const target: SamplingTarget = saved?.target ?? samplingTarget(flags, flowRun);
    if (flowRun !== undefined && (flowRun.L !== target.L || flowRun.T !== target.T)) {
      throw new RunError(
        `the flow in '${flowRun.dir}' no longer matches the saved run ` +
          `(L = ${target.L}, T = ${target.T})`,
      );
    }
    dual = flowRun?.dual ?? new IsingDual(target);
    sampler = buildSampler(kind, target, settings, {
      dual,
      flowRun,
      engine,
      resume: saved?.samplerState,
    });
    let previous: SamplingRecord | undefined;
    if (saved !== undefined) {
      try {
        previous = checkRecord(saved.record, sampler);
      } catch (error) {
        throw new RunError(`${path.join(dir, SAMPLE_FILES.state)}: ${oneLine(error)}`);
      }
    }
    const verb = saved === undefined ? 'sampling' : `resuming at step ${previous?.steps ?? 0} of`;
    io.stderr.write(
      `neuralrg: ${verb} ising L=${target.L} T=${target.T} with ${kind} (${sampler.engine}), ` +
        `${sampler.chains} chains, into ${dir}\n`,
    );

    const stateOf = (running: Sampler, record: SamplingRecord): SampleState => ({
      format: 'neuralrg-sample-state',
      version: 1,
      sampler: kind,
      target,
      flow: flowRun === undefined ? null : path.resolve(flowRun.dir),
      settings,
      samplerState: running.saveState(),
      record,
    });
    const { record, ended } = await runWithProgress(
      sampler,
      {
        warmup: settings.warmup,
        sweeps: settings.sweeps,
        seconds: settings.seconds,
        progress: flags.progress !== false,
        checkpoint: {
          everySeconds: checkpointSeconds,
          save: (running, sofar) => writeSampleState(dir, stateOf(running, sofar)),
        },
      },
      io,
      previous,
    );
    writeSampleState(dir, stateOf(sampler, record));

    const exact = isingExactObservables(target.L, target.T);
    const report = buildReport({
      target,
      exact,
      flowRun,
      settings,
      engine,
      samplers: [summariseRun(sampler, record, ended, exact.values)],
      skipped: [],
    });
    writeReport(path.join(dir, SAMPLE_FILES.results), report);
    io.stdout.write(flags.json ? `${JSON.stringify(report)}\n` : samplersTable(report));

    if (ended === 'interrupted') {
      const where =
        `at step ${record.steps}` +
        (record.steps === 0 && record.warmupSteps > 0
          ? ` (after ${record.warmupSteps} of ${settings.warmup} warm-up steps)`
          : '');
      io.stderr.write(
        `neuralrg: interrupted ${where}; state saved; ` +
          `continue with 'neuralrg sample --resume ${dir}'\n`,
      );
      return EXIT.interrupted;
    }
    if (ended === 'all-chains-stopped') {
      throw new RunError(
        `every chain stopped on a NaN energy; see ${path.join(dir, SAMPLE_FILES.results)}`,
      );
    }
    return EXIT.ok;
  } finally {
    sampler?.dispose();
    engine.runner?.dispose();
    if (flowRun !== undefined) flowRun.dispose();
    else dual?.dispose();
  }
}
