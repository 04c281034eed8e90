import * as path from 'path';
import { ACTIVATIONS, LAYOUTS } from '@neuralrg/bijectors';
import type { Layout } from '@neuralrg/bijectors';
import { createEnergy, energyNames, numericValue } from '@neuralrg/energies';
import { BACKENDS } from '@neuralrg/tensor';
import type { BackendName } from '@neuralrg/tensor';
import { GRADIENT_ESTIMATORS, SCHEDULES } from '@neuralrg/trainer';
import type { TrainConfig } from '@neuralrg/trainer';
import { TRAIN_DEFAULTS } from './defaults';
import { UsageError, oneLine } from './errors';
import {
  choiceFlag,
  decimalValue,
  integerFlag,
  integerListFlag,
  optionalFlag,
  positiveFlag,
} from './flag-values';
import { powerOfTwoLatticeFlag, requiredFlag, temperatureFlag } from './ising-flags';
import type { TrainFlags } from './train-flags';

/** A new training run, with every flag checked and every default filled in. */
export interface NewRunPlan {
  kind: 'new';
  out: string;
  config: TrainConfig;
  backend: BackendName;
  checkpointEvery: number;
  threads: number;
  progress: boolean;
}

/** `--depth`: 1..log2 L levels for the tree layouts, any positive count of disentanglers. */
function depthFlag(text: string, L: number, layout: Layout): number {
  const depth = integerFlag('--depth', text, 1);
  const levels = Math.log2(L);
  if (layout !== 'disentangler' && depth > levels) {
    throw new UsageError(
      `--depth must be between 1 and log2 L = ${levels} for the ${layout} layout at L = ${L}, ` +
        `got '${text}'`,
    );
  }
  return depth;
}

/** --kernel: block side 2 or 4 for the hierarchies, an odd convolution side for 'conv'. */
function kernelFlag(text: string, layout: Layout): number {
  if (layout !== 'conv') return Number(choiceFlag('--kernel', text.trim(), ['2', '4']));
  const kernel = integerFlag('--kernel', text, 1);
  if (kernel % 2 === 0) throw new UsageError(`--kernel must be odd for the conv layout, got '${text}'`);
  return kernel;
}

/**
 * The energy of a new run: --energy (or 'module' with --energy-module, whose
 * path is stored absolute), --L and --T (both required for ising, passed on
 * when given for the others) and --param key=value pairs. The model is built
 * once here, so that a bad parameter is a usage error naming it.
 */
function energyOfFlags(
  flags: TrainFlags,
  fallback: string,
): { config: TrainConfig['energy']; L: number; shape: readonly number[] } {
  if (flags.energyModule !== undefined && flags.energy !== undefined && flags.energy !== 'module') {
    throw new UsageError(`--energy-module cannot be combined with --energy '${flags.energy}'`);
  }
  const name =
    flags.energyModule !== undefined
      ? 'module'
      : choiceFlag('--energy', flags.energy ?? fallback, energyNames());
  const energy: TrainConfig['energy'] = { name };
  if (name === 'module') {
    const example = 'the path of the module, e.g. ./my-energy.js';
    const file = requiredFlag('--energy-module', flags.energyModule, example);
    energy.module = path.resolve(file);
  }
  if (name === 'ising' || flags.L !== undefined) {
    energy.L = powerOfTwoLatticeFlag(requiredFlag('--L', flags.L, 'the lattice size, e.g. --L 8'));
  }
  if (name === 'ising' || flags.T !== undefined) {
    energy.T = temperatureFlag(requiredFlag('--T', flags.T, 'the temperature, e.g. --T 2.269'));
  }
  for (const pair of flags.param ?? []) {
    const match = /^\s*([A-Za-z_]\w*)\s*=\s*(\S.*?)\s*$/.exec(pair);
    if (match === null) {
      throw new UsageError(`--param must be key=value, e.g. --param m2=0.5, got '${pair}'`);
    }
    const [, key, text] = match;
    if (key in energy) {
      throw new UsageError(`--param ${key} is given twice (or also by its own flag)`);
    }
    energy[key] = numericValue(text) ?? text;
  }

  const { name: _name, ...parameters } = energy;
  let shape: readonly number[];
  try {
    const model = createEnergy(name, parameters);
    shape = [...model.shape];
    model.dispose();
  } catch (error) {
    throw new UsageError(`energy '${name}': ${oneLine(error)}`);
  }
  return { config: energy, L: shape[0], shape };
}

/**
 * Checks the flow flags against the energy's layout (a square lattice or
 * a chain) before any flow is built, so that a mismatch is a usage error
 * that names the flag.
 */
function checkFlowFlags(flags: TrainFlags, layout: Layout, shape: readonly number[]): void {
  const lattice = shape.length === 2 && shape[0] === shape[1];
  const where = `energy of shape [${shape.join(', ')}]`;
  if (layout === 'conv') {
    const spelled = { depth: '--depth', repeats: '--repeats', block: '--block', blockSize: '--block-size' } as const;
    const given = (Object.keys(spelled) as (keyof typeof spelled)[]).filter((f) => flags[f] !== undefined);
    if (given.length > 0) {
      throw new UsageError(
        `${given.map((f) => spelled[f]).join(', ')} ${given.length === 1 ? 'does' : 'do'} not apply to ` +
          '--layout conv, which builds its own couplings and has no RG levels',
      );
    }
    if (!lattice) throw new UsageError(`--layout conv needs a square 2D lattice, got an ${where}`);
    if (flags.kernel !== undefined && Number(flags.kernel) > shape[0]) {
      throw new UsageError(`--kernel must be at most the lattice side L = ${shape[0]} for --layout conv, got '${flags.kernel}'`);
    }
    return;
  }
  if (flags.kernel !== undefined && !lattice) {
    throw new UsageError(`--kernel sets the blocks of 2D lattices; this ${where} is a chain: use --block-size`);
  }
  if (flags.blockSize !== undefined && lattice) {
    throw new UsageError(`--block-size sets the blocks of 1D chains; this ${where} is a 2D lattice: use --kernel`);
  }
}

