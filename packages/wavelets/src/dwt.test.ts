import { basisFunction1d, basisFunction2d } from './basis';
import { forward1d, inverse1d } from './dwt-1d';
import { forward2d, inverse2d } from './dwt-2d';
import { DAUBECHIES_4, WAVELETS, WaveletName } from './filters';
import { describeCoefficients2d } from './layout';
import { maxError, signal } from './testing.testutil';

const NAMES = Object.keys(WAVELETS) as WaveletName[];
const LAYOUT_NAMES = ['mallat', 'lattice'] as const;

// Float32 inputs, float64 arithmetic: reconstruction errors are ~1e-15
// relative, far inside the float32 tolerance (1.2e-7 relative) the
// transforms promise; 1e-6 on values of order 1 leaves margin for sums.
const FLOAT32 = 1e-6;

function energy(x: ArrayLike<number>): number {
  let s = 0;
  for (let t = 0; t < x.length; t++) s += x[t] * x[t];
  return s;
}

describe.each(NAMES)('%s transform', (wavelet) => {
  describe.each(LAYOUT_NAMES)('%s layout', (layout) => {
    it.each([
      [2, undefined],
      [16, undefined],
      [64, 3],
      [64, 0],
    ])('1D: reconstructs a batch exactly and keeps its energy (n = %i, levels = %s)', (n, levels) => {
      const x = signal(3 * n, n + 1);
      const options = { wavelet, layout, levels };
      const c = forward1d(x, n, options);
      expect(maxError(inverse1d(c, n, options), x)).toBeLessThan(FLOAT32);
      expect(energy(c)).toBeCloseTo(energy(x), 8);
      // A batch is transformed item by item.
      expect(Array.from(forward1d(x.subarray(n, 2 * n), n, options))).toEqual(
        Array.from(c.subarray(n, 2 * n)),
      );
    });

    it.each([
      [8, 8, undefined],
      [4, 16, undefined],
      [32, 32, 2],
    ])('2D: reconstructs a batch exactly and keeps its energy (%i x %i, levels = %s)', (rows, cols, levels) => {
      const x = signal(2 * rows * cols, rows + cols);
      const options = { wavelet, layout, levels };
      const c = forward2d(x, rows, cols, options);
      expect(maxError(inverse2d(c, rows, cols, options), x)).toBeLessThan(FLOAT32);
      expect(energy(c)).toBeCloseTo(energy(x), 8);
    });
  });

  it('makes orthonormal basis functions', () => {
    const n = 16;
    const basis = Array.from({ length: n }, (_, i) => basisFunction1d(n, i, { wavelet }));
    for (let a = 0; a < n; a++) {
      for (let b = 0; b < n; b++) {
        let dot = 0;
        for (let t = 0; t < n; t++) dot += basis[a][t] * basis[b][t];
        expect(dot).toBeCloseTo(a === b ? 1 : 0, 12);
      }
    }
  });

  it('gives zero details on a constant signal (vanishing moment 0)', () => {
    const c = forward2d(new Float64Array(64).fill(2.5), 8, 8, { wavelet, layout: 'lattice' });
    describeCoefficients2d(8, 8, 3).forEach((info) => {
      expect(c[info.site]).toBeCloseTo(info.band === 'approximation' ? 2.5 * 8 : 0, 12);
    });
  });
});

