import type { PeriodicLattice } from './lattice-geometry';
import { latticeSites, shiftedSite } from './lattice-geometry';
import type { DerivedObservable, ObservableSamples } from './observable-types';

/** Largest distance r at which correlations are measured: floor(L / 2). */
export function maxCorrelationDistance(L: number): number {
  return Math.floor(L / 2);
}

/** The name of the two-point correlation at distance r: 'correlation[r]'. */
export function correlationName(r: number): string {
  return `correlation[${r}]`;
}

/** The name of the connected two-point correlation at distance r. */
export function connectedCorrelationName(r: number): string {
  return `connectedCorrelation[${r}]`;
}

/**
 * Per-sample observables of a real field phi on a periodic lattice:
 *   magnetisation         m = (1/N) sum_x phi_x
 *   absMagnetisation      |m|
 *   magnetisation2        m^2
 *   correlation[r]        (1/(N d)) sum_x sum_mu phi_x phi_{x + r e_mu},  r = 0..floor(L/2),
 * the two-point function averaged over translations and axes.
 *
 * @param x - `count` configurations of N = L^d sites, row-major.
 */
export function fieldObservables(
  lattice: PeriodicLattice,
  x: Float32Array | Float64Array,
  count: number,
): ObservableSamples {
  const N = latticeSites(lattice);
  const rMax = maxCorrelationDistance(lattice.L);
  const magnetisation = new Float64Array(count);
  const correlations = Array.from({ length: rMax + 1 }, () => new Float64Array(count));
  const neighbours = neighbourTable(lattice, rMax);

  for (let b = 0; b < count; b++) {
    const base = b * N;
    let sum = 0;
    for (let site = 0; site < N; site++) sum += x[base + site];
    magnetisation[b] = sum / N;
    for (let r = 0; r <= rMax; r++) {
      let product = 0;
      for (let site = 0; site < N; site++) {
        for (let mu = 0; mu < lattice.d; mu++) {
          product += x[base + site] * x[base + neighbours[r][mu][site]];
        }
      }
      correlations[r][b] = product / (N * lattice.d);
    }
  }

  const samples: ObservableSamples = {
    magnetisation,
    absMagnetisation: magnetisation.map(Math.abs),
    magnetisation2: magnetisation.map((m) => m * m),
  };
  correlations.forEach((values, r) => {
    samples[correlationName(r)] = values;
  });
  return samples;
}

/** neighbours[r][mu][x] = the site x + r e_mu. */
export function neighbourTable(lattice: PeriodicLattice, rMax: number): Int32Array[][] {
  const N = latticeSites(lattice);
  const table: Int32Array[][] = [];
  for (let r = 0; r <= rMax; r++) {
    const row: Int32Array[] = [];
    for (let mu = 0; mu < lattice.d; mu++) {
      const sites = new Int32Array(N);
      for (let x = 0; x < N; x++) sites[x] = shiftedSite(lattice, x, mu, r);
      row.push(sites);
    }
    table.push(row);
  }
  return table;
}

/**
 * The connected two-point correlations G_c(r) = <C(r)> - <m>^2 for
 * r = 0..floor(L/2), as observables derived from 'correlation[r]' and
 * 'magnetisation'.
 */
export function connectedCorrelations(L: number): DerivedObservable[] {
  const derived: DerivedObservable[] = [];
  for (let r = 0; r <= maxCorrelationDistance(L); r++) {
    derived.push({
      name: connectedCorrelationName(r),
      description: `connected two-point correlation <phi_x phi_{x+r}> - <m>^2 at r = ${r}`,
      inputs: [correlationName(r), 'magnetisation'],
      value: ([correlation, m]) => correlation - m * m,
    });
  }
  return derived;
}

/**
 * The susceptibility chi = N (<m^2> - <m>^2) / T (T = 1 for a field theory
 * whose action already carries the temperature).
 */
export function susceptibility(N: number, T = 1): DerivedObservable {
  return {
    name: 'susceptibility',
    description: 'susceptibility N (<m^2> - <m>^2) / T',
    inputs: ['magnetisation2', 'magnetisation'],
    value: ([m2, m]) => (N * (m2 - m * m)) / T,
  };
}
