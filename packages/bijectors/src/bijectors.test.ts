import { Rng, liveTensors, tf, useBackend } from '@neuralrg/tensor';
import {
  AffineCoupling,
  Blockwise,
  Chain,
  Flow,
  Inverted,
  blockSites,
  buildHierarchy,
  hierarchyLayers,
  latentLevels,
  realNvpBlock,
} from './index';
import { checkConformance } from './conformance';
import { perturbParameters } from './testing';

// Float32 tolerances: a round trip through ~60 couplings accumulates
// rounding of order 1e-6 relative per op on values of order 1-10, so 1e-3
// absolute is tight enough to catch a wrong inverse (errors of order 1)
// without flaking. ln|det| from an autodiff Jacobian and a float64 LU
// agrees with the analytic sum of scales to ~1e-4 for dim <= 64.
const ROUND_TRIP = 1e-3;
const LOG_DET = 2e-3;

const mlp = { hidden: [8, 8], activation: 'elu' as const, outputGain: 1, scaleBound: 2 };

beforeAll(async () => {
  await useBackend('cpu');
});

describe('bijectors are invertible with exact ln|det|', () => {
  const cases: Array<[string, (rng: Rng) => Chain | AffineCoupling | Blockwise | Inverted]> = [
    ['affine coupling, parity 0', (rng) => new AffineCoupling({ dim: 4, parity: 0, ...mlp }, rng)],
    ['affine coupling, parity 1, tanh', (rng) =>
      new AffineCoupling({ dim: 6, parity: 1, ...mlp, activation: 'tanh' }, rng)],
    ['RealNVP block', (rng) => realNvpBlock({ dim: 4, layers: 4, ...mlp }, rng)],
    ['inverted RealNVP block', (rng) => new Inverted(realNvpBlock({ dim: 4, layers: 3, ...mlp }, rng))],
    ['blockwise on a partial tiling', (rng) =>
      new Blockwise(16, blockSites(4, 1, false), realNvpBlock({ dim: 4, layers: 2, ...mlp }, rng))],
    ['MERA hierarchy L=4', (rng) => {
      const h = buildHierarchy(
        { L: 4, layout: 'mera', couplingLayers: 2, hidden: [6], activation: 'elu', scaleBound: 2 },
        rng,
      );
      perturbParameters(h.parameters(), rng, 0.3);
      return h;
    }],
    ['decimator-only hierarchy L=8', (rng) => {
      const h = buildHierarchy(
        { L: 8, layout: 'decimator', couplingLayers: 2, hidden: [6], activation: 'relu', scaleBound: 2 },
        rng,
      );
      perturbParameters(h.parameters(), rng, 0.3);
      return h;
    }],
  ];

  test.each(cases)('%s', (_name, make) => {
    const rng = new Rng(7);
    const bijector = make(rng);
    const before = liveTensors();
    const result = checkConformance(bijector, { tolerance: LOG_DET });
    expect(result.failures).toEqual([]);
    expect(result.roundTrip).toBeLessThan(ROUND_TRIP);
    expect(result.inverseRoundTrip).toBeLessThan(ROUND_TRIP);
    bijector.dispose();
    expect(liveTensors()).toBeLessThan(before);
  });
});

