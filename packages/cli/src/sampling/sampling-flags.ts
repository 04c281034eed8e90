import type { Command } from 'commander';
import { BACKENDS } from '@neuralrg/tensor';
import type { BackendName } from '@neuralrg/tensor';
import {
  LATTICE_ENGINES,
  MAX_DELAYED_REJECTION,
  METRIC_KINDS,
  MIN_METRIC_WARMUP,
  STEP_SIZE_ADAPTATIONS,
} from '@neuralrg/samplers';
import { UsageError } from '../errors';
import type {
  LatticeEnginePreference,
  MetricKind,
  SamplerKind,
  StepSizeAdaptation,
} from '@neuralrg/samplers';
import { choiceFlag, integerFlag, optionalFlag, positiveFlag } from '../flag-values';
import { SAMPLING_DEFAULTS } from './sampling-defaults';

/** Flags shared by `sample` and `compare-samplers`, as commander hands them over. */
export interface SamplingFlags {
  L?: string;
  T?: string;
  flow?: string;
  chains?: string;
  warmup?: string;
  sweeps?: string;
  seconds?: string;
  seed?: string;
  backend?: string;
  engine?: string;
  leapfrog?: string;
  stepSize?: string;
  stepSizeAdaptation?: string;
  metric?: string;
  globalEvery?: string;
  delayedRejection?: string;
  proposalBatch?: string;
  progress?: boolean;
  json?: boolean;
}

/** The run settings shared by both commands, checked, with defaults filled in. */
export interface SamplingSettings {
  /** Chains of every sampler, or null for the defaults per sampler (see chainsFor). */
  chains: number | null;
  warmup: number;
  sweeps: number;
  seconds: number;
  seed: number;
  backend: BackendName;
  engine: LatticeEnginePreference;
  leapfrog: number;
  stepSize: number;
  stepSizeAdaptation: StepSizeAdaptation;
  metric: MetricKind;
  globalEvery: number;
  /** HMC and latent HMC: step reduction of a second try after a rejection; 0 for none. */
  delayedRejection: number;
  proposalBatch: number;
}

/**
 * Reads the shared flags, taking unset ones from SAMPLING_DEFAULTS.
 *
 * @throws UsageError naming the first bad flag: zero chains, a step size
 *   <= 0, a negative warm-up, an unknown backend or engine, a metric to
 *   estimate with too short a warm-up.
 */
export function samplingSettings(flags: SamplingFlags): SamplingSettings {
  const d = SAMPLING_DEFAULTS;
  const count = (flag: string, min: number) => (text: string) => integerFlag(flag, text, min);
  const settings: SamplingSettings = {
    chains: optionalFlag<number | null>(flags.chains, null, count('--chains', 1)),
    warmup: optionalFlag(flags.warmup, d.warmup, count('--warmup', 0)),
    sweeps: optionalFlag(flags.sweeps, d.sweeps, count('--sweeps', 2)),
    seconds: optionalFlag(flags.seconds, d.seconds, (t) => positiveFlag('--seconds', t)),
    seed: optionalFlag(flags.seed, d.seed, count('--seed', 0)),
    backend: choiceFlag('--backend', flags.backend ?? d.backend, BACKENDS),
    engine: choiceFlag('--engine', flags.engine ?? d.engine, LATTICE_ENGINES),
    leapfrog: optionalFlag(flags.leapfrog, d.leapfrog, count('--leapfrog', 1)),
    stepSize: optionalFlag(flags.stepSize, d.stepSize, (t) => positiveFlag('--step-size', t)),
    stepSizeAdaptation: choiceFlag(
      '--step-size-adaptation',
      flags.stepSizeAdaptation ?? d.stepSizeAdaptation,
      STEP_SIZE_ADAPTATIONS,
    ),
    metric: choiceFlag('--metric', flags.metric ?? d.metric, METRIC_KINDS),
    globalEvery: optionalFlag(flags.globalEvery, d.globalEvery, count('--global-every', 0)),
    delayedRejection: optionalFlag(flags.delayedRejection, d.delayedRejection, (text) => {
      const value = integerFlag('--delayed-rejection', text, 0);
      if (value === 1 || value > MAX_DELAYED_REJECTION) {
        throw new UsageError(
          `--delayed-rejection must be 0 (off) or an integer from 2 to ${MAX_DELAYED_REJECTION}, ` +
            `the step reduction of the second try, got '${text}'`,
        );
      }
      return value;
    }),
    proposalBatch: optionalFlag(flags.proposalBatch, d.proposalBatch, count('--proposal-batch', 1)),
  };
  if (settings.metric !== 'identity' && settings.warmup < MIN_METRIC_WARMUP) {
    throw new UsageError(
      `--metric ${settings.metric} needs --warmup >= ${MIN_METRIC_WARMUP} to be estimated, ` +
        `got ${settings.warmup}`,
    );
  }
  return settings;
}

