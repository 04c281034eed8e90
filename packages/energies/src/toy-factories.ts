import { GaussianMixture } from './gaussian-mixture';
import { checkParameterNames, optionalNumberParameter } from './parameters';
import type { EnergyConfig } from './registry-types';
import { Ring } from './ring';

const RING_KEYS = ['radius', 'width'] as const;
const MIXTURE_KEYS = ['components', 'radius', 'sigma'] as const;

/**
 * Builds {@link Ring} from a registry config { radius?, width? }.
 *
 * @throws RangeError for an unknown parameter or a bad value.
 */
export function createRing(config: EnergyConfig): Ring {
  checkParameterNames('ring', config, RING_KEYS);
  return new Ring({
    radius: optionalNumberParameter('ring', config, 'radius', 2),
    width: optionalNumberParameter('ring', config, 'width', 0.32),
  });
}

/**
 * Builds {@link GaussianMixture} from a registry config { components?, radius?, sigma? }.
 *
 * @throws RangeError for an unknown parameter or a bad value.
 */
export function createGaussianMixture(config: EnergyConfig): GaussianMixture {
  checkParameterNames('mixture', config, MIXTURE_KEYS);
  return new GaussianMixture({
    components: optionalNumberParameter('mixture', config, 'components', 4),
    radius: optionalNumberParameter('mixture', config, 'radius', 2),
    sigma: optionalNumberParameter('mixture', config, 'sigma', 0.5),
  });
}
