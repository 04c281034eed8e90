/**
 * An example neuralrg plugin. Loading it registers two bijector types:
 * - 'sinh-arcsinh': the elementwise sinh-arcsinh transform (options: dim);
 * - 'sinh-arcsinh-realnvp': a RealNVP block followed by a sinh-arcsinh
 *   layer, usable as the block of a hierarchy (options as 'realnvp').
 *
 *   neuralrg train --plugin neuralrg-plugin-sinh-arcsinh --block sinh-arcsinh-realnvp ...
 */
import { Chain, realNvpBlock, registerBijector } from '@neuralrg/bijectors';
import type { Activation } from '@neuralrg/bijectors';
import { SinhArcsinh } from './sinh-arcsinh';

export { SinhArcsinh } from './sinh-arcsinh';

function dimOf(options: Record<string, unknown>, type: string): number {
  const dim = options.dim;
  if (typeof dim !== 'number') throw new RangeError(`bijector '${type}' needs a numeric option 'dim', got ${String(dim)}`);
  return dim;
}

registerBijector('sinh-arcsinh', (options) => new SinhArcsinh(dimOf(options, 'sinh-arcsinh')), true);

registerBijector(
  'sinh-arcsinh-realnvp',
  (options, { rng }) => {
    const dim = dimOf(options, 'sinh-arcsinh-realnvp');
    const block = realNvpBlock(
      {
        dim,
        layers: (options.layers as number | undefined) ?? 4,
        hidden: (options.hidden as number[] | undefined) ?? [16, 16],
        activation: (options.activation as Activation | undefined) ?? 'elu',
        scaleBound: (options.scaleBound as number | undefined) ?? 2,
        outputGain: 0,
      },
      rng,
    );
    return new Chain([...block.parts, new SinhArcsinh(dim)]);
  },
  true,
);
