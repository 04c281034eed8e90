import type { Rng } from '@neuralrg/tensor';
import { decodeSpins } from './decode';
import { connectedCorrelations, correlationName, maxCorrelationDistance, neighbourTable } from './field-observables';
import type { DerivedObservable, ObservableSamples } from './observable-types';

/**
 * Per-sample Ising observables from configurations x of the continuous
 * dual, on the spins they decode to (p(s_i = +1 | x) = sigmoid(2 x_i)):
 *   energyPerSite     e = E(s)/N = -(1/N) sum_x sum_mu s_x s_{x+mu}
 *   energyPerSite2    e^2
 *   magnetisation     m = (1/N) sum_x s_x
 *   absMagnetisation  |m|
 *   magnetisation2    m^2
 *   correlation[r]    (1/(2N)) sum_x sum_mu s_x s_{x + r e_mu},  r = 0..L/2.
 * Given x the spins are independent with E[s_i | x] = tanh x_i, so every
 * observable that is linear in products of distinct spins (e, m, m^2,
 * correlation[r]) takes its exact conditional expectation (tanh x_i tanh x_j
 * for s_i s_j, 1 for s_i^2) instead of one draw: the same mean, less
 * variance (Rao-Blackwell). |m| and e^2 use one drawn spin configuration
 * per x, from `rng`.
 */
export function isingSpinObservables(
  L: number,
  x: Float32Array | Float64Array,
  count: number,
  rng: Rng,
): ObservableSamples {
  const N = L * L;
  const lattice = { L, d: 2 as const };
  const rMax = maxCorrelationDistance(L);
  const neighbours = neighbourTable(lattice, rMax);
  const energy = new Float64Array(count);
  const energy2 = new Float64Array(count);
  const magnetisation = new Float64Array(count);
  const absMagnetisation = new Float64Array(count);
  const magnetisation2 = new Float64Array(count);
  const correlations = Array.from({ length: rMax + 1 }, () => new Float64Array(count));
  const tanh = new Float64Array(N);

  for (let b = 0; b < count; b++) {
    const row = x.subarray(b * N, (b + 1) * N);
    let sum = 0;
    let sumSquares = 0;
    for (let site = 0; site < N; site++) {
      tanh[site] = Math.tanh(row[site]);
      sum += tanh[site];
      sumSquares += tanh[site] * tanh[site];
    }
    magnetisation[b] = sum / N;
    magnetisation2[b] = (N + sum * sum - sumSquares) / (N * N);
    correlations[0][b] = 1;
    for (let r = 1; r <= rMax; r++) {
      let pairs = 0;
      for (let site = 0; site < N; site++) {
        pairs += tanh[site] * (tanh[neighbours[r][0][site]] + tanh[neighbours[r][1][site]]);
      }
      correlations[r][b] = pairs / (2 * N);
    }
    energy[b] = rMax >= 1 ? -2 * correlations[1][b] : 0;

    const spins = decodeSpins(row, rng);
    let total = 0;
    let bonds = 0;
    for (let site = 0; site < N; site++) {
      total += spins[site];
      bonds += spins[site] * (spins[neighbours[1][0][site]] + spins[neighbours[1][1][site]]);
    }
    absMagnetisation[b] = Math.abs(total) / N;
    energy2[b] = (bonds / N) ** 2;
  }

  const samples: ObservableSamples = {
    energyPerSite: energy,
    energyPerSite2: energy2,
    magnetisation,
    absMagnetisation,
    magnetisation2,
  };
  correlations.forEach((values, r) => {
    samples[correlationName(r)] = values;
  });
  return samples;
}

/**
 * The Ising observables that are functions of expectations:
 *   specificHeat     c = N beta^2 (<e^2> - <e>^2)
 *   susceptibility   chi = N beta (<m^2> - <|m|>^2)   (the finite-size convention with |m|)
 *   structureFactor  S(0) = N <m^2>
 *   connectedCorrelation[r] = <correlation[r]> - <m>^2.
 */
export function isingDerivedObservables(L: number, T: number): DerivedObservable[] {
  const N = L * L;
  const beta = 1 / T;
  return [
    {
      name: 'specificHeat',
      description: 'specific heat per site N beta^2 (<e^2> - <e>^2)',
      inputs: ['energyPerSite2', 'energyPerSite'],
      value: ([e2, e]) => N * beta * beta * (e2 - e * e),
    },
    {
      name: 'susceptibility',
      description: 'susceptibility N beta (<m^2> - <|m|>^2)',
      inputs: ['magnetisation2', 'absMagnetisation'],
      value: ([m2, absM]) => N * beta * (m2 - absM * absM),
    },
    {
      name: 'structureFactor',
      description: 'structure factor at k = 0, N <m^2>',
      inputs: ['magnetisation2'],
      value: ([m2]) => N * m2,
    },
    ...connectedCorrelations(L).map((derived) => ({
      ...derived,
      description: derived.description.replace('phi_x phi_{x+r}', 's_x s_{x+r}'),
    })),
  ];
}