/** Adds the shared options to a command, with their help texts. */
export function withSamplingOptions(command: Command): Command {
  const d = SAMPLING_DEFAULTS;
  return command
    .option('--flow <run>', "run folder of 'neuralrg train' whose flow the flow samplers use")
    .option('--L <size>', "linear lattice size, an even integer (default: the flow run's)")
    .option('--T <temperature>', "temperature in units of J, or Tc (default: the flow run's)")
    .option(
      '--chains <n>',
      `chains per sampler, run as one batch (default ${d.latticeChains} for metropolis and wolff, ` +
        `${d.tensorChains} for the tfjs samplers)`,
    )
    .option('--warmup <n>', `warm-up steps, step size adapting, not recorded (default ${d.warmup})`)
    .option('--sweeps <n>', `most sampling steps per chain (default ${d.sweeps})`)
    .option(
      '--seconds <s>',
      `wall-time budget of the sampling phase per sampler (default ${d.seconds})`,
    )
    .option('--seed <n>', `seed of every sampler's generator (default ${d.seed})`)
    .option('--backend <name>', `tensor backend: ${BACKENDS.join(', ')} (default ${d.backend})`)
    .option(
      '--engine <name>',
      `lattice kernels: ${LATTICE_ENGINES.join(', ')} (default ${d.engine})`,
    )
    .option(
      '--leapfrog <n>',
      'leapfrog steps per HMC trajectory; latent HMC: at most, for a length pi/2 ' +
        `(default ${d.leapfrog})`,
    )
    .option(
      '--step-size <eps>',
      `starting HMC step size, adapted in warm-up (default ${d.stepSize})`,
    )
    .option(
      '--step-size-adaptation <how>',
      'HMC warm-up: shared (one step size on the mean acceptance) or per-chain ' +
        `(each chain its own) (default ${d.stepSizeAdaptation})`,
    )
    .option(
      '--metric <kind>',
      `HMC metric: ${METRIC_KINDS.join(', ')}; diagonal and dense are estimated ` +
        `in warm-up, which must then be >= ${MIN_METRIC_WARMUP} steps (default ${d.metric})`,
    )
    .option(
      '--global-every <k>',
      'latent HMC: after every k-th trajectory, a global move, z drawn from the prior and ' +
        `accepted by Metropolis-Hastings; 0 for none (default ${d.globalEvery})`,
    )
    .option(
      '--delayed-rejection <a>',
      `HMC and latent HMC: retry a rejected trajectory once with a step a times smaller and a ` +
        `times the leapfrog steps (delayed-rejection HMC), a an integer from 2 to ` +
        `${MAX_DELAYED_REJECTION}; 0 for none (default ${d.delayedRejection})`,
    )
    .option('--proposal-batch <n>', `flow proposals per pass (default ${d.proposalBatch})`)
    .option('--json', 'print the results as one JSON document on stdout instead of a table')
    .option('--no-progress', 'no progress display on stderr');
}

/** The command-line spelling of a flag's property name: stepSize -> --step-size. */
export function flagName(property: string): string {
  // camelCase to kebab-case; single capitals such as L and T stay as they are.
  return `--${property.replace(/([a-z])([A-Z])/g, (_, a: string, b: string) => `${a}-${b.toLowerCase()}`)}`;
}

/** Flags that only some samplers read, with those samplers. */
const FLAG_USERS: Readonly<Partial<Record<keyof SamplingFlags, readonly SamplerKind[]>>> = {
  leapfrog: ['hmc', 'latent-hmc'],
  stepSize: ['hmc', 'latent-hmc'],
  stepSizeAdaptation: ['hmc', 'latent-hmc'],
  metric: ['hmc', 'latent-hmc'],
  globalEvery: ['latent-hmc'],
  delayedRejection: ['hmc', 'latent-hmc'],
  proposalBatch: ['flow-metropolis'],
  engine: ['metropolis', 'wolff'],
};

/**
 * Refuses a flag that none of the samplers to run reads, so that no run
 * records a setting that played no part in it.
 *
 * @throws UsageError naming the flag, the samplers to run and those that read it.
 */
export function checkFlagUsers(flags: SamplingFlags, kinds: readonly SamplerKind[]): void {
  for (const [name, users] of Object.entries(FLAG_USERS)) {
    if (flags[name as keyof SamplingFlags] === undefined) continue;
    if (kinds.some((kind) => users.includes(kind))) continue;
    const flag = flagName(name);
    const which =
      kinds.length === 1 ? `sampler '${kinds[0]}'` : `samplers ${kinds.join(', ')}`;
    throw new UsageError(`${flag} does not apply to ${which}; it is for ${users.join(', ')}`);
  }
}

/** The chains a sampler runs: --chains, or the default for its kind. */
export function chainsFor(kind: SamplerKind, settings: SamplingSettings): number {
  if (settings.chains !== null) return settings.chains;
  return kind === 'metropolis' || kind === 'wolff'
    ? SAMPLING_DEFAULTS.latticeChains
    : SAMPLING_DEFAULTS.tensorChains;
}
