import { Rng } from '@neuralrg/tensor';
import { Chain } from './chain';
import { AdditiveCoupling, AffineCoupling } from './coupling';
import { MlpOptions } from './mlp';

export interface RealNvpOptions extends MlpOptions {
  dim: number;
  /** Number of coupling layers; consecutive layers swap the two halves. */
  layers: number;
  scaleBound: number;
}

/** A RealNVP block: `layers` affine couplings with alternating halves. */
export function realNvpBlock(options: RealNvpOptions, rng: Rng): Chain {
  if (!Number.isInteger(options.layers) || options.layers <= 0) {
    throw new RangeError(`RealNVP block: layers must be a positive integer, got ${options.layers}`);
  }
  const parts = [];
  for (let i = 0; i < options.layers; i++) {
    const { layers: _layers, ...coupling } = options;
    parts.push(new AffineCoupling({ ...coupling, parity: (i % 2) as 0 | 1 }, rng));
  }
  return new Chain(parts);
}

export interface NiceOptions extends MlpOptions {
  dim: number;
  layers: number;
}

/** A NICE block: `layers` additive couplings with alternating halves. */
export function nice(options: NiceOptions, rng: Rng): Chain {
  if (!Number.isInteger(options.layers) || options.layers <= 0) {
    throw new RangeError(`NICE block: layers must be a positive integer, got ${options.layers}`);
  }
  const parts = [];
  for (let i = 0; i < options.layers; i++) {
    const { layers: _layers, ...coupling } = options;
    parts.push(new AdditiveCoupling({ ...coupling, parity: (i % 2) as 0 | 1 }, rng));
  }
  return new Chain(parts);
}
