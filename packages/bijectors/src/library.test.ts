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
  convRealNvp,
  deserializeBijector,
  hierarchyLayers,
  latentLevels,
  nice,
  randomMask,
  registerBijector,
  serializeBijector,
  setFiniteChecks,
} from './index';
import { convolve } from './conv';
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
  ['affine coupling with a conv conditioner', (rng) =>
    perturbed(new AffineCoupling({ dim: 24, mask: randomMask(24, rng, 10), conv: { lattice: [4, 6], channels: [3], kernelSize: 3 }, scaleBound: 2, ...mlp }, rng))],
  ['additive coupling with a 5x5 conv conditioner', (rng) =>
    perturbed(new AdditiveCoupling({ dim: 36, mask: checkerboardMask(6), conv: { lattice: [6, 6], channels: [2, 2], kernelSize: 5 }, ...mlp }, rng))],
  ['conv RealNVP on a 4x4 lattice', (rng) =>
    perturbed(convRealNvp({ L: 4, layers: 3, channels: [4], activation: 'tanh', scaleBound: 2 }, rng))],
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

describe('convolutional conditioners', () => {
  /** Rolls each row of an L x L batch by (di, dj) sites, periodically. */
  const roll = (x: tf.Tensor2D, L: number, di: number, dj: number) =>
    tf.tidy(() => {
      const grid = tf.reshape(x, [-1, L, L]);
      const rows = tf.concat([tf.slice(grid, [0, L - di, 0], [-1, di, -1]), tf.slice(grid, [0, 0, 0], [-1, L - di, -1])], 1);
      const both = tf.concat([tf.slice(rows, [0, 0, L - dj], [-1, -1, dj]), tf.slice(rows, [0, 0, 0], [-1, -1, L - dj])], 2);
      return tf.reshape(both, [-1, L * L]) as tf.Tensor2D;
    });

  test('patches times a matrix equal tfjs conv2d', () => {
    const x = tf.randomNormal([2, 7, 6, 3], 0, 1, 'float32', 1) as tf.Tensor4D;
    const filter = tf.randomNormal([3, 3, 3, 5], 0, 1, 'float32', 2) as tf.Tensor4D;
    const ours = convolve(x, filter, 5, 4);
    const theirs = tf.conv2d(x, filter, 1, 'valid');
    expect(ours.shape).toEqual(theirs.shape);
    // Sums of 27 float32 products of order 1, in a different order.
    expect(tf.max(tf.abs(tf.sub(ours, theirs))).dataSync()[0]).toBeLessThan(1e-4);
  });

  test('conv RealNVP commutes with translations that keep the checkerboard', () => {
    const L = 6;
    const flow = perturbed(convRealNvp({ L, layers: 4, channels: [4, 4], activation: 'elu', scaleBound: 2 }, new Rng(4)));
    const rng = new Rng(9);
    const z = tf.tensor2d(rng.fillNormal(new Float32Array(5 * L * L)), [5, L * L]);
    for (const [di, dj] of [[1, 1], [2, 0], [0, 4], [3, 5]]) {
      const a = flow.forward(roll(z, L, di, dj));
      const b = flow.forward(z);
      // Float32 arithmetic in a different order: 1e-4 on values of order 1-10.
      expect(tf.max(tf.abs(tf.sub(a.y, roll(b.y, L, di, dj)))).dataSync()[0]).toBeLessThan(1e-4);
      expect(tf.max(tf.abs(tf.sub(a.logDet, b.logDet))).dataSync()[0]).toBeLessThan(1e-4);
    }
    // A shift by one site swaps the colours, which the flow does not commute with.
    const c = flow.forward(roll(z, L, 1, 0));
    expect(tf.max(tf.abs(tf.sub(c.y, roll(flow.forward(z).y, L, 1, 0)))).dataSync()[0]).toBeGreaterThan(1e-2);
    flow.dispose();
  });

  test('a lattice that does not match dim, an even kernel and bad channels are named', () => {
    const rng = new Rng(1);
    const base = { dim: 16, mask: checkerboardMask(4), scaleBound: 2, ...mlp };
    expect(() => new AffineCoupling({ ...base, conv: { lattice: [4, 5], channels: [2] } }, rng)).toThrow(
      /AffineCoupling: conv lattice must be .*dim = 16, got \[4,5\]/,
    );
    expect(() => new AffineCoupling({ ...base, conv: { lattice: [4, 4], channels: [2], kernelSize: 2 } }, rng)).toThrow(
      /kernelSize must be an odd integer.*got 2/,
    );
    expect(() => new AffineCoupling({ ...base, conv: { lattice: [4, 4], channels: [0] } }, rng)).toThrow(/channels.*\[0\]/);
    expect(() => convRealNvp({ L: 5, layers: 2, channels: [2], activation: 'elu', scaleBound: 2 }, rng)).toThrow(/even.*got 5/);
  });

  test('a conv RealNVP survives the registry and serialization by name', () => {
    const flow = buildBijector({ type: 'conv-realnvp', options: { L: 4, layers: 2, channels: [3] } }, new Rng(2));
    perturbParameters(flow.parameters(), new Rng(3), 0.3);
    const copy = deserializeBijector(JSON.parse(JSON.stringify(serializeBijector(flow))));
    const z = tf.randomNormal([3, 16], 0, 1, 'float32', 7) as tf.Tensor2D;
    expect(tf.max(tf.abs(tf.sub(flow.forward(z).y, copy.forward(z).y))).dataSync()[0]).toBe(0);
    flow.dispose();
    copy.dispose();
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
