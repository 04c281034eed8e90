import { Rng } from '@neuralrg/tensor';
import type { Bijector } from './bijector';
import { Chain } from './chain';
import { AdditiveCoupling, AffineCoupling } from './coupling';
import { checkerboardMask } from './masks';
import { Activation, MlpOptions } from './mlp';

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

export interface ConvRealNvpOptions {
  /** Linear size of the periodic L x L lattice (even, so checkerboards alternate). */
  L: number;
  /** Number of coupling layers; consecutive layers swap the checkerboard colours. */
  layers: number;
  /** Channels of each conditioner's hidden convolutions. */
  channels: readonly number[];
  /** Odd side of the convolution kernels (default 3). */
  kernelSize?: number;
  activation: Activation;
  scaleBound: number;
}

/**
 * Affine couplings over a whole periodic L x L lattice: each layer keeps
 * one checkerboard colour and updates the other with a scale and shift
 * from a convolutional network, so the flow is equivariant under the
 * lattice translations that keep the checkerboard.
 */
export function convRealNvp(options: ConvRealNvpOptions, rng: Rng): Chain {
  const { L, layers, channels, kernelSize, activation, scaleBound } = options;
  if (!Number.isInteger(L) || L < 2 || L % 2 !== 0) {
    throw new RangeError(`conv RealNVP: L must be an even integer >= 2, got ${L}`);
  }
  return couplingStack(
    'conv RealNVP',
    layers,
    (parity) =>
      new AffineCoupling(
        {
          dim: L * L,
          mask: checkerboardMask(L, parity),
          conv: { lattice: [L, L], channels: [...channels], kernelSize },
          hidden: [],
          activation,
          outputGain: 0,
          scaleBound,
        },
        rng,
      ),
  );
}
