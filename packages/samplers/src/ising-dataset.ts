import { Rng } from '@neuralrg/tensor';
import { dualLift } from './dual-start';
import { spinObservables } from './spin-observables';
import { checkChains, checkInteger, checkLatticeSize, checkTemperature } from './validate';
import { wolffUpdate } from './wolff-reference';

/** Options of {@link isingDataset}. */
export interface IsingDatasetOptions {
  /** Linear size of the periodic L x L lattice, an even integer >= 2. */
  L: number;
  /** Temperature in units of J = 1. */
  T: number;
  /** Configurations to return, an integer >= 1. */
  samples: number;
  /** Independent Wolff chains the samples are spread over (default 64). */
  chains?: number;
  /** Cluster flips per chain between two kept configurations (default 10). */
  thin?: number;
  /** Cluster flips per chain before the first kept one (default 1000). */
  warmup?: number;
  /** Seed of the generator (default 1). */
  seed?: number;
  /**
   * Called after each round of one kept configuration per chain
   * ('draw'), then after each batch lifted to the dual ('lift').
   */
  onProgress?: (done: number, total: number, phase: 'draw' | 'lift') => void;
}

/** Exact Ising configurations and their continuous-dual counterparts. */
export interface IsingDataset {
  L: number;
  T: number;
  /** samples x L*L spins +1/-1, row-major; sample k came from chain k mod chains. */
  spins: Int8Array;
  /** samples x L*L configurations x ~ N(K s, K) of the continuous dual. */
  dual: Float32Array;
  /** Energy per site of each kept configuration, one series per chain. */
  energyByChain: Float64Array[];
  chains: number;
  thin: number;
  warmup: number;
}

export const DEFAULT_DATASET_CHAINS = 64;
/** Configurations lifted to the dual between two progress calls. */
const LIFT_BATCH = 1024;
export const DEFAULT_DATASET_THIN = 10;
export const DEFAULT_DATASET_WARMUP = 1000;

/**
 * Draws configurations of the 2D Ising model (J = 1, periodic L x L) with
 * the Wolff cluster algorithm, and lifts each to the continuous dual that
 * the flows are trained on: x | s ~ N(K s, K) with K = A/T + c I (see
 * {@link dualFromSpins}). Spins from the Ising distribution give x from the
 * dual density exactly, so the result is a training set for forward KL
 * (maximum likelihood) and a reference for reweighting checks.
 *
 * Kept configurations of one chain are `thin` cluster flips apart; the
 * caller can check how independent they are with the energy series.
 *
 * @throws RangeError naming the option: an odd or too small L, T <= 0,
 *   samples, chains or thin < 1, warmup < 0, or a bad seed.
 */
export function isingDataset(options: IsingDatasetOptions): IsingDataset {
  const { L, T, samples } = options;
  checkLatticeSize(L);
  checkTemperature(T);
  checkInteger('samples', samples, 1);
  const chains = Math.min(samples, checkChains(options.chains ?? DEFAULT_DATASET_CHAINS));
  const thin = options.thin ?? DEFAULT_DATASET_THIN;
  checkInteger('thin', thin, 1);
  const warmup = options.warmup ?? DEFAULT_DATASET_WARMUP;
  checkInteger('warmup', warmup, 0);
  const rng = new Rng(options.seed ?? 1);

  const size = L * L;
  const lattices = new Int8Array(chains * size);
  for (let i = 0; i < lattices.length; i++) lattices[i] = rng.uniform() < 0.5 ? 1 : -1;
  const addProbability = -Math.expm1(-2 / T);
  const stack = new Int32Array(size);
  const flip = (chain: number, times: number): void => {
    for (let t = 0; t < times; t++) wolffUpdate(lattices, L, chain, addProbability, rng, stack);
  };
  for (let b = 0; b < chains; b++) flip(b, warmup);

  const spins = new Int8Array(samples * size);
  const rounds = Math.ceil(samples / chains);
  const energyByChain = Array.from({ length: chains }, (_, b) =>
    new Float64Array(Math.floor((samples - b - 1) / chains) + 1),
  );
  for (let round = 0, kept = 0; round < rounds; round++) {
    for (let b = 0; b < chains && kept < samples; b++, kept++) {
      flip(b, thin);
      spins.set(lattices.subarray(b * size, (b + 1) * size), kept * size);
      energyByChain[b][round] = spinObservables(lattices, L, b).energy;
    }
    options.onProgress?.(Math.min(samples, (round + 1) * chains), samples, 'draw');
  }

  const lift = dualLift(L, T);
  const dual = new Float32Array(samples * size);
  for (let start = 0; start < samples; start += LIFT_BATCH) {
    const end = Math.min(samples, start + LIFT_BATCH);
    dual.set(lift(spins.subarray(start * size, end * size), rng), start * size);
    options.onProgress?.(end, samples, 'lift');
  }
  return { L, T, spins, dual, energyByChain, chains, thin, warmup };
}
