import { BACKENDS } from '@neuralrg/tensor';
import type { BackendName } from '@neuralrg/tensor';
import type { ObservableWeights } from '@neuralrg/trainer';
import { choiceFlag, integerFlag, optionalFlag } from '../flag-values';

/** The flags of `neuralrg estimate` as commander hands them over. */
export interface EstimateFlags {
  samples?: string;
  batch?: string;
  seed?: string;
  backend?: string;
  bootstrap?: string;
  weights?: string;
  json?: boolean;
}

/** Defaults of `neuralrg estimate`; batch and backend default to the run's own. */
export const ESTIMATE_DEFAULTS = Object.freeze({ samples: 16384, seed: 1, bootstrap: 200 });

/** The checked settings of one `neuralrg estimate`. */
export interface EstimatePlan {
  samples: number;
  batch?: number;
  seed: number;
  backend?: BackendName;
  bootstrap: number;
  weights: ObservableWeights;
  json: boolean;
}

/** The choices of --weights. */
export const WEIGHT_KINDS: readonly ObservableWeights[] = ['raw', 'psis'];

/**
 * Checks the flags of `neuralrg estimate`.
 *
 * @throws UsageError naming the first bad value.
 */
export function planEstimate(flags: EstimateFlags): EstimatePlan {
  const d = ESTIMATE_DEFAULTS;
  return {
    samples: optionalFlag(flags.samples, d.samples, (t) => integerFlag('--samples', t, 2)),
    batch: optionalFlag(flags.batch, undefined, (t) => integerFlag('--batch', t, 1)),
    seed: optionalFlag(flags.seed, d.seed, (t) => integerFlag('--seed', t, 0)),
    backend: optionalFlag(flags.backend, undefined, (t) => choiceFlag('--backend', t, BACKENDS)),
    bootstrap: optionalFlag(flags.bootstrap, d.bootstrap, (t) => integerFlag('--bootstrap', t, 2)),
    weights: choiceFlag('--weights', flags.weights ?? 'raw', WEIGHT_KINDS),
    json: flags.json === true,
  };
}
