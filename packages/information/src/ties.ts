import { SplitMix32 } from './random';
import type { Samples } from './samples';

/**
 * Relative size of the noise that breaks ties: normal with standard
 * deviation TIE_NOISE * (max - min) of the coordinate.
 */
export const TIE_NOISE = 1e-10;

/** Whether a coordinate takes a single value in every draw. */
export function isConstantCoordinate(samples: Samples, coordinate: number): boolean {
  const { values, n, dim } = samples;
  const first = values[coordinate];
  for (let i = 1; i < n; i++) if (values[i * dim + coordinate] !== first) return false;
  return true;
}

/** Whether every coordinate of the variable is constant: it then carries no information. */
export function isConstant(samples: Samples): boolean {
  for (let c = 0; c < samples.dim; c++) {
    if (!isConstantCoordinate(samples, c)) return false;
  }
  return true;
}

/** Whether a coordinate repeats some value (two draws with equal entries). */
export function hasTies(samples: Samples, coordinate: number): boolean {
  const { values, n, dim } = samples;
  const column = new Float64Array(n);
  for (let i = 0; i < n; i++) column[i] = values[i * dim + coordinate];
  column.sort();
  for (let i = 1; i < n; i++) if (column[i] === column[i - 1]) return true;
  return false;
}

/**
 * Breaks ties for the KSG estimator. Every coordinate that repeats a
 * value gets independent normal noise of standard deviation TIE_NOISE
 * times its range (TIE_NOISE in absolute terms for a constant
 * coordinate), drawn from a generator seeded by `seed`, so results are
 * reproducible. Coordinates without ties are left exactly as they are.
 *
 * KSG assumes continuous densities: a repeated value gives zero
 * neighbour distances and ill-defined neighbour counts. Noise ten orders
 * of magnitude below the spacing of the values leaves the mutual
 * information of discrete variables unchanged (the values can be read
 * back from the noisy ones), so for decoded Ising spins the estimate
 * approaches the discrete mutual information; the noise inside each
 * cluster of equal values is what KSG then sees, and normal noise has no
 * edges to bias it.
 *
 * @returns the samples (the same object when nothing repeats) and the
 *   coordinates that were perturbed.
 */
export function breakTies(samples: Samples, seed: number): { samples: Samples; jittered: number[] } {
  const jittered: number[] = [];
  for (let c = 0; c < samples.dim; c++) if (hasTies(samples, c)) jittered.push(c);
  if (jittered.length === 0) return { samples, jittered };

  const { n, dim } = samples;
  const values = Float64Array.from(samples.values);
  for (const c of jittered) {
    let low = Infinity;
    let high = -Infinity;
    for (let i = 0; i < n; i++) {
      low = Math.min(low, values[i * dim + c]);
      high = Math.max(high, values[i * dim + c]);
    }
    const width = TIE_NOISE * (high > low ? high - low : 1);
    const rng = new SplitMix32((seed * 7919 + c * 104729 + 1) >>> 0);
    for (let i = 0; i < n; i++) values[i * dim + c] += width * rng.normal();
  }
  return { samples: { values, n, dim }, jittered };
}

/**
 * The largest number of draws that share one identical value (all
 * coordinates equal), 1 when all draws differ.
 */
export function largestMultiplicity(samples: Samples): number {
  const { values, n, dim } = samples;
  const order = Array.from({ length: n }, (_, i) => i);
  const compare = (a: number, b: number) => {
    for (let c = 0; c < dim; c++) {
      const d = values[a * dim + c] - values[b * dim + c];
      if (d !== 0) return d;
    }
    return 0;
  };
  order.sort(compare);
  let best = n > 0 ? 1 : 0;
  let run = 1;
  for (let p = 1; p < n; p++) {
    run = compare(order[p], order[p - 1]) === 0 ? run + 1 : 1;
    best = Math.max(best, run);
  }
  return best;
}
