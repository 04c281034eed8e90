import { Rng } from '@neuralrg/tensor';

/**
 * The checkerboard mask of an L x L lattice (site i * L + j is 1 when
 * i + j is even), as used by RealNVP on images; `parity` 1 flips it.
 */
export function checkerboardMask(L: number, parity: 0 | 1 = 0): number[] {
  if (!Number.isInteger(L) || L < 1) throw new RangeError(`checkerboard size L must be a positive integer, got ${L}`);
  const mask: number[] = [];
  for (let i = 0; i < L; i++) for (let j = 0; j < L; j++) mask.push((i + j + parity) % 2 === 0 ? 1 : 0);
  return mask;
}

/** A mask with `ones` entries equal to 1 at random places among `dim`. */
export function randomMask(dim: number, rng: Rng, ones = Math.floor(dim / 2)): number[] {
  if (!Number.isInteger(ones) || ones < 1 || ones >= dim) {
    throw new RangeError(`randomMask: ones must be in 1..${dim - 1}, got ${ones}`);
  }
  const order = Array.from({ length: dim }, (_, i) => i);
  for (let i = dim - 1; i > 0; i--) {
    const j = rng.nextUint32() % (i + 1);
    [order[i], order[j]] = [order[j], order[i]];
  }
  const mask = new Array(dim).fill(0);
  order.slice(0, ones).forEach((i) => (mask[i] = 1));
  return mask;
}

/** The indices where a mask is 1. */
export function maskToIndices(mask: readonly number[]): number[] {
  return [...mask.keys()].filter((i) => mask[i] === 1);
}
