import { GaussianFreeField } from './gaussian-free-field';
import { checkParameterNames, numberParameter, optionalNumberParameter } from './parameters';
import type { EnergyConfig } from './registry-types';

const GFF_KEYS = ['L', 'd', 'm2'] as const;

/**
 * Builds {@link GaussianFreeField} from a registry config { L, d, m2 }
 * (d defaults to 2); numbers may come as numeric strings.
 *
 * @throws RangeError for an unknown parameter or a bad value; TypeError when
 *   L or m2 is missing or not numeric.
 */
export function createGaussianFreeField(config: EnergyConfig): GaussianFreeField {
  checkParameterNames('gff', config, GFF_KEYS);
  return new GaussianFreeField({
    L: numberParameter('gff', config, 'L'),
    d: optionalNumberParameter('gff', config, 'd', 2),
    m2: numberParameter('gff', config, 'm2'),
  });
}