/** The training options of --data, --gradient-estimator, --clip-norm, --early-stop, --warmup. */
function trainingOptionsOfFlags(flags: TrainFlags): Partial<TrainConfig> {
  const options: Partial<TrainConfig> = {};
  if (flags.data !== undefined) {
    const holdout = optionalFlag(flags.holdout, TRAIN_DEFAULTS.holdout, (text) => {
      const value = decimalValue(text);
      if (!(value >= 0 && value < 1)) {
        throw new UsageError(`--holdout must be a fraction in [0, 1), got '${text}'`);
      }
      return value;
    });
    options.mode = 'forward-kl';
    options.data = { file: path.resolve(flags.data), holdoutFraction: holdout };
  } else if (flags.holdout !== undefined) {
    throw new UsageError('--holdout needs --data, the samples to hold some of out');
  }
  if (flags.gradientEstimator !== undefined) {
    const text = flags.gradientEstimator;
    options.gradientEstimator = choiceFlag('--gradient-estimator', text, GRADIENT_ESTIMATORS);
    if (options.gradientEstimator === 'stl' && options.mode === 'forward-kl') {
      throw new UsageError(
        '--gradient-estimator stl applies to reverse-KL training, not to --data',
      );
    }
  }
  if (flags.clipNorm !== undefined) options.clipNorm = positiveFlag('--clip-norm', flags.clipNorm);
  if (flags.earlyStop !== undefined) {
    const patience = integerFlag('--early-stop', flags.earlyStop, 1);
    const minDelta = optionalFlag(flags.earlyStopDelta, 0, (text) => {
      const value = decimalValue(text);
      if (!(value >= 0 && Number.isFinite(value))) {
        throw new UsageError(`--early-stop-delta must be a number >= 0, got '${text}'`);
      }
      return value;
    });
    options.earlyStopping = { patience, minDelta, window: Math.min(25, patience) };
  } else if (flags.earlyStopDelta !== undefined) {
    throw new UsageError('--early-stop-delta needs --early-stop, the patience in steps');
  }
  if (flags.warmup !== undefined) options.warmupSteps = integerFlag('--warmup', flags.warmup, 0);
  return options;
}

/**
 * Turns the flags of a new `neuralrg train` into a TrainConfig, taking
 * every unset flag from TRAIN_DEFAULTS.
 *
 * @throws UsageError naming the first bad or missing flag.
 */
export function planNewRun(flags: TrainFlags): NewRunPlan {
  const d = TRAIN_DEFAULTS;
  const out = requiredFlag('--out', flags.out, 'the folder of the new run, e.g. --out runs/L8');
  const { config: energy, L, shape } = energyOfFlags(flags, d.energy);
  const layout = choiceFlag('--layout', flags.layout ?? d.layout, LAYOUTS);
  checkFlowFlags(flags, layout, shape);
  const count = (flag: string, min: number) => (text: string) => integerFlag(flag, text, min);

  const config: TrainConfig = {
    energy,
    flow: {
      layout,
      repeats: optionalFlag(flags.repeats, d.repeats, count('--repeats', 0)),
      couplingLayers: optionalFlag(
        flags.couplingLayers,
        d.couplingLayers,
        count('--coupling-layers', 1),
      ),
      hidden: optionalFlag(flags.hidden, [...d.hidden], (t) => integerListFlag('--hidden', t)),
      activation: choiceFlag('--activation', flags.activation ?? d.activation, ACTIVATIONS),
      scaleBound: optionalFlag(flags.scaleBound, d.scaleBound, (t) =>
        positiveFlag('--scale-bound', t),
      ),
    },
    symmetric: flags.symmetric ?? d.symmetric,
    batch: optionalFlag(flags.batch, d.batch, count('--batch', 1)),
    epochs: optionalFlag(flags.epochs, d.epochs, count('--epochs', 1)),
    learningRate: optionalFlag(flags.lr, d.lr, (t) => positiveFlag('--lr', t)),
    schedule: choiceFlag('--schedule', flags.schedule ?? d.schedule, SCHEDULES),
    seed: optionalFlag(flags.seed, d.seed, count('--seed', 0)),
    evalSamples: optionalFlag(flags.evalSamples, d.evalSamples, count('--eval-samples', 1)),
    ...trainingOptionsOfFlags(flags),
  };
  if (flags.depth !== undefined) config.flow.depth = depthFlag(flags.depth, L, layout);
  if (flags.block !== undefined) config.flow.block = flags.block;
  if (flags.blockSize !== undefined) config.flow.blockSize = integerFlag('--block-size', flags.blockSize, 2);
  if (flags.kernel !== undefined) config.flow.kernel = kernelFlag(flags.kernel, layout);
  if (flags.plugin !== undefined && flags.plugin.length > 0) {
    // Paths are stored absolute, so that --resume finds them from anywhere.
    config.plugins = flags.plugin.map((p) => (p.startsWith('.') || path.isAbsolute(p) ? path.resolve(p) : p));
  }

  return {
    kind: 'new',
    out,
    config,
    backend: choiceFlag('--backend', flags.backend ?? d.backend, BACKENDS),
    checkpointEvery: optionalFlag(
      flags.checkpointEvery,
      d.checkpointEvery,
      count('--checkpoint-every', 1),
    ),
    threads: optionalFlag(flags.threads, d.threads, count('--threads', 1)),
    progress: flags.progress ?? true,
  };
}
