import { IsingDual } from './ising-dual';
import type { EnergyConfig } from './registry-types';
import { describeValue } from './validate';

const ISING_KEYS = ['L', 'T'] as const;

/** Reads a numeric parameter given as a number or a numeric string (from a CLI). */
function numberParameter(config: EnergyConfig, key: string): number {
  const value = config[key];
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) {
    return Number(value);
  }
  throw new TypeError(`ising parameter ${key} must be a number, got ${describeValue(value)}`);
}

/**
 * Builds {@link IsingDual} from a registry config { L, T }; numbers may come
 * as numeric strings.
 *
 * @throws RangeError for a parameter other than L and T, or an invalid L or T;
 *   TypeError when L or T is missing or not numeric.
 */
export function createIsingDual(config: EnergyConfig): IsingDual {
  for (const key of Object.keys(config)) {
    if (!(ISING_KEYS as readonly string[]).includes(key)) {
      throw new RangeError(
        `ising has no parameter '${key}'; expected ${ISING_KEYS.join(', ')}`,
      );
    }
  }
  return new IsingDual({ L: numberParameter(config, 'L'), T: numberParameter(config, 'T') });
}
