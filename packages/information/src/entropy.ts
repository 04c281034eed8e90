import { digammaTable } from './digamma';
import { makeIndex } from './make-index';
import { DEFAULT_K, DEFAULT_SEARCH, NeighbourOptions, checkNeighbours, checkSearch } from './options';
import { SamplesInput, toSamples } from './samples';
import { isConstantCoordinate, largestMultiplicity } from './ties';

// Globals copied once: in a vm context (jest) each global lookup in a hot loop is slow.
const { log } = Math;

/**
 * Differential entropy H(X) in nats by the Kozachenko-Leonenko
 * k-nearest-neighbour estimator with the max-norm,
 *
 *   H = psi(n) - psi(k) + (d / n) sum_i ln(2 r_i),
 *
 * with r_i the max-norm distance of the k-th neighbour of draw i and d the
 * dimension (the unit max-norm ball has volume 2^d). Kozachenko and
 * Leonenko, Probl. Inf. Transm. 23, 95 (1987); in this form eq. 20 of
 * Kraskov, Stoegbauer and Grassberger, PRE 69, 066138 (2004).
 * Exact check: a d-dimensional normal has H = 1/2 ln((2 pi e)^d det C).
 *
 * @throws RangeError for bad input (as {@link ksgMutualInformation}), a
 *   constant coordinate, or a value repeated more than k times: there the
 *   k-th neighbour distance is 0 and the differential entropy of such
 *   (discrete or degenerate) data is -Infinity, which no estimate can give.
 */
export function klEntropy(input: SamplesInput, options: NeighbourOptions = {}): number {
  const k = options.k ?? DEFAULT_K;
  const search = checkSearch(options.search ?? DEFAULT_SEARCH);
  const samples = toSamples(input, 'x');
  checkNeighbours(k, samples.n, 'Kozachenko-Leonenko entropy');
  for (let c = 0; c < samples.dim; c++) {
    if (isConstantCoordinate(samples, c)) {
      const where = samples.dim > 1 ? `coordinate ${c} of x` : 'x';
      throw new RangeError(
        `${where} is constant: its differential entropy is -Infinity, not estimable`,
      );
    }
  }
  const repeats = largestMultiplicity(samples);
  if (repeats > k) {
    throw new RangeError(
      `x repeats one value ${repeats} times, more than k = ${k}: the k-th neighbour ` +
        'distance is 0 and the differential entropy diverges; the data look discrete ' +
        '(use a discrete entropy) or need a larger k',
    );
  }

  const { n, dim } = samples;
  const index = makeIndex(samples, search);
  const neighbours = new Int32Array(k);
  const distances = new Float64Array(k);
  let sumLog = 0;
  for (let i = 0; i < n; i++) {
    index.nearest(i, k, neighbours, distances);
    sumLog += log(2 * distances[k - 1]);
  }
  const psi = digammaTable(n);
  return psi[n] - psi[k] + (dim * sumLog) / n;
}
