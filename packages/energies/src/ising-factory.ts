import { IsingDual } from './ising-dual';
import type { EnergyConfig } from './registry-types';
import { numberParameter } from './parameters';

const ISING_KEYS = ['L', 'T'] as const;


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
  return new IsingDual({ L: numberParameter('ising', config, 'L'), T: numberParameter('ising', config, 'T') });
}
