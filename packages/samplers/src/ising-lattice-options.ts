import { Rng } from '@neuralrg/tensor';
import type { LatticeEngine } from './lattice-engine';
import type { SamplerKind, SamplerState } from './sampler';
import { decodeInt8, checkResumeMatches } from './state-encoding';
import {
  checkChains,
  checkConfiguration,
  checkInteger,
  checkLatticeSize,
  checkTemperature,
  describeValue,
} from './validate';

/** Options of the discrete Ising samplers. */
export interface IsingLatticeOptions {
  /** Linear size of the periodic L x L lattice, an even integer >= 2. */
  L: number;
  /** Temperature in units of J = 1. */
  T: number;
  /** Number of independent chains, run as one batch. */
  chains: number;
  /** Seed of the sampler's generator (default 1). */
  seed?: number;
  /**
   * Starting spins, chains x L*L values of +1/-1, row-major. Default: each
   * spin +1 or -1 with probability 1/2 (a hot start).
   */
  initial?: Int8Array;
  /** The code that runs the lattice updates (default: the TypeScript path). */
  engine?: LatticeEngine;
  /** A saved state to continue from; then `initial` and `seed` are ignored. */
  resume?: SamplerState;
}

/** The checked setting of a discrete Ising sampler. */
export interface IsingLatticeSetup {
  L: number;
  T: number;
  chains: number;
  size: number;
  rng: Rng;
  spins: Int8Array;
  step: number;
}

/**
 * Validates the options and builds the starting spins and generator, from
 * a saved state when `resume` is given.
 *
 * @throws RangeError/TypeError naming the bad option: an odd L, T <= 0, zero
 *   chains, initial spins of the wrong shape or not +1/-1, or a state of
 *   another kind or size.
 */
export function setupIsingLattice(
  kind: SamplerKind,
  options: IsingLatticeOptions,
): IsingLatticeSetup {
  const L = checkLatticeSize(options.L);
  const T = checkTemperature(options.T);
  const chains = checkChains(options.chains);
  const size = L * L;

  const saved = options.resume;
  if (saved !== undefined) {
    checkResumeMatches(saved, kind, chains);
    const spins = decodeInt8('spins', saved.data.spins, chains * size);
    checkSpins(spins);
    return { L, T, chains, size, rng: new Rng(saved.rng), spins, step: saved.step };
  }

  const rng = new Rng(checkInteger('seed', options.seed ?? 1, 0));
  let spins: Int8Array;
  if (options.initial !== undefined) {
    checkConfiguration('initial', options.initial, chains, size, 'spins');
    if (!(options.initial instanceof Int8Array)) {
      throw new TypeError(
        `initial spins must be an Int8Array, got ${describeValue(options.initial)}`,
      );
    }
    spins = Int8Array.from(options.initial);
    checkSpins(spins);
  } else {
    spins = new Int8Array(chains * size);
    for (let k = 0; k < spins.length; k++) spins[k] = rng.uniform() < 0.5 ? 1 : -1;
  }
  return { L, T, chains, size, rng, spins, step: 0 };
}

function checkSpins(spins: Int8Array): void {
  for (let k = 0; k < spins.length; k++) {
    if (spins[k] !== 1 && spins[k] !== -1) {
      throw new RangeError(`initial spins[${k}] must be +1 or -1, got ${spins[k]}`);
    }
  }
}
