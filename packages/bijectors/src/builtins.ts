import type { ConvOptions } from './conv';
import type { Activation } from './mlp';
import { Blockwise } from './blockwise';
import { Chain } from './chain';
import { AdditiveCoupling, AffineCoupling } from './coupling';
import { ElementwiseAffine } from './elementwise';
import { Inverted } from './inverted';
import { LinearLU } from './linear-lu';
import { Permutation } from './permutation-bijector';
import { convRealNvp, nice, realNvpBlock } from './realnvp';
import { registerBijector } from './registry';

/** Reads a required option of a registry factory, with a clear error. */
function need<T>(options: Record<string, unknown>, key: string, type: string): T {
  if (options[key] === undefined) throw new RangeError(`bijector '${type}' needs option '${key}'`);
  return options[key] as T;
}

function only(children: unknown[], count: number, type: string): void {
  if (children.length !== count) {
    throw new RangeError(`bijector '${type}' takes ${count} child bijector(s), got ${children.length}`);
  }
}

const mlpOptions = (o: Record<string, unknown>, type: string) => ({
  hidden: o.conv !== undefined && o.hidden === undefined ? [] : need<number[]>(o, 'hidden', type),
  activation: (o.activation ?? 'elu') as Activation,
  outputGain: (o.outputGain as number | undefined) ?? 0,
});

registerBijector('chain', (_o, { children }) => new Chain(children));
registerBijector('inverted', (_o, { children }) => {
  only(children, 1, 'inverted');
  return new Inverted(children[0]);
});
registerBijector('blockwise', (o, { children }) => {
  only(children, 1, 'blockwise');
  return new Blockwise(need<number>(o, 'dim', 'blockwise'), need<number[]>(o, 'blocks', 'blockwise'), children[0]);
});
registerBijector(
  'affine-coupling',
  (o, { rng }) =>
    new AffineCoupling(
      {
        dim: need<number>(o, 'dim', 'affine-coupling'),
        parity: (o.parity as 0 | 1 | undefined) ?? 0,
        mask: o.mask as number[] | undefined,
        conv: o.conv as ConvOptions | undefined,
        scaleBound: (o.scaleBound as number | undefined) ?? 2,
        ...mlpOptions(o, 'affine-coupling'),
      },
      rng,
    ),
);
registerBijector(
  'additive-coupling',
  (o, { rng }) =>
    new AdditiveCoupling(
      {
        dim: need<number>(o, 'dim', 'additive-coupling'),
        parity: (o.parity as 0 | 1 | undefined) ?? 0,
        mask: o.mask as number[] | undefined,
        conv: o.conv as ConvOptions | undefined,
        ...mlpOptions(o, 'additive-coupling'),
      },
      rng,
    ),
);
registerBijector('realnvp', (o, { rng }) =>
  realNvpBlock(
    {
      dim: need<number>(o, 'dim', 'realnvp'),
      layers: need<number>(o, 'layers', 'realnvp'),
      scaleBound: (o.scaleBound as number | undefined) ?? 2,
      ...mlpOptions(o, 'realnvp'),
    },
    rng,
  ),
);
registerBijector('conv-realnvp', (o, { rng }) =>
  convRealNvp(
    {
      L: need<number>(o, 'L', 'conv-realnvp'),
      layers: need<number>(o, 'layers', 'conv-realnvp'),
      channels: need<number[]>(o, 'channels', 'conv-realnvp'),
      kernelSize: o.kernelSize as number | undefined,
      activation: (o.activation ?? 'elu') as Activation,
      scaleBound: (o.scaleBound as number | undefined) ?? 2,
    },
    rng,
  ),
);
registerBijector('nice', (o, { rng }) =>
  nice({ dim: need<number>(o, 'dim', 'nice'), layers: need<number>(o, 'layers', 'nice'), ...mlpOptions(o, 'nice') }, rng),
);
registerBijector(
  'linear-lu',
  (o, { rng }) =>
    new LinearLU(
      {
        dim: need<number>(o, 'dim', 'linear-lu'),
        signs: o.signs as number[] | undefined,
        initScale: o.initScale as number | undefined,
      },
      rng,
    ),
);
registerBijector('elementwise-affine', (o) => new ElementwiseAffine(need<number>(o, 'dim', 'elementwise-affine')));
registerBijector('permutation', (o) => new Permutation(need<number[]>(o, 'order', 'permutation')));
