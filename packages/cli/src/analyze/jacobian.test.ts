import { Flow, latentLevels } from '@neuralrg/bijectors';
import type { Bijector, BijectorResult, BijectorSpec, NamedVariable } from '@neuralrg/bijectors';
import { tf, useBackend } from '@neuralrg/tensor';
import type { Tensor2D } from '@neuralrg/tensor';
import { basisFunction2d } from '@neuralrg/wavelets';
import { compareWithHaar, cosineByLevel } from './haar-comparison';
import { jacobianStatistics } from './jacobian';

/**
 * A test bijector with a known Jacobian: z = W u(x) with u(x)_t =
 * x_t + c x_t^3 (elementwise, invertible for c >= 0) and W orthogonal, so
 * dz_s/dx_t = W[s][t] (1 + 3 c x_t^2).
 */
class KnownJacobian implements Bijector {
  readonly type = 'known-jacobian';
  private readonly w: Tensor2D;

  constructor(
    readonly dim: number,
    readonly matrix: Float64Array,
    readonly cubic: number,
  ) {
    this.w = tf.tensor2d(Float32Array.from(matrix), [dim, dim]);
  }

  inverse(x: Tensor2D): BijectorResult {
    const u = tf.add(x, tf.mul(this.cubic, tf.pow(x, 3))) as Tensor2D;
    return { y: tf.matMul(u, this.w, false, true), logDet: tf.zeros([x.shape[0]]) };
  }

  forward(): BijectorResult {
    throw new Error('not needed by these tests');
  }

  parameters(): NamedVariable[] {
    return [];
  }

  spec(): BijectorSpec {
    return { type: this.type };
  }

  dispose(): void {
    this.w.dispose();
  }
}

/** The orthonormal 2D Haar transform in the lattice layout, as a matrix (rows = basis functions). */
function haarLatticeMatrix(L: number, levels: number): Float64Array {
  const size = L * L;
  const out = new Float64Array(size * size);
  for (let s = 0; s < size; s++) out.set(basisFunction2d(L, L, s, { layout: 'lattice', levels }), s * size);
  return out;
}

function draws(rows: number, size: number): Float32Array {
  return Float32Array.from({ length: rows * size }, (_, p) => Math.sin(1.7 * p + 0.3) * 1.5);
}

describe('jacobianStatistics', () => {
  beforeAll(async () => {
    await useBackend('cpu');
  });

  it('gives the exact mean and standard deviation of a known nonlinear Jacobian', () => {
    // 2D Haar of a 4 x 4 lattice composed with x + 0.1 x^3. The flow runs in
    // float32: 1e-5 covers its rounding of values of order 1.
    const L = 4;
    const size = L * L;
    const W = haarLatticeMatrix(L, 2);
    const flow = new Flow(new KnownJacobian(size, W, 0.1));
    const samples = 37; // not a multiple of the pass size: exercises the last, short pass
    const x = draws(samples, size);

    const { mean, std } = jacobianStatistics(flow, x, samples);

    for (let s = 0; s < size; s++) {
      for (let t = 0; t < size; t++) {
        const values = Array.from({ length: samples }, (_, b) => W[s * size + t] * (1 + 0.3 * x[b * size + t] ** 2));
        const m = values.reduce((a, v) => a + v, 0) / samples;
        const sd = Math.sqrt(values.reduce((a, v) => a + (v - m) ** 2, 0) / (samples - 1));
        expect(Math.abs(mean[s * size + t] - m)).toBeLessThan(1e-5);
        expect(Math.abs(std[s * size + t] - sd)).toBeLessThan(1e-5);
      }
    }
    flow.bijector.dispose();
  });

  it('finds every latent of a Haar flow on its Haar basis function', () => {
    // z = W_haar x: each latent's Jacobian is its Haar function, with no spread.
    const L = 8;
    const size = L * L;
    const flow = new Flow(new KnownJacobian(size, haarLatticeMatrix(L, 3), 0));
    const jacobian = jacobianStatistics(flow, draws(5, size), 5);
    const latents = compareWithHaar(L, 3, jacobian);

    expect(latents).toHaveLength(size);
    const levels = latentLevels(L, 3);
    for (const entry of latents) {
      expect(entry.level).toBe(levels[entry.site]);
      expect(entry.cosineToHaar).toBeCloseTo(1, 6);
      expect(entry.haarSupportWeight).toBeCloseTo(1, 6);
      expect(Math.max(...entry.std)).toBeLessThan(1e-6);
    }
    // Coarse first: the approximation (level 3), then levels 2, 1, 0.
    expect(latents.map((e) => e.level)).toEqual([...latents.map((e) => e.level)].sort((a, b) => b - a));
    expect(latents[0]).toMatchObject({ site: 0, band: 'approximation', level: 3 });
    expect(cosineByLevel(latents)).toEqual([
      { level: 3, meanAbsoluteCosine: expect.closeTo(1, 6), latents: 1 },
      { level: 2, meanAbsoluteCosine: expect.closeTo(1, 6), latents: 3 },
      { level: 1, meanAbsoluteCosine: expect.closeTo(1, 6), latents: 12 },
      { level: 0, meanAbsoluteCosine: expect.closeTo(1, 6), latents: 48 },
    ]);
    flow.bijector.dispose();
  });

  it('compares an identity flow with delta functions when there is no decimation', () => {
    const size = 16;
    const identity = new Float64Array(size * size).map((_, p) => (p % (size + 1) === 0 ? 1 : 0));
    const flow = new Flow(new KnownJacobian(size, identity, 0));
    const latents = compareWithHaar(4, 0, jacobianStatistics(flow, draws(3, size), 3));
    for (const entry of latents) {
      expect(entry).toMatchObject({ level: 0, band: 'approximation' });
      expect(entry.cosineToHaar).toBeCloseTo(1, 6);
    }
    flow.bijector.dispose();
  });
});
