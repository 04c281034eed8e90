import * as path from 'path';
import { ACTIVATIONS, LAYOUTS } from '@neuralrg/bijectors';
import type { Layout } from '@neuralrg/bijectors';
import { energyNames } from '@neuralrg/energies';
import { BACKENDS } from '@neuralrg/tensor';
import type { BackendName } from '@neuralrg/tensor';
import { SCHEDULES } from '@neuralrg/trainer';
import type { TrainConfig } from '@neuralrg/trainer';
import { TRAIN_DEFAULTS } from './defaults';
import { UsageError } from './errors';
import {
  choiceFlag,
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

/**
 * Turns the flags of a new `neuralrg train` into a TrainConfig, taking
 * every unset flag from TRAIN_DEFAULTS.
 *
 * @throws UsageError naming the first bad or missing flag.
 */
export function planNewRun(flags: TrainFlags): NewRunPlan {
  const d = TRAIN_DEFAULTS;
  const out = requiredFlag('--out', flags.out, 'the folder of the new run, e.g. --out runs/L8');
  const energy = choiceFlag('--energy', flags.energy ?? d.energy, energyNames());
  const L = powerOfTwoLatticeFlag(requiredFlag('--L', flags.L, 'the lattice size, e.g. --L 8'));
  const T = temperatureFlag(requiredFlag('--T', flags.T, 'the temperature, e.g. --T 2.269'));
  const layout = choiceFlag('--layout', flags.layout ?? d.layout, LAYOUTS);
  const count = (flag: string, min: number) => (text: string) => integerFlag(flag, text, min);

  const config: TrainConfig = {
    energy: { name: energy, L, T },
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
  };
  if (flags.depth !== undefined) config.flow.depth = depthFlag(flags.depth, L, layout);
  if (flags.block !== undefined) config.flow.block = flags.block;
  if (flags.blockSize !== undefined) config.flow.blockSize = integerFlag('--block-size', flags.blockSize, 2);
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
