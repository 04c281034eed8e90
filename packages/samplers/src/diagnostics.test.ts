import { Rng } from '@neuralrg/tensor';
import { binnedStdErr } from './binning';
import { summariseObservable } from './observable-summary';
import { splitRhat } from './rhat';
import { integratedAutocorrelation } from './tau-int';
import { ar1Series } from './testing';

describe('integrated autocorrelation time (Madras-Sokal window)', () => {
  // tau_int = (1 + rho) / (2 (1 - rho)) for AR(1). With 8 chains of 40000,
  // the Madras-Sokal relative error sqrt(2 (2W + 1) / N) is ~2.5% at
  // rho = 0.9 (W ~ 60) and smaller below; 4 of those errors is the bound.
  it.each([0, 0.5, 0.9])('matches (1 + rho) / (2 (1 - rho)) for AR(1), rho = %p', (rho) => {
    const rng = new Rng(7);
    const chains = Array.from({ length: 8 }, () => ar1Series(rho, 40000, rng));
    const estimate = integratedAutocorrelation(chains);
    const exact = (1 + rho) / (2 * (1 - rho));
    expect(estimate.windowFound).toBe(true);
    expect(Math.abs(estimate.tauInt - exact)).toBeLessThan(4 * estimate.tauIntStdErr + 0.01);
    expect(estimate.tauIntStdErr / estimate.tauInt).toBeLessThan(0.05);
  });

  it('gives error bars that cover the true mean at the nominal rate', () => {
    // 200 replicas of an AR(1) mean (true mean 0): the fraction inside 1
    // error bar must be near 68%; with 200 replicas its spread is ~3.3%,
    // so [0.58, 0.78] is a 3-sigma band. Naive iid errors would cover ~25%.
    const rng = new Rng(11);
    let covered = 0;
    for (let r = 0; r < 200; r++) {
      const summary = summariseObservable([ar1Series(0.8, 4000, rng), ar1Series(0.8, 4000, rng)]);
      if (Math.abs(summary.mean) < summary.stdErr) covered += 1;
    }
    expect(covered / 200).toBeGreaterThan(0.58);
    expect(covered / 200).toBeLessThan(0.78);
  });

  it('reports ESS = N / (2 tau_int) and a binning error that agrees with it', () => {
    const rng = new Rng(3);
    const chains = Array.from({ length: 4 }, () => ar1Series(0.7, 50000, rng));
    const summary = summariseObservable(chains, 2);
    expect(summary.ess).toBeCloseTo((4 * 50000) / (2 * summary.tauInt), 6);
    expect(summary.essPerSecond).toBeCloseTo(summary.ess / 2, 6);
    // Blocks of 20 tau_int leave a bias ~1/20 and a statistical spread
    // sqrt(2 / blocks) ~ 10% for ~350 blocks: agree within 25%.
    expect(summary.binnedStdErr).not.toBeNull();
    expect(Math.abs((summary.binnedStdErr as number) / summary.stdErr - 1)).toBeLessThan(0.25);
  });

  it('sees anticorrelation as tau_int below 1/2', () => {
    // AR(1) with rho = -0.5 has tau_int = 1/6; the window, made for
    // positive correlation, stops at W = 3 and gives 1/2 - 1/2 + 1/4 - 1/8.
    const rng = new Rng(8);
    const estimate = integratedAutocorrelation([ar1Series(-0.5, 40000, rng)]);
    expect(estimate.window).toBe(3);
    expect(estimate.tauInt).toBeGreaterThan(0.1);
    expect(estimate.tauInt).toBeLessThan(0.2);
  });

  it('gives tau_int = 1/2 for a constant series', () => {
    const estimate = integratedAutocorrelation([new Float64Array(10).fill(3)]);
    expect(estimate.tauInt).toBe(0.5);
    expect(estimate.variance).toBe(0);
  });

  it('says when the window could not be reached, for chains that have not mixed', () => {
    // rho = 0.9999: tau_int ~ 1e4 >> n. Each chain sits near its own level,
    // and the pooled autocovariance keeps the spread between them at every lag.
    const rng = new Rng(5);
    const chains = Array.from({ length: 8 }, () => ar1Series(0.9999, 500, rng));
    const estimate = integratedAutocorrelation(chains);
    expect(estimate.windowFound).toBe(false);
    expect(estimate.window).toBe(250);
  });

  it('rejects bad input with errors that name it', () => {
    expect(() => integratedAutocorrelation([])).toThrow(/non-empty list/);
    expect(() => integratedAutocorrelation([[1]])).toThrow(/at least 2 samples, got 1/);
    expect(() =>
      integratedAutocorrelation([
        [1, 2],
        [1, 2, 3],
      ]),
    ).toThrow(/chain 1 has 3/);
    expect(() => integratedAutocorrelation([[1, NaN, 3]])).toThrow(
      /sample 1 of chain 0 must be finite, got NaN/,
    );
    expect(() => integratedAutocorrelation([[1, 2, 3]], 0)).toThrow(
      /windowFactor must be a positive/,
    );
  });
});

describe('split R-hat', () => {
  it('is close to 1 for chains from one distribution', () => {
    const rng = new Rng(2);
    const chains = Array.from({ length: 4 }, () => ar1Series(0.5, 2000, rng));
    expect(Math.abs(splitRhat(chains) - 1)).toBeLessThan(0.01);
  });

  it('is well above 1 for chains stuck in different places', () => {
    const rng = new Rng(2);
    const chains = Array.from({ length: 4 }, (_, c) => ar1Series(0.5, 2000, rng).map((v) => v + c));
    expect(splitRhat(chains)).toBeGreaterThan(1.5);
  });

  it('sees a drift inside a single chain', () => {
    const rng = new Rng(4);
    const drifting = ar1Series(0.5, 2000, rng).map((v, t) => v + t / 200);
    expect(splitRhat([drifting])).toBeGreaterThan(1.5);
  });

  it('needs at least 4 samples per chain', () => {
    expect(() => splitRhat([[1, 2, 3]])).toThrow(/at least 4 samples, got 3/);
  });
});

describe('binning', () => {
  it('equals the plain standard error for blocks of 1 on independent data', () => {
    const data = [1, 4, 2, 8, 5, 7];
    const mean = data.reduce((a, b) => a + b) / data.length;
    const variance = data.reduce((a, v) => a + (v - mean) ** 2, 0) / (data.length - 1);
    expect(binnedStdErr([data], 1).stdErr).toBeCloseTo(Math.sqrt(variance / data.length), 12);
  });

  it('returns NaN with fewer than 2 blocks and rejects a block length below 1', () => {
    expect(binnedStdErr([[1, 2, 3]], 3).stdErr).toBeNaN();
    expect(() => binnedStdErr([[1, 2, 3]], 0)).toThrow(
      /blockLength must be a positive integer, got 0/,
    );
  });
});
