import { Rng, liveTensors, tf, useBackend } from '@neuralrg/tensor';
import {
  AdditiveCoupling,
  AffineCoupling,
  Bijector,
  BijectorError,
  ElementwiseAffine,
  LinearLU,
  Permutation,
  buildBijector,
  buildHierarchy,
  checkConformance,
  checkerboardMask,
  deserializeBijector,
  hierarchyLayers,
  latentLevels,
  nice,
  randomMask,
  registerBijector,
  serializeBijector,
  setFiniteChecks,
} from './index';
import { perturbParameters } from './testing';

// Float32 passes through a few layers: 2e-3 absolute on values of order
// 1-10 is far above rounding (~1e-5) and far below any real bug (order 1).
const TOLERANCE = 2e-3;
const mlp = { hidden: [8], activation: 'tanh' as const, outputGain: 1 };

beforeAll(async () => {
  await useBackend('cpu');
});

function perturbed<T extends Bijector>(b: T, seed = 5, scale = 0.3): T {
  perturbParameters(b.parameters(), new Rng(seed), scale);
  return b;
}

const cases: Array<[string, (rng: Rng) => Bijector]> = [
  ['additive coupling (NICE)', (rng) => new AdditiveCoupling({ dim: 4, parity: 1, ...mlp }, rng)],
  ['NICE block', (rng) => nice({ dim: 6, layers: 3, ...mlp }, rng)],
  ['affine coupling with a checkerboard mask', (rng) =>
    new AffineCoupling({ dim: 16, mask: checkerboardMask(4), scaleBound: 2, ...mlp }, rng)],
  ['affine coupling with an uneven random mask', (rng) =>
    new AffineCoupling({ dim: 7, mask: randomMask(7, rng, 3), scaleBound: 2, ...mlp }, rng)],
  ['linear LU', (rng) => perturbed(new LinearLU({ dim: 5, initScale: 0.5, signs: [1, -1, 1, 1, -1] }, rng))],
  ['elementwise affine', () => perturbed(new ElementwiseAffine(6))],
  ['permutation', () => new Permutation([2, 0, 3, 1])],
  ['chain MERA, blocks of 2', (rng) =>
    perturbed(buildHierarchy({ L: 8, dims: 1, layout: 'mera', couplingLayers: 2, hidden: [6], activation: 'elu', scaleBound: 2 }, rng))],
  ['chain MERA, blocks of 4', (rng) =>
    perturbed(buildHierarchy({ L: 16, dims: 1, blockSize: 4, layout: 'mera', couplingLayers: 2, hidden: [6], activation: 'elu', scaleBound: 2 }, rng))],
  ['lattice MERA of linear blocks', (rng) =>
    perturbed(buildHierarchy({ L: 4, layout: 'mera', block: 'linear-lu', couplingLayers: 1, hidden: [], activation: 'elu', scaleBound: 2 }, rng))],
  // A smaller perturbation: at 0.3 its 24 couplings of 16 variables scale
  // values up to ~300, where float32 round trips lose 4e-3 in absolute terms.
  ['lattice MERA of 4x4 RealNVP blocks', (rng) =>
    perturbed(buildHierarchy({ L: 8, kernel: 4, layout: 'mera', couplingLayers: 2, hidden: [6], activation: 'elu', scaleBound: 2 }, rng), 5, 0.1)],
  ['lattice MERA of 4x4 linear blocks', (rng) =>
    perturbed(buildHierarchy({ L: 8, kernel: 4, layout: 'mera', block: 'linear-lu', couplingLayers: 1, hidden: [], activation: 'elu', scaleBound: 2 }, rng))],
  ['disentangler-only lattice', (rng) =>
    perturbed(buildHierarchy({ L: 4, layout: 'disentangler', depth: 3, couplingLayers: 2, hidden: [4], activation: 'relu', scaleBound: 2 }, rng))],
];

describe('conformance kit on every built-in bijector', () => {
  test.each(cases)('%s', (_name, make) => {
    const bijector = make(new Rng(3));
    const report = checkConformance(bijector, { tolerance: TOLERANCE });
    expect(report.failures).toEqual([]);
    bijector.dispose();
  });

  test('the kit catches a wrong ln|det|', () => {
    const honest = new ElementwiseAffine(3);
    perturbParameters(honest.parameters(), new Rng(1), 0.5);
    const liar = Object.assign(Object.create(Object.getPrototypeOf(honest)), honest) as ElementwiseAffine;
    liar.forwardColumns = (z) => {
      const out = honest.forwardColumns(z);
      return { y: out.y, logDet: tf.add(out.logDet, 0.1) };
    };
    const report = checkConformance(liar);
    expect(report.passed).toBe(false);
    expect(report.failures.join()).toMatch(/Jacobian/);
    honest.dispose();
  });
});

