/**
 * Samples of one variable: `n` draws of a `dim`-dimensional value, stored
 * row-major in float64 (draw i is values[i * dim .. i * dim + dim)).
 */
export interface Samples {
  readonly values: Float64Array;
  readonly n: number;
  readonly dim: number;
}

/**
 * What the estimators accept as a variable: a flat list of numbers (a
 * scalar variable), a list of equal-length rows (a vector variable), or
 * {@link Samples}.
 */
export type SamplesInput = ArrayLike<number> | readonly ArrayLike<number>[] | Samples;

function isSamples(input: SamplesInput): input is Samples {
  const candidate = input as Partial<Samples>;
  return (
    candidate.values instanceof Float64Array &&
    typeof candidate.n === 'number' &&
    typeof candidate.dim === 'number'
  );
}

function isRows(input: SamplesInput): input is readonly ArrayLike<number>[] {
  const first = (input as ArrayLike<unknown>)[0];
  return typeof first === 'object' && first !== null;
}

/**
 * Makes {@link Samples} from row-major `values` with `dim` coordinates per draw.
 *
 * @throws RangeError when `dim` is not a positive integer or does not divide
 *   the length, and for NaN or infinite entries (naming the draw).
 */
export function samplesOf(values: ArrayLike<number>, dim: number, name = 'samples'): Samples {
  if (!Number.isInteger(dim) || dim < 1) {
    throw new RangeError(`${name}: dim must be a positive integer, got ${dim}`);
  }
  if (values.length % dim !== 0) {
    throw new RangeError(
      `${name}: length ${values.length} is not a multiple of dim = ${dim}`,
    );
  }
  const copy = Float64Array.from(values);
  checkFinite(copy, dim, name);
  return { values: copy, n: copy.length / dim, dim };
}

/**
 * Normalises and checks one variable. Numbers are copied into float64.
 *
 * @throws RangeError for an empty variable, rows of different lengths, or
 *   a NaN or infinite entry (naming the variable, the draw and coordinate).
 */
export function toSamples(input: SamplesInput, name: string): Samples {
  let samples: Samples;
  if (isSamples(input)) {
    if (input.values.length !== input.n * input.dim) {
      throw new RangeError(
        `${name}: values has length ${input.values.length}, expected n * dim = ` +
          `${input.n} * ${input.dim}`,
      );
    }
    samples = samplesOf(input.values, input.dim, name);
  } else if (isRows(input)) {
    const dim = input.length === 0 ? 0 : input[0].length;
    const flat = new Float64Array(input.length * dim);
    input.forEach((row, i) => {
      if (row.length !== dim) {
        throw new RangeError(
          `${name}: row ${i} has ${row.length} coordinates, expected ${dim} like row 0`,
        );
      }
      for (let c = 0; c < dim; c++) flat[i * dim + c] = row[c];
    });
    if (dim === 0) throw new RangeError(`${name}: rows have no coordinates`);
    samples = samplesOf(flat, dim, name);
  } else {
    samples = samplesOf(input, 1, name);
  }
  if (samples.n === 0) throw new RangeError(`${name}: no samples`);
  return samples;
}

function checkFinite(values: Float64Array, dim: number, name: string): void {
  for (let p = 0; p < values.length; p++) {
    if (!Number.isFinite(values[p])) {
      const draw = Math.floor(p / dim);
      const where = dim > 1 ? `sample ${draw}, coordinate ${p % dim}` : `sample ${draw}`;
      throw new RangeError(`${name} has ${values[p]} at ${where}; expected finite numbers`);
    }
  }
}

/** The draws of `a` and `b` side by side: rows of dim a.dim + b.dim. */
export function joinSamples(a: Samples, b: Samples): Samples {
  const dim = a.dim + b.dim;
  const values = new Float64Array(a.n * dim);
  for (let i = 0; i < a.n; i++) {
    for (let c = 0; c < a.dim; c++) values[i * dim + c] = a.values[i * a.dim + c];
    for (let c = 0; c < b.dim; c++) values[i * dim + a.dim + c] = b.values[i * b.dim + c];
  }
  return { values, n: a.n, dim };
}

/**
 * Column `j` of a row-major [n, m] table as a scalar variable, e.g. one
 * lattice site of a batch of configurations.
 */
export function columnOf(table: ArrayLike<number>, m: number, j: number): Float64Array {
  if (!Number.isInteger(m) || m < 1 || table.length % m !== 0) {
    throw new RangeError(`table of length ${table.length} cannot have ${m} columns`);
  }
  if (!Number.isInteger(j) || j < 0 || j >= m) {
    throw new RangeError(`column must be an integer in 0..${m - 1}, got ${j}`);
  }
  const n = table.length / m;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = table[i * m + j];
  return out;
}
