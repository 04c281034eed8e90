import { digammaTable } from './digamma';
import { ksgSum } from './ksg';
import { makeIndex } from './make-index';
import type { NeighbourIndex } from './neighbour-index';
import { KsgOptions, checkNeighbours, resolveKsgOptions } from './options';
import { projectionOrder } from './projection-index';
import { Samples, joinSamples, toSamples } from './samples';
import { breakTies, isConstant } from './ties';

/** One estimated pair of a pairwise computation. */
export interface MutualInformationPair {
  i: number;
  j: number;
  /** I(X_i; X_j) in nats. */
  mutualInformation: number;
}

export interface PairwiseOptions extends KsgOptions {
  /** The pairs (i, j) to estimate; all i < j when omitted. */
  pairs?: readonly (readonly [number, number])[];
  /** Called after every pair with the number done and the total. */
  onProgress?(done: number, total: number): void;
}

export interface PairwiseResult {
  /** Number of variables m. */
  size: number;
  /**
   * The symmetric m x m matrix, row-major. Entries of pairs that were not
   * asked for, and the diagonal, are NaN: I(X; X) diverges for a
   * continuous X.
   */
  matrix: Float64Array;
  /** The estimated pairs in the order they were computed. */
  pairs: MutualInformationPair[];
}

/** One scalar variable, checked, with ties broken and its indices built once. */
interface PreparedColumn {
  samples: Samples;
  constant: boolean;
  order: Int32Array;
  index: NeighbourIndex;
}

/**
 * KSG mutual information between scalar variables, pair by pair: every
 * column is checked, tie-broken and indexed once, and each pair then only
 * needs its joint 2D neighbour search. Gives the same values as
 * {@link ksgMutualInformation} on each pair of columns without ties (with
 * ties, each column gets its own noise stream, seeded by tieSeed and the
 * column number).
 *
 * @param columns - m columns of n draws each (e.g. the sites of a batch of
 *   lattice configurations; see {@link columnOf}).
 * @throws RangeError for columns of different lengths, NaN entries (naming
 *   the column and draw), pairs out of range, or bad options.
 */
export function pairwiseMutualInformation(
  columns: readonly ArrayLike<number>[],
  options: PairwiseOptions = {},
): PairwiseResult {
  const { k, search, algorithm, tieSeed } = resolveKsgOptions(options);
  const m = columns.length;
  if (m < 2) throw new RangeError(`pairwise mutual information needs at least 2 columns, got ${m}`);
  const prepared = columns.map((column, j) => prepareColumn(column, j, m, tieSeed, search));
  const n = prepared[0].samples.n;
  prepared.forEach((column, j) => {
    if (column.samples.n !== n) {
      throw new RangeError(`column ${j} has ${column.samples.n} samples, column 0 has ${n}`);
    }
  });
  checkNeighbours(k, n, 'KSG mutual information');
  const pairs = options.pairs ?? allPairs(m);
  pairs.forEach(([i, j]) => checkPair(i, j, m));

  const psi = digammaTable(n);
  const matrix = new Float64Array(m * m).fill(NaN);
  const out: MutualInformationPair[] = [];
  pairs.forEach(([i, j], done) => {
    const a = prepared[i];
    const b = prepared[j];
    let value = 0;
    if (!a.constant && !b.constant) {
      const joint = makeIndex(joinSamples(a.samples, b.samples), search, a.order);
      value = ksgSum(a.samples, b.samples, k, algorithm, { joint, x: a.index, y: b.index }, psi);
    }
    matrix[i * m + j] = value;
    matrix[j * m + i] = value;
    out.push({ i, j, mutualInformation: value });
    options.onProgress?.(done + 1, pairs.length);
  });
  return { size: m, matrix, pairs: out };
}

function prepareColumn(
  column: ArrayLike<number>,
  j: number,
  m: number,
  tieSeed: number,
  search: PairwiseOptions['search'] & string,
): PreparedColumn {
  const raw = toSamples(column, `column ${j}`);
  const samples = breakTies(raw, tieSeed * m + j).samples;
  const order = projectionOrder(samples);
  return { samples, constant: isConstant(raw), order, index: makeIndex(samples, search, order) };
}

function allPairs(m: number): [number, number][] {
  const pairs: [number, number][] = [];
  for (let i = 0; i < m; i++) for (let j = i + 1; j < m; j++) pairs.push([i, j]);
  return pairs;
}

function checkPair(i: number, j: number, m: number): void {
  const ok = (v: number) => Number.isInteger(v) && v >= 0 && v < m;
  if (!ok(i) || !ok(j) || i === j) {
    throw new RangeError(
      `pair (${i}, ${j}) must name two different columns in 0..${m - 1}`,
    );
  }
}
