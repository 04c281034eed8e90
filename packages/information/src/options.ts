import { NEIGHBOUR_SEARCHES, NeighbourSearch } from './neighbour-index';

/** The default number of neighbours; Kraskov et al. suggest k = 2..4. */
export const DEFAULT_K = 3;

/** The neighbour search used when none is named (the faster one measured; see README). */
export const DEFAULT_SEARCH: NeighbourSearch = 'kd-tree';

/** Options shared by the k-nearest-neighbour estimators. */
export interface NeighbourOptions {
  /** Number of neighbours k, a positive integer (default 3). */
  k?: number;
  /** How neighbours are found; every search gives the same result. */
  search?: NeighbourSearch;
}

/** The KSG mutual information estimators of Kraskov, Stoegbauer and Grassberger (2004). */
export const KSG_ALGORITHMS = [1, 2] as const;
export type KsgAlgorithm = (typeof KSG_ALGORITHMS)[number];

export interface KsgOptions extends NeighbourOptions {
  /** Algorithm 1 (eq. 8 of the paper, the default) or 2 (eq. 9). */
  algorithm?: KsgAlgorithm;
  /** Seed of the noise that breaks ties (default 0); see {@link breakTies}. */
  tieSeed?: number;
}

/**
 * Checks k against the number of draws n.
 *
 * @throws RangeError when k is not a positive integer or n < k + 1.
 */
export function checkNeighbours(k: number, n: number, what: string): void {
  if (!Number.isInteger(k) || k <= 0) {
    throw new RangeError(`k must be a positive integer, got ${k}`);
  }
  if (n < k + 1) {
    throw new RangeError(
      `${what} with k = ${k} needs at least k + 1 = ${k + 1} samples, got ${n}`,
    );
  }
}

/** Checks the search name. */
export function checkSearch(search: string): NeighbourSearch {
  if (!(NEIGHBOUR_SEARCHES as readonly string[]).includes(search)) {
    throw new RangeError(
      `search must be one of ${NEIGHBOUR_SEARCHES.join(', ')}, got '${search}'`,
    );
  }
  return search as NeighbourSearch;
}

/** Checks the KSG options and fills in the defaults. */
export function resolveKsgOptions(options: KsgOptions): Required<KsgOptions> {
  const algorithm = options.algorithm ?? 1;
  if (!(KSG_ALGORITHMS as readonly number[]).includes(algorithm)) {
    throw new RangeError(`KSG algorithm must be 1 or 2, got ${algorithm}`);
  }
  const tieSeed = options.tieSeed ?? 0;
  if (!Number.isInteger(tieSeed) || tieSeed < 0) {
    throw new RangeError(`tieSeed must be a non-negative integer, got ${tieSeed}`);
  }
  return {
    k: options.k ?? DEFAULT_K,
    search: checkSearch(options.search ?? DEFAULT_SEARCH),
    algorithm,
    tieSeed,
  };
}