describe('registry and serialization', () => {
  test('a serialized tree rebuilds the same map', () => {
    const rng = new Rng(8);
    const h = perturbed(buildHierarchy({ L: 4, layout: 'mera', couplingLayers: 2, hidden: [5], activation: 'elu', scaleBound: 2 }, rng));
    const text = JSON.stringify(serializeBijector(h));
    const copy = deserializeBijector(JSON.parse(text));
    const z = tf.randomNormal([3, 16], 0, 1, 'float32', 4) as tf.Tensor2D;
    const [a, b] = tf.tidy(() => [h.forward(z).y.dataSync(), copy.forward(z).y.dataSync()]);
    expect(Array.from(b)).toEqual(Array.from(a));
    z.dispose();
    h.dispose();
    copy.dispose();
  });

  test('an unknown type names the missing plugin', () => {
    const data = serializeBijector(new Permutation([1, 0]));
    data.spec.type = 'spline-flow';
    expect(() => deserializeBijector(data)).toThrow(/unknown bijector type 'spline-flow'.*--plugin/);
  });

  test('a plugin registers a type that hierarchies use by name', () => {
    registerBijector('test-scale-block', (options) => new ElementwiseAffine(options.dim as number));
    const h = buildHierarchy({ L: 4, layout: 'decimator', block: 'test-scale-block', couplingLayers: 1, hidden: [], activation: 'elu', scaleBound: 1 }, new Rng(1));
    // The factory's product describes itself: its spec rebuilds it without the plugin name.
    expect(h.spec().children?.[0].children?.[0].type).toBe('elementwise-affine');
    expect(() => registerBijector('test-scale-block', () => new Permutation([0]))).toThrow(/already registered/);
    h.dispose();
  });

  test('buildBijector checks its options', () => {
    expect(() => buildBijector({ type: 'realnvp', options: { dim: 4 } }, new Rng(1))).toThrow(/needs option 'layers'/);
  });
});

describe('bad input names the bijector and the layer', () => {
  test('a shape mismatch deep in a hierarchy', () => {
    const h = buildHierarchy({ L: 4, layout: 'mera', couplingLayers: 2, hidden: [4], activation: 'elu', scaleBound: 2 }, new Rng(1));
    const chain = h as unknown as { forwardColumns: (x: tf.Tensor2D) => { y: tf.Tensor2D } };
    expect(() => tf.tidy(() => chain.forwardColumns(tf.zeros([15, 2])).y)).toThrow(/feature-major batch of shape \[16, B\]/);
    expect(() => tf.tidy(() => h.forward(tf.zeros([2, 15])).y)).toThrow(/\[B, 16\].*\[2, 15\]/);
    h.dispose();
  });

  test('non-finite values are traced to the first layer that made them', () => {
    const h = buildHierarchy({ L: 4, layout: 'mera', couplingLayers: 2, hidden: [4], activation: 'elu', scaleBound: 2 }, new Rng(1));
    perturbParameters(h.parameters(), new Rng(2), 0.2);
    const input = tf.tensor2d([[NaN, ...new Array(15).fill(0)]]);
    setFiniteChecks(true);
    try {
      expect(() => tf.tidy(() => h.forward(input).y)).toThrow(BijectorError);
      expect(() => tf.tidy(() => h.forward(input).y)).toThrow(/layer \d+ \(blockwise\) > layer \d+ \(affine-coupling\): forward output has \d+ non-finite/);
    } finally {
      setFiniteChecks(false);
      input.dispose();
      h.dispose();
    }
  });

  test('mask, singular matrix and layout errors', () => {
    const rng = new Rng(1);
    expect(() => new AffineCoupling({ dim: 4, mask: [1, 1, 1, 1], scaleBound: 1, ...mlp }, rng)).toThrow(/at least one variable of each kind/);
    expect(() => new AffineCoupling({ dim: 4, mask: [1, 0], scaleBound: 1, ...mlp }, rng)).toThrow(/mask must have 4 entries/);
    const linear = new LinearLU({ dim: 2 });
    expect(() => linear.setMatrix([1, 2, 2, 4])).toThrow(/linear-lu layer: matrix is singular/);
    linear.setMatrix([2, 1, 1, 3]);
    const w = tf.tidy(() => linear.matrix().dataSync());
    expect(Array.from(w).map((v) => Number(v.toFixed(5)))).toEqual([2, 1, 1, 3]);
    linear.dispose();
    expect(() => hierarchyLayers({ L: 12, dims: 1, layout: 'mera', couplingLayers: 1, hidden: [], activation: 'elu', scaleBound: 1 })).toThrow(/power of 2.*got 12/);
    expect(() => hierarchyLayers({ L: 8, dims: 1, blockSize: 4, layout: 'mera', couplingLayers: 1, hidden: [], activation: 'elu', scaleBound: 1 })).toThrow(/power of 4.*got 8/);
  });
});

test('latent levels of a chain', () => {
  expect(Array.from(latentLevels(8, undefined, 1))).toEqual([3, 0, 1, 0, 2, 0, 1, 0]);
  expect(Array.from(latentLevels(16, undefined, 1, 4)).slice(0, 8)).toEqual([2, 0, 0, 0, 1, 0, 0, 0]);
});

test('no tensors survive a disposed flow', () => {
  const before = liveTensors();
  const h = buildHierarchy({ L: 4, layout: 'mera', couplingLayers: 2, hidden: [4], activation: 'elu', scaleBound: 2 }, new Rng(1));
  h.dispose();
  expect(liveTensors()).toBe(before);
});
