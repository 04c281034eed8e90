import { Rng } from '@neuralrg/tensor';
import { dualFromSpins, dualLift } from './dual-start';
import { dualIsingObservables } from './dual-observables';
import { isingDataset } from './ising-dataset';
import { isingEnumeratedAverages } from './ising-enumeration';
import { summariseObservable } from './observable-summary';

describe('isingDataset', () => {
  // 4 x 4 at T = 2.5: exact averages by enumeration of all 2^16 states.
  const L = 4;
  const T = 2.5;
  const exact = isingEnumeratedAverages(L, T);
  const data = isingDataset({ L, T, samples: 6000, chains: 20, thin: 3, warmup: 100, seed: 5 });

  it('has the requested shapes and keeps +-1 spins', () => {
    expect(data.spins.length).toBe(6000 * 16);
    expect(data.dual.length).toBe(6000 * 16);
    expect(data.energyByChain).toHaveLength(20);
    expect(data.energyByChain.every((series) => series.length === 300)).toBe(true);
    expect(data.spins.every((s) => s === 1 || s === -1)).toBe(true);
  });

  it('draws spins whose energy agrees with enumeration within 4 standard errors', () => {
    // The error bar comes from tau_int of the kept series, so correlated
    // draws would widen it rather than fake agreement; 4 sigma keeps the
    // false-alarm rate below 1e-4 while a wrong temperature (T +- 0.1
    // moves <E>/N by ~0.04 here) is caught at > 10 sigma.
    const summary = summariseObservable(data.energyByChain);
    expect(Math.abs(summary.mean - exact.energyPerSite)).toBeLessThan(4 * summary.stdErr);
    expect(summary.stdErr).toBeLessThan(0.01);
  });

  it('gives dual configurations whose conditional energy also agrees', () => {
    // -(1/N) sum tanh x_i tanh x_j over neighbours is E[E(s) | x]; its mean
    // over x from the dual is the Ising energy only if x | s ~ N(K s, K).
    const observe = dualIsingObservables(L);
    const energy = observe(data.dual, 6000, new Rng(1)).energy;
    const byChain = Array.from({ length: 20 }, (_, b) =>
      Float64Array.from({ length: 300 }, (_, k) => energy[k * 20 + b]),
    );
    const summary = summariseObservable(byChain);
    expect(Math.abs(summary.mean - exact.energyPerSite)).toBeLessThan(4 * summary.stdErr);
  });

  it('is reproducible from its seed and reports progress', () => {
    const seen: string[] = [];
    const one = isingDataset({
      L,
      T,
      samples: 50,
      chains: 8,
      seed: 3,
      onProgress: (k, total, phase) => seen.push(`${phase} ${k}/${total}`),
    });
    const two = isingDataset({ L, T, samples: 50, chains: 8, seed: 3 });
    expect(Array.from(one.dual)).toEqual(Array.from(two.dual));
    expect(seen).toEqual([
      ...[8, 16, 24, 32, 40, 48, 50].map((k) => `draw ${k}/50`),
      'lift 50/50',
    ]);
    expect(one.energyByChain.map((series) => series.length)).toEqual([7, 7, 6, 6, 6, 6, 6, 6]);
  });

  it('lifts in batches exactly as in one go', () => {
    const spins = Int8Array.from({ length: 5 * L * L }, (_, k) => ((k * 7) % 3 === 0 ? 1 : -1));
    const whole = dualFromSpins(spins, L, T, new Rng(9));
    const lift = dualLift(L, T);
    const rng = new Rng(9);
    const size = L * L;
    const parts = [lift(spins.subarray(0, 2 * size), rng), lift(spins.subarray(2 * size), rng)];
    expect(Array.from(whole)).toEqual([...parts[0], ...parts[1]]);
  });

  it('names bad options', () => {
    expect(() => isingDataset({ L: 3, T, samples: 10 })).toThrow(/lattice size L must be an even integer/);
    expect(() => isingDataset({ L, T: 0, samples: 10 })).toThrow(/temperature T must be a positive/);
    expect(() => isingDataset({ L, T, samples: 0 })).toThrow(/samples must be a positive integer, got 0/);
    expect(() => isingDataset({ L, T, samples: 10, thin: 0 })).toThrow(/thin must be a positive integer, got 0/);
    expect(() => isingDataset({ L, T, samples: 10, warmup: -1 })).toThrow(/warmup must be an integer >= 0, got -1/);
    expect(() => isingDataset({ L, T, samples: 10, chains: 0 })).toThrow(/chains must be a positive integer, got 0/);
  });
});
