import { ksgMutualInformation } from './ksg';
import { NEIGHBOUR_SEARCHES } from './neighbour-index';
import { pairwiseMutualInformation } from './pairwise';
import { SplitMix32 } from './random';

/** m columns on a ring, each correlated with its neighbours. */
function ring(n: number, m: number, seed: number): Float64Array[] {
  const rng = new SplitMix32(seed);
  const columns = Array.from({ length: m }, () => new Float64Array(n));
  const noise = new Float64Array(m);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < m; j++) noise[j] = rng.normal();
    for (let j = 0; j < m; j++) columns[j][i] = noise[j] + 0.8 * noise[(j + 1) % m];
  }
  return columns;
}

describe('pairwiseMutualInformation', () => {
  it('equals the single-pair estimator on every pair, for every search', () => {
    const columns = ring(300, 6, 4);
    for (const search of NEIGHBOUR_SEARCHES) {
      for (const algorithm of [1, 2] as const) {
        const result = pairwiseMutualInformation(columns, { search, algorithm });
        expect(result.pairs).toHaveLength(15);
        for (const { i, j, mutualInformation } of result.pairs) {
          const single = ksgMutualInformation(columns[i], columns[j], { search, algorithm });
          expect(mutualInformation).toBe(single);
          expect(result.matrix[i * 6 + j]).toBe(single);
          expect(result.matrix[j * 6 + i]).toBe(single);
        }
        for (let i = 0; i < 6; i++) expect(result.matrix[i * 7]).toBeNaN();
      }
    }
  });

  it('sees the ring: neighbours share information, distant columns none', () => {
    // Adjacent columns share one noise term: corr = 0.8 / 1.64, I = -1/2 ln(1 - corr^2)
    // = 0.136; columns two apart are independent. At n = 2000 the KSG spread
    // is about 0.02, so 0.06 separates the two cases by 3 standard deviations.
    const { matrix } = pairwiseMutualInformation(ring(2000, 8, 9));
    for (let j = 0; j < 8; j++) {
      expect(Math.abs(matrix[j * 8 + ((j + 1) % 8)] - 0.136)).toBeLessThan(0.06);
      expect(Math.abs(matrix[j * 8 + ((j + 3) % 8)])).toBeLessThan(0.06);
    }
  });

  it('computes only the pairs asked for and reports progress', () => {
    const progress: [number, number][] = [];
    const result = pairwiseMutualInformation(ring(100, 5, 1), {
      pairs: [[0, 4], [3, 1]],
      onProgress: (done, total) => progress.push([done, total]),
    });
    expect(result.pairs.map(({ i, j }) => [i, j])).toEqual([[0, 4], [3, 1]]);
    expect(progress).toEqual([[1, 2], [2, 2]]);
    expect(result.matrix[0 * 5 + 1]).toBeNaN();
    expect(Number.isFinite(result.matrix[1 * 5 + 3])).toBe(true);
  });

  it('gives 0 for a constant column and handles tied columns', () => {
    const columns = ring(200, 3, 2);
    const constant = new Float64Array(200).fill(-1);
    const spins = columns[0].map((v) => Math.sign(v));
    const { matrix } = pairwiseMutualInformation([...columns, constant, spins]);
    for (let j = 0; j < 5; j++) if (j !== 3) expect(matrix[3 * 5 + j]).toBe(0);
    // sign(x0) carries information about x0 (at most ln 2 = 0.69 nats).
    expect(matrix[0 * 5 + 4]).toBeGreaterThan(0.3);
    expect(matrix[0 * 5 + 4]).toBeLessThan(0.8);
  });
});