describe('Haar in 2D', () => {
  it('is the separable product of 1D Haar on one level', () => {
    // Block [[a, b], [c, e]]: average (a+b+c+e)/2, detail-j (a-b+c-e)/2,
    // detail-i (a+b-c-e)/2, detail-ij (a-b-c+e)/2.
    const [a, b, c, e] = [1, 2, 4, 8];
    const out = forward2d([a, b, c, e], 2, 2, { layout: 'lattice' });
    const expected = [(a + b + c + e) / 2, (a - b + c - e) / 2, (a + b - c - e) / 2, (a - b - c + e) / 2];
    // (1/sqrt 2)^2 rounds to 1/2 within one ulp.
    expected.forEach((v, t) => expect(out[t]).toBeCloseTo(v, 14));
    // The same numbers in the mallat layout: the 2x2 quadrants are single entries.
    expect(Array.from(forward2d([a, b, c, e], 2, 2))).toEqual(Array.from(out));
  });

  it('has basis images supported on their block, with the band sign pattern', () => {
    // Level 1 detail-ij of the block with corner (0, 4) on 8 x 8: support
    // rows 0..3 x cols 4..7, value +-1/4, sign + on the top-left and
    // bottom-right quadrants of the block.
    const site = 2 * 8 + 6; // (a + d, b + d) with a = 0, b = 4, d = 2
    const image = basisFunction2d(8, 8, site, { layout: 'lattice' });
    for (let i = 0; i < 8; i++) {
      for (let j = 0; j < 8; j++) {
        const inside = i < 4 && j >= 4;
        const sign = (i < 2) === (j < 6) ? 1 : -1;
        expect(image[i * 8 + j]).toBeCloseTo(inside ? sign / 4 : 0, 14);
      }
    }
  });

  it('puts the mallat bands in their documented quadrants', () => {
    // An image varying only along j has no detail-i or detail-ij energy.
    const rows = 8;
    const cols = 8;
    const x = new Float64Array(rows * cols).map((_, p) => Math.sin(p % cols));
    const c = forward2d(x, rows, cols);
    describeCoefficients2d(rows, cols, 3).forEach((info) => {
      if (info.band === 'detail-i' || info.band === 'detail-ij') expect(c[info.mallat]).toBeCloseTo(0, 12);
    });
    // Top-right quadrant of the mallat layout is level 0 detail-j.
    expect(describeCoefficients2d(rows, cols, 3).find((i) => i.mallat === 0 * 8 + 5)).toMatchObject({
      level: 0,
      band: 'detail-j',
      p: 0,
      q: 1,
      site: 0 * 8 + 3,
    });
  });
});

describe('Daubechies-4', () => {
  it('has two vanishing moments: no details on a periodic-free linear ramp interior', () => {
    // On a linear ramp the level-0 details vanish wherever the 4-tap filter
    // does not wrap around the end (m = 0..n/2 - 2).
    const n = 32;
    const ramp = Array.from({ length: n }, (_, t) => 0.3 * t - 2);
    const c = forward1d(ramp, n, { wavelet: 'daubechies-4', levels: 1, layout: 'lattice' });
    for (let m = 0; m < n / 2 - 1; m++) expect(c[2 * m + 1]).toBeCloseTo(0, 12);
    expect(Math.abs(c[n - 1])).toBeGreaterThan(1);
  });

  it('uses the documented filters', () => {
    expect(DAUBECHIES_4.lowPass.reduce((a, b) => a + b, 0)).toBeCloseTo(Math.SQRT2, 15);
    expect(DAUBECHIES_4.highPass).toEqual([
      DAUBECHIES_4.lowPass[3],
      -DAUBECHIES_4.lowPass[2],
      DAUBECHIES_4.lowPass[1],
      -DAUBECHIES_4.lowPass[0],
    ]);
  });
});

describe('bad input', () => {
  it('refuses lengths that are not powers of 2, with a fix', () => {
    expect(() => forward1d([1, 2, 3, 4, 5, 6], 6)).toThrow(
      'signal length n must be a power of 2 for the wavelet transform, got 6 (crop to 4 or pad to 8)',
    );
    expect(() => forward2d(new Float64Array(24), 4, 6)).toThrow(/cols must be a power of 2.*got 6/);
    expect(() => inverse2d(new Float64Array(24), 3, 8)).toThrow(/rows must be a power of 2.*got 3/);
  });

  it('refuses a batch length that does not fit, NaN, bad levels and names', () => {
    expect(() => forward1d([1, 2, 3], 2)).toThrow(
      'data has length 3, expected a positive multiple of the signal size 2',
    );
    expect(() => forward2d([1, 2, NaN, 4], 2, 2)).toThrow(
      'data has NaN at item 0, entry 2; expected finite numbers',
    );
    expect(() => forward1d([1, 2, 3, 4], 4, { levels: 3 })).toThrow(
      'levels must be an integer in 0..2 for size 4, got 3',
    );
    expect(() => forward2d(new Float64Array(32), 4, 8, { levels: 3 })).toThrow(/0\.\.2 for size 4/);
    expect(() => forward1d([1, 2], 2, { wavelet: 'db8' as 'haar' })).toThrow(
      "wavelet must be one of haar, daubechies-4, got 'db8'",
    );
    expect(() => forward1d([1, 2], 2, { layout: 'zigzag' as 'mallat' })).toThrow(
      "layout must be one of mallat, lattice, got 'zigzag'",
    );
    expect(() => basisFunction1d(4, 4)).toThrow('coefficient index must be an integer in 0..3, got 4');
  });
});