describe('MERA layout', () => {
  test('each tiling covers the surviving sites exactly once', () => {
    const L = 8;
    for (let level = 0; level < 3; level++) {
      for (const shifted of [false, true]) {
        const sites = Array.from(blockSites(L, level, shifted)).sort((a, b) => a - b);
        const spacing = 1 << level;
        const expected: number[] = [];
        for (let i = 0; i < L; i += spacing) for (let j = 0; j < L; j += spacing) expected.push(i * L + j);
        expect(sites).toEqual(expected.sort((a, b) => a - b));
      }
    }
  });

  test('4x4 tilings cover the surviving sites once and lead with the next level\'s sites', () => {
    const L = 8;
    for (let level = 0; level < 2; level++) {
      for (const shifted of [false, true]) {
        const blocks = blockSites(L, level, shifted, 4);
        const spacing = 1 << level;
        const expected: number[] = [];
        for (let i = 0; i < L; i += spacing) for (let j = 0; j < L; j += spacing) expected.push(i * L + j);
        expect(Array.from(blocks).sort((a, b) => a - b)).toEqual(expected.sort((a, b) => a - b));
        if (shifted) continue;
        // In the unshifted tiling the first four sites of every block are on
        // the next level's grid, and no other site is.
        const onNextGrid = (site: number) => Math.floor(site / L) % (2 * spacing) === 0 && (site % L) % (2 * spacing) === 0;
        for (let b = 0; b < blocks.length; b += 16) {
          const block = Array.from(blocks.slice(b, b + 16));
          expect(block.map(onNextGrid)).toEqual(block.map((_, k) => k < 4));
        }
      }
    }
  });

  test('a 4x4 kernel falls back to the whole grid where the grid is smaller', () => {
    const rng = new Rng(2);
    const h = buildHierarchy({ L: 8, kernel: 4, layout: 'mera', block: 'linear-lu', couplingLayers: 1, hidden: [], activation: 'elu', scaleBound: 1 }, rng);
    // Coarse to fine: level 2 (a 2x2 grid) uses 2x2 blocks, levels 1 and 0 use 4x4.
    expect(h.parameters().length).toBeGreaterThan(0);
    const dims = h.parts.map((p) => (p as Blockwise).inner.dim);
    expect(dims).toEqual([4, 4, 16, 16, 16, 16]);
    expect(() => buildHierarchy({ L: 8, kernel: 3, layout: 'mera', couplingLayers: 1, hidden: [], activation: 'elu', scaleBound: 1 }, rng)).toThrow(/kernel must be 2 or 4, got 3/);
    expect(() => hierarchyLayers({ L: 8, dims: 1, kernel: 4, layout: 'mera', couplingLayers: 1, hidden: [], activation: 'elu', scaleBound: 1 })).toThrow(/kernel applies to 2D/);
    h.dispose();
  });

  test('a full MERA on L=8 has 6 layers, coarse to fine', () => {
    const layers = hierarchyLayers({ L: 8, layout: 'mera', couplingLayers: 1, hidden: [2], activation: 'elu', scaleBound: 1 });
    expect(layers.map((l) => `${l.role[1]}${l.level}`)).toEqual(['e2', 'i2', 'e1', 'i1', 'e0', 'i0']);
  });

  test('latent levels count 3/4 of the sites at level 0', () => {
    const levels = Array.from(latentLevels(8));
    expect(levels.filter((l) => l === 0)).toHaveLength(48);
    expect(levels.filter((l) => l === 1)).toHaveLength(12);
    expect(levels.filter((l) => l === 2)).toHaveLength(3);
    expect(levels.filter((l) => l === 3)).toHaveLength(1);
  });

  test('bad sizes are rejected with the value', () => {
    const base = { couplingLayers: 1, hidden: [2], activation: 'elu' as const, scaleBound: 1 };
    expect(() => hierarchyLayers({ L: 6, layout: 'mera', ...base })).toThrow(/power of 2.*got 6/);
    expect(() => hierarchyLayers({ L: 8, layout: 'mera', depth: 4, ...base })).toThrow(/depth.*got 4/);
    const rng = new Rng(1);
    const block = realNvpBlock({ dim: 4, layers: 1, ...mlp }, rng);
    expect(() => block.forward(tf.zeros([2, 5]))).toThrow(/\[B, 4\].*\[2, 5\]/);
  });
});

describe('Flow density', () => {
  test('ln q from sampling equals ln q from the inverse pass, symmetrised too', () => {
    const rng = new Rng(3);
    const h = buildHierarchy({ L: 4, layout: 'mera', couplingLayers: 2, hidden: [6], activation: 'elu', scaleBound: 2 }, rng);
    perturbParameters(h.parameters(), rng, 0.3);
    for (const symmetric of [false, true]) {
      const flow = new Flow(h, symmetric);
      const [a, b] = tf.tidy(() => {
        const s = flow.sample(5, rng);
        return [s.logQ.dataSync(), flow.logProb(s.x).dataSync()];
      });
      for (let i = 0; i < 5; i++) expect(Math.abs(a[i] - b[i])).toBeLessThan(1e-3);
    }
  });
});

describe('Blockwise acts on the named sites only', () => {
  test('matches the inner bijector applied to each gathered block', () => {
    const rng = new Rng(21);
    const inner = realNvpBlock({ dim: 4, layers: 2, ...mlp }, rng);
    const sites = blockSites(8, 1, true); // 4 blocks of the shifted level-1 tiling
    const wrapped = new Blockwise(64, sites, inner);
    const batch = 3;
    const x = rng.fillNormal(new Float32Array(batch * 64));
    const [out, logDet] = tf.tidy(() => {
      const r = wrapped.forward(tf.tensor2d(x, [batch, 64]));
      return [r.y.dataSync(), r.logDet.dataSync()];
    });
    const expected = Float32Array.from(x);
    const expectedLogDet = new Float64Array(batch);
    for (let b = 0; b < 4; b++) {
      const block = Array.from(sites.slice(b * 4, b * 4 + 4));
      const input = new Float32Array(batch * 4);
      for (let n = 0; n < batch; n++) block.forEach((s, e) => (input[n * 4 + e] = x[n * 64 + s]));
      const [y, ld] = tf.tidy(() => {
        const r = inner.forward(tf.tensor2d(input, [batch, 4]));
        return [r.y.dataSync(), r.logDet.dataSync()];
      });
      for (let n = 0; n < batch; n++) {
        block.forEach((s, e) => (expected[n * 64 + s] = y[n * 4 + e]));
        expectedLogDet[n] += ld[n];
      }
    }
    for (let i = 0; i < expected.length; i++) expect(out[i]).toBeCloseTo(expected[i], 5);
    for (let n = 0; n < batch; n++) expect(logDet[n]).toBeCloseTo(expectedLogDet[n], 4);
    // Sites outside the tiling pass through bit for bit.
    const touched = new Set(Array.from(sites));
    for (let s = 0; s < 64; s++) if (!touched.has(s)) expect(out[s]).toBe(x[s]);
    wrapped.dispose();
  });
});
