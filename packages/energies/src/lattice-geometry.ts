import { describeValue } from './validate';

/**
 * A periodic hypercubic lattice of L sites per side in d = 1 or 2
 * dimensions, sites numbered row-major (site (i, j) is i * L + j).
 */
export interface PeriodicLattice {
  readonly L: number;
  readonly d: 1 | 2;
}

/** The number of sites L^d. */
export function latticeSites({ L, d }: PeriodicLattice): number {
  return d === 1 ? L : L * L;
}

/** The shape of one configuration: [L] for a chain, [L, L] for a square lattice. */
export function latticeShape({ L, d }: PeriodicLattice): number[] {
  return d === 1 ? [L] : [L, L];
}

/**
 * Site index of x + r e_mu on the torus, for a site x and a step of r sites
 * along direction mu (0: along the row index j, 1: along i in 2D).
 */
export function shiftedSite({ L, d }: PeriodicLattice, site: number, mu: number, r: number): number {
  const wrap = (value: number): number => ((value % L) + L) % L;
  if (d === 1) return wrap(site + r);
  const i = Math.floor(site / L);
  const j = site % L;
  return mu === 0 ? i * L + wrap(j + r) : wrap(i + r) * L + j;
}

/**
 * Checks the dimension d of a lattice model: 1 (chain) or 2 (square lattice).
 *
 * @throws RangeError naming the model and the value received.
 */
export function checkDimension(model: string, d: number): 1 | 2 {
  if (d !== 1 && d !== 2) {
    throw new RangeError(
      `${model} dimension d must be 1 (chain) or 2 (square lattice), got ${describeValue(d)}`,
    );
  }
  return d;
}
