import type { Command } from 'commander';
import { exactIsingValues, ExactIsingValues } from '../exact-values';
import { EXIT } from '../errors';
import { choiceFlag } from '../flag-values';
import { evenLatticeFlag, requiredFlag, temperatureFlag } from '../ising-flags';
import type { CommandContext } from './context';

/** Energies with exact results in `neuralrg exact`. */
const EXACT_ENERGIES = ['ising'] as const;

interface ExactFlags {
  energy?: string;
  L?: string;
  T?: string;
  json?: boolean;
}

/**
 * A derived value with as many decimals as shown, and a note when its
 * rounding error reaches the last of them.
 */
function withError(value: number, error: number, decimals: number): string {
  // Values far below the last decimal (high or low T) in significant digits.
  const small = value !== 0 && Math.abs(value) < 1e-3;
  const text = small ? value.toExponential(6) : value.toFixed(decimals);
  if (error < (small ? 5e-7 * Math.abs(value) : 0.5 * 10 ** -decimals)) return text;
  if (error >= Math.abs(value)) {
    return `${text} (no digits left: rounding error up to ${error.toExponential(1)})`;
  }
  return `${text} (rounding error up to ${error.toExponential(1)})`;
}

/** A readable table of the exact values. */
function exactTable(values: ExactIsingValues): string {
  const rows: [string, string][] = [
    ['lattice', `${values.L} x ${values.L} periodic, J = 1`],
    ['temperature T', String(values.T)],
    ['ln Z_Ising', values.lnZIsing.toFixed(10)],
    ['ln Z_cont (dual)', values.lnZcont.toFixed(10)],
    ['shift cont - Ising', values.shift.toFixed(10)],
    ['f per site', values.freeEnergyPerSite.toFixed(10)],
    ['E/N', withError(values.energyPerSite, values.energyError, 10)],
    ['specific heat c/N', withError(values.specificHeat, values.specificHeatError, 7)],
  ];
  const width = Math.max(...rows.map(([name]) => name.length));
  return rows.map(([name, value]) => `${name.padEnd(width)}  ${value}\n`).join('');
}

/** Adds `neuralrg exact`: exact ln Z, energy and specific heat of the Ising model, ln Z of its dual. */
export function addExactCommand(program: Command, context: CommandContext): void {
  program
    .command('exact')
    .description('print the exact ln Z, energy and specific heat of the 2D Ising model, and ln Z of its continuous dual')
    .option('--energy <name>', `energy model: ${EXACT_ENERGIES.join(', ')} (default ising)`)
    .option('--L <size>', 'linear lattice size, an even integer from 2 to 4096')
    .option('--T <temperature>', 'temperature in units of J, or Tc for 2/ln(1+sqrt 2)')
    .option('--json', 'print one JSON line {"lnZ": ln Z_Ising, "lnZcont": ln Z_cont, ...}')
    .allowExcessArguments(false)
    .action((flags: ExactFlags) => {
      choiceFlag('--energy', flags.energy ?? 'ising', EXACT_ENERGIES);
      const L = evenLatticeFlag(requiredFlag('--L', flags.L, 'the lattice size, e.g. --L 16'));
      const T = temperatureFlag(requiredFlag('--T', flags.T, 'the temperature, e.g. --T 2.269'));

      const values = exactIsingValues(L, T);
      context.io.stdout.write(flags.json ? `${JSON.stringify(values)}\n` : exactTable(values));
      context.setExitCode(EXIT.ok);
    });
}
