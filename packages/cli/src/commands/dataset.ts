import * as fs from 'fs';
import * as path from 'path';
import type { Command } from 'commander';
import {
  DEFAULT_DATASET_CHAINS,
  DEFAULT_DATASET_THIN,
  DEFAULT_DATASET_WARMUP,
  isingDataset,
  isingExactEnergyPerSite,
  summariseObservable,
} from '@neuralrg/samplers';
import { encodeNpy, writeFileAtomic } from '@neuralrg/trainer';
import { metadataFile, writeDatasetMetadata } from '../dataset-metadata';
import type { DatasetSettings } from '../dataset-metadata';
import { EXIT, UsageError } from '../errors';
import { integerFlag, optionalFlag } from '../flag-values';
import { evenLatticeFlag, requiredFlag, temperatureFlag } from '../ising-flags';
import type { CommandContext } from './context';

/** Configurations written when --samples is not given. */
const DEFAULT_SAMPLES = 65536;

/** Most float32 values in one file (1 GiB), so that the arrays fit in memory with room. */
const MAX_VALUES = 2 ** 28;

/** Above this tau_int (in kept samples) the summary suggests a larger --thin. */
const CORRELATED_TAU = 1.5;

interface DatasetFlags {
  L?: string;
  T?: string;
  out?: string;
  samples?: string;
  chains?: string;
  thin?: string;
  warmup?: string;
  seed?: string;
  force?: boolean;
  json?: boolean;
  progress?: boolean;
}

/** Least seconds between two progress lines of a long draw. */
const PROGRESS_SECONDS = 2;

/** What `neuralrg dataset` prints, as a table or with --json. */
interface DatasetSummary extends DatasetSettings {
  file: string;
  seconds: number;
  /** The kept spins' energy against the exact value; null with < 2 per chain. */
  energyPerSite: { value: number; stdErr: number; exact: number; deviation: number } | null;
  /** tau_int of the energy in kept configurations; null with < 2 per chain. */
  tauInt: number | null;
}

/** The energy check over the first n kept values of every chain, n the shortest. */
function energyCheck(
  series: readonly Float64Array[],
  exact: number,
): Pick<DatasetSummary, 'energyPerSite' | 'tauInt'> {
  const n = Math.min(...series.map((s) => s.length));
  if (n < 2) return { energyPerSite: null, tauInt: null };
  const energy = summariseObservable(series.map((s) => s.subarray(0, n)));
  const deviation = (energy.mean - exact) / energy.stdErr;
  return {
    energyPerSite: { value: energy.mean, stdErr: energy.stdErr, exact, deviation },
    tauInt: energy.tauInt,
  };
}

function summaryTable(summary: DatasetSummary): string {
  const energy = summary.energyPerSite;
  const rows: [string, string][] = [
    ['file', `${summary.file} (float32 [${summary.samples}, ${summary.L}, ${summary.L}])`],
    ['lattice', `${summary.L} x ${summary.L} periodic, J = 1, T = ${summary.T}`],
    [
      'chains x thin',
      `${summary.chains} Wolff chain${summary.chains === 1 ? '' : 's'}, ` +
        `${summary.thin} cluster flip${summary.thin === 1 ? '' : 's'} apart`,
    ],
    ['seconds', summary.seconds.toFixed(1)],
  ];
  if (energy !== null && summary.tauInt !== null) {
    rows.push(
      ['energy per site', `${energy.value.toFixed(5)} +- ${energy.stdErr.toFixed(5)}`],
      ['exact', `${energy.exact.toFixed(5)} (${energy.deviation.toFixed(2)} standard errors off)`],
      ['tau_int (kept)', summary.tauInt.toFixed(2)],
    );
  }
  const width = Math.max(...rows.map(([name]) => name.length));
  let text = rows.map(([name, value]) => `${name.padEnd(width)}  ${value}\n`).join('');
  if (energy === null) {
    text +=
      'energy check skipped: it needs at least 2 kept configurations per chain ' +
      '(--samples >= 2 x --chains)\n';
  }
  if (summary.tauInt !== null && summary.tauInt > CORRELATED_TAU) {
    text +=
      `warning: kept configurations are correlated (tau_int ${summary.tauInt.toFixed(2)}); ` +
      'a larger --thin makes them closer to independent\n';
  }
  return text;
}

/** The output file: a new .npy path, or an existing one only with --force. */
function outputFile(text: string | undefined, force: boolean): string {
  const file = requiredFlag('--out', text, 'the .npy file to write, e.g. --out ising-L8.npy');
  if (!file.endsWith('.npy')) {
    throw new UsageError(`--out must name a .npy file, got '${file}'`);
  }
  for (const target of [file, metadataFile(file)]) {
    if (fs.existsSync(target) && fs.statSync(target).isDirectory()) {
      throw new UsageError(`--out ${file} needs to write ${target}, which is a folder`);
    }
  }
  // The nearest existing ancestor must be a folder, or the file cannot be made.
  let ancestor = path.dirname(path.resolve(file));
  while (!fs.existsSync(ancestor)) ancestor = path.dirname(ancestor);
  if (!fs.statSync(ancestor).isDirectory()) {
    throw new UsageError(`--out ${file} lies under ${ancestor}, which is a file, not a folder`);
  }
  if (fs.existsSync(file) && !force) {
    throw new UsageError(`--out ${file} exists; choose another name or pass --force to replace it`);
  }
  return file;
}

