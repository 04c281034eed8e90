import { checkParameterNames, numberParameter, optionalNumberParameter } from './parameters';
import { Phi4 } from './phi4';
import type { EnergyConfig } from './registry-types';

const PHI4_KEYS = ['L', 'kappa', 'lambda', 'd'] as const;

/**
 * Builds {@link Phi4} from a registry config { L, kappa, lambda, d? }
 * (d defaults to 2); numbers may come as numeric strings.
 *
 * @throws RangeError for an unknown parameter or a bad value; TypeError for
 *   a missing or non-numeric one.
 */
export function createPhi4(config: EnergyConfig): Phi4 {
  checkParameterNames('phi4', config, PHI4_KEYS);
  return new Phi4({
    L: numberParameter('phi4', config, 'L'),
    kappa: numberParameter('phi4', config, 'kappa'),
    lambda: numberParameter('phi4', config, 'lambda'),
    d: optionalNumberParameter('phi4', config, 'd', 2),
  });
}
