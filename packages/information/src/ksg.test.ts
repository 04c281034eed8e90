import { correlatedNormals, gaussianMutualInformation, meanAndError } from './gaussian.testutil';
import { ksgMutualInformation } from './ksg';
import { NEIGHBOUR_SEARCHES } from './neighbour-index';
import { KsgAlgorithm } from './options';
import { SplitMix32 } from './random';

/** Mean KSG estimate over independent data sets. */
function replicated(
  replicas: number,
  draw: (rng: SplitMix32) => { x: number[][]; y: number[][] },
  algorithm: KsgAlgorithm,
  seed: number,
) {
  const rng = new SplitMix32(seed);
  const values = Array.from({ length: replicas }, () => {
    const { x, y } = draw(rng);
    return ksgMutualInformation(x, y, { algorithm });
  });
  return meanAndError(values);
}

describe('ksgMutualInformation', () => {
  it('reproduces an independent numpy evaluation of both algorithms', () => {
    // Reference values: the same 200 draws (X in 2D, Y = 0.6 x1 + 0.3 x2 +
    // 0.5 noise), KSG algorithms 1 and 2 computed by a brute-force numpy
    // script with scipy's digamma; agreement to rounding.
    const rng = new SplitMix32(2024);
    const x: number[][] = [];
    const y: number[] = [];
    for (let i = 0; i < 200; i++) {
      const [a, b, c] = [rng.normal(), rng.normal(), rng.normal()];
      x.push([a, b]);
      y.push(0.6 * a + 0.3 * b + 0.5 * c);
    }
    const expected: [number, number, number][] = [
      [1, 0.4324634663037914, 0.46199418763073563],
      [3, 0.44020166638827884, 0.4079190981012033],
      [5, 0.42367003845375883, 0.4366921363055676],
    ];
    for (const [k, first, second] of expected) {
      for (const search of NEIGHBOUR_SEARCHES) {
        expect(ksgMutualInformation(x, y, { k, search, algorithm: 1 })).toBeCloseTo(first, 12);
        expect(ksgMutualInformation(x, y, { k, search, algorithm: 2 })).toBeCloseTo(second, 12);
      }
    }
  });

  // Closed forms: I = -(d/2) ln(1 - rho^2). Measured with bench/bias.mjs,
  // the estimates at n = 2000 scatter with a standard deviation of about
  // 0.02 (1D) to 0.035 (2D, rho = 0.9) and are biased by less than 0.015
  // here, so the mean of 8 replicas (standard error <= 0.013) must lie
  // within 0.045: bias plus about 2.5 standard errors.
  it.each([
    [1, 0, 1],
    [1, 0.5, 1],
    [1, 0.9, 1],
    [1, 0.9, 2],
    [2, 0, 1],
    [2, 0.6, 1],
    [2, 0.6, 2],
  ] as const)('matches the Gaussian closed form (d = %i, rho = %f, algorithm %i)', (d, rho, algorithm) => {
    const { mean } = replicated(8, (rng) => correlatedNormals(2000, d, rho, rng), algorithm, 7 + d);
    expect(Math.abs(mean - gaussianMutualInformation(d, rho))).toBeLessThan(0.045);
  });

  it('matches the closed form for a vector X and a scalar Y', () => {
    // X ~ N(0, I_2), Y = 0.6 x1 + 0.3 x2 + 0.5 e: var Y = 0.7, var(Y | X) = 0.25,
    // I = 1/2 ln(0.7 / 0.25). Same tolerance argument as above.
    const draw = (rng: SplitMix32) => {
      const x: number[][] = [];
      const y: number[][] = [];
      for (let i = 0; i < 2000; i++) {
        const [a, b, c] = [rng.normal(), rng.normal(), rng.normal()];
        x.push([a, b]);
        y.push([0.6 * a + 0.3 * b + 0.5 * c]);
      }
      return { x, y };
    };
    const { mean } = replicated(8, draw, 1, 99);
    expect(Math.abs(mean - 0.5 * Math.log(0.7 / 0.25))).toBeLessThan(0.045);
  });

  it('is symmetric in X and Y and the same for every neighbour search', () => {
    const { x, y } = correlatedNormals(500, 1, 0.7, new SplitMix32(5));
    const reference = ksgMutualInformation(x, y, { search: 'brute-force' });
    for (const search of NEIGHBOUR_SEARCHES) {
      // Same float64 arithmetic in every search: equal to the last bit.
      expect(ksgMutualInformation(x, y, { search })).toBe(reference);
      expect(ksgMutualInformation(y, x, { search })).toBeCloseTo(reference, 12);
    }
  });

  it('gives the discrete mutual information for tied values (two correlated spins)', () => {
    // s = sign(g1), t = sign(g2) with corr(g1, g2) = 0.8: P(s = t) =
    // 1/2 + arcsin(0.8)/pi and I = ln 2 - H_b(P(s = t)). Ties are broken
    // by tiny noise; the estimate then scatters by about 0.015 over tie
    // seeds at n = 4000 (the within-cluster noise is what KSG sees) and the
    // data's own sampling error is about 0.01: mean of 4 seeds within 0.03.
    const rho = 0.8;
    const rng = new SplitMix32(3);
    const s: number[] = [];
    const t: number[] = [];
    for (let i = 0; i < 4000; i++) {
      const a = rng.normal();
      s.push(Math.sign(a));
      t.push(Math.sign(rho * a + Math.sqrt(1 - rho * rho) * rng.normal()));
    }
    const p = 0.5 + Math.asin(rho) / Math.PI;
    const exact = Math.LN2 + p * Math.log(p) + (1 - p) * Math.log(1 - p);
    const estimates = [0, 1, 2, 3].map((tieSeed) => ksgMutualInformation(s, t, { tieSeed }));
    const { mean } = meanAndError(estimates);
    expect(Math.abs(mean - exact)).toBeLessThan(0.03);
    // Reproducible: the same tie seed gives the same number.
    expect(ksgMutualInformation(s, t, { tieSeed: 2 })).toBe(estimates[2]);
  });

  it('gives exactly 0 when a variable is constant', () => {
    const { x } = correlatedNormals(100, 1, 0, new SplitMix32(1));
    const constant = new Array<number>(100).fill(1.5);
    expect(ksgMutualInformation(x, constant)).toBe(0);
    expect(ksgMutualInformation(constant, constant, { algorithm: 2 })).toBe(0);
  });

  it('ignores a constant coordinate of a vector variable', () => {
    const { x, y } = correlatedNormals(800, 1, 0.8, new SplitMix32(8));
    const padded = x.map((row) => [row[0], 3]);
    const plain = ksgMutualInformation(x, y);
    // The constant coordinate gets noise 1e-10 wide: it never decides a
    // max-norm distance of normal draws, so the estimate is unchanged.
    expect(ksgMutualInformation(padded, y)).toBeCloseTo(plain, 12);
  });
});