/**
 * Adds `neuralrg dataset`: exact Ising configurations from Wolff chains,
 * lifted to the continuous dual and written as .npy for forward-KL training.
 */
export function addDatasetCommand(program: Command, context: CommandContext): void {
  program
    .command('dataset')
    .description(
      'write exact configurations of the Ising dual (Wolff chains, x ~ N(K s, K)) ' +
        'as .npy, for train --data',
    )
    .option('--L <size>', 'linear lattice size, an even integer')
    .option('--T <temperature>', 'temperature in units of J, or Tc')
    .option('--out <file>', 'the .npy file to write')
    .option('--samples <n>', `configurations to write (default ${DEFAULT_SAMPLES})`)
    .option('--chains <n>', `independent Wolff chains (default ${DEFAULT_DATASET_CHAINS})`)
    .option('--thin <n>', `cluster flips between kept configurations (default ${DEFAULT_DATASET_THIN})`)
    .option('--warmup <n>', `cluster flips per chain before the first (default ${DEFAULT_DATASET_WARMUP})`)
    .option('--seed <n>', 'seed of the generator (default 1)')
    .option('--force', 'replace an existing --out file')
    .option('--json', 'print the summary as one JSON document')
    .option('--no-progress', 'no progress lines on stderr')
    .allowExcessArguments(false)
    .addHelpText(
      'after',
      '\nExample:\n' +
        '  neuralrg dataset --L 8 --T Tc --out ising-L8.npy\n' +
        '  neuralrg train --L 8 --T Tc --data ising-L8.npy --out runs/fit-L8\n\n' +
        'Each configuration is a Wolff sample s of the Ising model lifted to the dual\n' +
        'by x = K s + F xi (F F^T = K, xi ~ N(0, 1)), an exact draw of the density the\n' +
        'flows are trained on. The summary checks the spins against the exact energy.\n' +
        'FILE.json records L, T and the settings; train --data refuses the file for\n' +
        'another L or T.\n',
    )
    .action((flags: DatasetFlags) => {
      const L = evenLatticeFlag(requiredFlag('--L', flags.L, 'the lattice size, e.g. --L 8'));
      const T = temperatureFlag(requiredFlag('--T', flags.T, 'the temperature, e.g. --T Tc'));
      const samples = optionalFlag(flags.samples, DEFAULT_SAMPLES, (t) => integerFlag('--samples', t, 1));
      const chains = optionalFlag(flags.chains, DEFAULT_DATASET_CHAINS, (t) => integerFlag('--chains', t, 1));
      const thin = optionalFlag(flags.thin, DEFAULT_DATASET_THIN, (t) => integerFlag('--thin', t, 1));
      const warmup = optionalFlag(flags.warmup, DEFAULT_DATASET_WARMUP, (t) => integerFlag('--warmup', t, 0));
      const seed = optionalFlag(flags.seed, 1, (t) => integerFlag('--seed', t, 0));
      if (samples * L * L > MAX_VALUES) {
        throw new UsageError(
          `--samples ${samples} at L = ${L} makes ${samples * L * L} values; at most ${MAX_VALUES} ` +
            `(a ${(MAX_VALUES * 4) / 2 ** 30} GiB float32 file) fit in one file: write several with different --seed`,
        );
      }
      const file = outputFile(flags.out, flags.force === true);

      const started = process.hrtime.bigint();
      const elapsed = () => Number(process.hrtime.bigint() - started) / 1e9;
      let shown = 0;
      const onProgress = (done: number, total: number, phase: 'draw' | 'lift'): void => {
        if (flags.progress === false || done === total || elapsed() - shown < PROGRESS_SECONDS) return;
        shown = elapsed();
        const what = phase === 'draw' ? 'configurations drawn' : 'lifted to the dual';
        context.io.stderr.write(`neuralrg: dataset: ${done}/${total} ${what} after ${shown.toFixed(0)} s\n`);
      };
      const data = isingDataset({ L, T, samples, chains, thin, warmup, seed, onProgress });
      const bytes = encodeNpy(data.dual, [samples, L, L]);
      writeFileAtomic(file, bytes);
      const settings = { L, T, samples, chains: data.chains, thin, warmup, seed };
      writeDatasetMetadata(file, bytes, settings);
      const seconds = elapsed();

      const exact = isingExactEnergyPerSite(L, T).energyPerSite;
      const summary: DatasetSummary = {
        file,
        ...settings,
        seconds,
        ...energyCheck(data.energyByChain, exact),
      };
      context.io.stdout.write(flags.json ? `${JSON.stringify(summary)}\n` : summaryTable(summary));
      context.setExitCode(EXIT.ok);
    });
}
