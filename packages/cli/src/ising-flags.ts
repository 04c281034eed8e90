import { ISING_CRITICAL_TEMPERATURE } from '@neuralrg/energies';
import { UsageError } from './errors';
import { decimalValue, integerFlag } from './flag-values';

/** Words that `--T` accepts for the critical temperature 2 / ln(1 + sqrt 2). */
const CRITICAL_NAMES = ['tc', 'critical'];

/**
 * The temperature of `--T`: a positive finite number in units of J, or
 * `Tc` for the critical temperature of the square-lattice Ising model.
 */
export function temperatureFlag(text: string): number {
  if (CRITICAL_NAMES.includes(text.trim().toLowerCase())) return ISING_CRITICAL_TEMPERATURE;
  const value = decimalValue(text);
  if (!Number.isFinite(value) || value <= 0) {
    throw new UsageError(
      `--T must be a positive finite temperature (or Tc for the critical point), got '${text}'`,
    );
  }
  return value;
}

/** Largest L for exact results: the dual's spectrum is summed over L^2 modes. */
export const MAX_EXACT_L = 4096;

/** The lattice size of `--L` for exact results: an even integer >= 2 (periodic torus). */
export function evenLatticeFlag(text: string): number {
  const L = integerFlag('--L', text, 2);
  if (L % 2 !== 0) {
    throw new UsageError(`--L must be an even integer >= 2, got '${text}'`);
  }
  if (L > MAX_EXACT_L) {
    throw new UsageError(
      `--L must be at most ${MAX_EXACT_L} for exact results (the spectrum has L^2 terms), got '${text}'`,
    );
  }
  return L;
}

/** The lattice size of `--L` for training: a power of 2, as the hierarchical flow needs. */
export function powerOfTwoLatticeFlag(text: string): number {
  const value = decimalValue(text);
  if (!Number.isInteger(value) || value < 2 || !Number.isInteger(Math.log2(value))) {
    throw new UsageError(
      `--L must be a power of 2 (2, 4, 8, 16, ...) for the MERA layout of the flow, got '${text}'`,
    );
  }
  return value;
}

/** Reads a required flag, or says which one is missing and what it is for. */
export function requiredFlag(flag: string, value: string | undefined, example: string): string {
  if (value === undefined) {
    throw new UsageError(`${flag} is required (${example})`);
  }
  return value;
}
