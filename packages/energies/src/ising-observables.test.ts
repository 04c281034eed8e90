import { Rng } from '@neuralrg/tensor';
import { isingObservablesBruteForce } from './brute-force-observables';
import { choleskyFactor } from './cholesky';
import { ISING_CRITICAL_TEMPERATURE } from './critical-temperature';
import { dualCouplingMatrix } from './dual-coupling';
import { IsingDual } from './ising-dual';
import { isingEnergyOfSpins } from './spin-energy';

/**
 * Exact samples of the continuous dual: s from the Ising Boltzmann
 * distribution by enumeration, then x | s ~ N(K s, K), since
 * p(x, s) ~ exp(-x^T K^-1 x / 2 + s . x) and its x-marginal is exp(-E_dual).
 */
function exactDualSamples(L: number, T: number, count: number, rng: Rng): Float64Array {
  const N = L * L;
  const states = 2 ** N;
  const all = new Int8Array(states * N);
  for (let mask = 0; mask < states; mask++) {
    for (let site = 0; site < N; site++) all[mask * N + site] = (mask >>> site) & 1 ? -1 : 1;
  }
  const energies = isingEnergyOfSpins(all, L);
  const cumulative = new Float64Array(states);
  let total = 0;
  for (let k = 0; k < states; k++) {
    total += Math.exp(-(energies[k] + 2 * N) / T);
    cumulative[k] = total;
  }

  const coupling = dualCouplingMatrix(L, T);
  const factor = choleskyFactor(coupling, N);
  const x = new Float64Array(count * N);
  const z = new Float32Array(N);
  for (let b = 0; b < count; b++) {
    const u = rng.uniform() * total;
    let low = 0;
    let high = states - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (cumulative[middle] < u) low = middle + 1;
      else high = middle;
    }
    rng.fillNormal(z);
    for (let i = 0; i < N; i++) {
      let value = 0;
      for (let j = 0; j < N; j++) value += coupling[i * N + j] * all[low * N + j];
      for (let j = 0; j <= i; j++) value += factor[i * N + j] * z[j];
      x[b * N + i] = value;
    }
  }
  return x;
}

describe('Ising observables on decoded spins', () => {
  test.each([
    [2, 2.0],
    [4, ISING_CRITICAL_TEMPERATURE],
    [4, 3.2],
  ])('averages over exact dual samples match enumeration, L = %p, T = %p', (L, T) => {
    const model = new IsingDual({ L, T });
    const rng = new Rng(17 + L);
    const count = 6000;
    const x = exactDualSamples(L, T, count, rng);
    const samples = model.observables(x, count, rng);
    const exact = model.exactObservables();

    for (const [name, values] of Object.entries(samples)) {
      const mean = values.reduce((a, v) => a + v, 0) / count;
      const variance = values.reduce((a, v) => a + (v - mean) ** 2, 0) / (count - 1);
      // Independent exact samples: within 4.5 standard errors of the
      // enumeration value unless an observable is wrong (false alarm ~1e-5
      // per check). The 1e-9 covers constant observables (correlation[0] = 1).
      expect(exact[name]).toEqual(expect.any(Number));
      expect(Math.abs(mean - exact[name])).toBeLessThan(4.5 * Math.sqrt(variance / count) + 1e-9);
    }
    for (const derived of model.derivedObservables) {
      const atExactMeans = derived.value(derived.inputs.map((name) => exact[name]));
      expect(atExactMeans).toBeCloseTo(exact[derived.name], 10);
    }
  });

  test('conditional expectations have no decoding noise: x -> +-infinity gives the spins', () => {
    const model = new IsingDual({ L: 4, T: 2 });
    const x = new Float32Array(16).fill(30);
    x[5] = -30;
    const samples = model.observables(x, 1, new Rng(1));
    // One flipped spin: 4 broken bonds of 32, E = -32 + 8 = -24, e = -1.5.
    expect(samples.energyPerSite[0]).toBeCloseTo(-1.5, 12);
    expect(samples.energyPerSite2[0]).toBeCloseTo(2.25, 12);
    expect(samples.magnetisation[0]).toBeCloseTo(14 / 16, 12);
    expect(samples.absMagnetisation[0]).toBeCloseTo(14 / 16, 12);
    expect(samples.magnetisation2[0]).toBeCloseTo((14 / 16) ** 2, 12);
    expect(samples['correlation[0]'][0]).toBe(1);
    // r = 2: the flipped spin breaks 4 of the 32 pairs at distance 2.
    expect(samples['correlation[2]'][0]).toBeCloseTo((32 - 8) / 32, 12);
  });

  test('exact values at L = 8 come from Kaufman, and inputs are checked', () => {
    const model = new IsingDual({ L: 8, T: ISING_CRITICAL_TEMPERATURE });
    const exact = model.exactObservables();
    expect(Object.keys(exact).sort()).toEqual(
      ['correlation[0]', 'energyPerSite', 'magnetisation', 'specificHeat'].sort(),
    );
    expect(exact.energyPerSite).toBeLessThan(-1.3);
    expect(() => model.observables(new Float32Array(10), 1, new Rng(1))).toThrow(
      'observables input must hold count * L*L = 64 values, got 10',
    );
  });
});
