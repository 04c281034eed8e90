import { forward1d } from './dwt-1d';
import { haarMatrix } from './haar-matrix';
import { signal } from './testing.testutil';

describe('haarMatrix', () => {
  it('is the unnormalised H_8 of the talk', () => {
    const expected = [
      [1, 1, 1, 1, 1, 1, 1, 1],
      [1, 1, 1, 1, -1, -1, -1, -1],
      [1, 1, -1, -1, 0, 0, 0, 0],
      [0, 0, 0, 0, 1, 1, -1, -1],
      [1, -1, 0, 0, 0, 0, 0, 0],
      [0, 0, 1, -1, 0, 0, 0, 0],
      [0, 0, 0, 0, 1, -1, 0, 0],
      [0, 0, 0, 0, 0, 0, 1, -1],
    ];
    expect(Array.from(haarMatrix(8, { normalized: false }))).toEqual(expected.flat());
  });

  it.each([1, 2, 4, 16, 64])('normalised, is orthogonal and equals the Haar transform (n = %i)', (n) => {
    const H = haarMatrix(n);
    for (let a = 0; a < n; a++) {
      for (let b = 0; b < n; b++) {
        let dot = 0;
        for (let t = 0; t < n; t++) dot += H[a * n + t] * H[b * n + t];
        expect(dot).toBeCloseTo(a === b ? 1 : 0, 13);
      }
    }
    // H x = forward1d(x) with Haar, all levels, 'mallat' layout.
    const x = signal(n, 3);
    const c = forward1d(x, n);
    for (let a = 0; a < n; a++) {
      let row = 0;
      for (let t = 0; t < n; t++) row += H[a * n + t] * x[t];
      expect(c[a]).toBeCloseTo(row, 12);
    }
  });

  it('refuses a size that is not a power of 2', () => {
    expect(() => haarMatrix(6)).toThrow(
      'Haar matrix size n must be a power of 2 for the wavelet transform, got 6 (crop to 4 or pad to 8)',
    );
    expect(() => haarMatrix(0)).toThrow(/got 0$/);
  });
});
