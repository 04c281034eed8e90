import { Rng } from '@neuralrg/tensor';
import type { Bijector } from './bijector';
import { Chain } from './chain';
import { AdditiveCoupling, AffineCoupling } from './coupling';
import { MlpOptions } from './mlp';

export interface RealNvpOptions extends MlpOptions {
  dim: number;
  /** Number of coupling layers; consecutive layers swap the two halves. */
  layers: number;
  scaleBound: number;
}

export interface NiceOptions extends MlpOptions {
  dim: number;
  layers: number;
}

/** `layers` couplings made by `make`, with parity alternating 0, 1, 0, ... */
function couplingStack(owner: string, layers: number, make: (parity: 0 | 1) => Bijector): Chain {
  if (!Number.isInteger(layers) || layers <= 0) {
    throw new RangeError(`${owner}: layers must be a positive integer, got ${layers}`);
  }
  return new Chain(Array.from({ length: layers }, (_, i) => make((i % 2) as 0 | 1)));
}

/** A RealNVP block: `layers` affine couplings with alternating halves. */
export function realNvpBlock(options: RealNvpOptions, rng: Rng): Chain {
  const { layers, ...coupling } = options;
  return couplingStack('RealNVP block', layers, (parity) => new AffineCoupling({ ...coupling, parity }, rng));
}

/** A NICE block: `layers` additive couplings with alternating halves. */
export function nice(options: NiceOptions, rng: Rng): Chain {
  const { layers, ...coupling } = options;
  return couplingStack('NICE block', layers, (parity) => new AdditiveCoupling({ ...coupling, parity }, rng));
}
