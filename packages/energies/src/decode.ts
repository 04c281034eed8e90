import type { Rng } from '@neuralrg/tensor';

function checkField(x: Float32Array | Float64Array): void {
  if (!(x instanceof Float32Array || x instanceof Float64Array)) {
    throw new TypeError(`x must be a Float32Array or Float64Array, got ${typeof x}`);
  }
  for (let i = 0; i < x.length; i++) {
    if (!Number.isFinite(x[i])) throw new RangeError(`x[${i}] must be finite, got ${x[i]}`);
  }
}

/** sigmoid(2x) = 1 / (1 + exp(-2x)), written so that exp never overflows. */
function sigmoidOfTwice(x: number): number {
  if (x >= 0) return 1 / (1 + Math.exp(-2 * x));
  const e = Math.exp(2 * x);
  return e / (1 + e);
}

/**
 * P(s_i = +1 | x) = sigmoid(2 x_i) = (1 + tanh x_i) / 2 for each entry of a
 * configuration x of the continuous Ising dual: given x the spins are
 * independent, p(s | x) proportional to exp(s . x).
 *
 * @throws RangeError when an entry of x is not finite.
 */
export function spinProbabilities(x: Float32Array | Float64Array): Float64Array {
  checkField(x);
  const probabilities = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) probabilities[i] = sigmoidOfTwice(x[i]);
  return probabilities;
}

/**
 * Draws Ising spins from a configuration x of the continuous dual:
 * s_i = +1 with probability sigmoid(2 x_i), else -1, one uniform variate
 * of `rng` per entry. If x ~ exp(-E_dual) then s follows the Ising
 * Boltzmann distribution exactly.
 *
 * @throws RangeError when an entry of x is not finite.
 */
export function decodeSpins(x: Float32Array | Float64Array, rng: Rng): Int8Array {
  const probabilities = spinProbabilities(x);
  const spins = new Int8Array(x.length);
  for (let i = 0; i < x.length; i++) spins[i] = rng.uniform() < probabilities[i] ? 1 : -1;
  return spins;
}
