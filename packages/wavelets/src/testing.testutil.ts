/** Deterministic pseudo-random numbers in [-1, 1) for test signals (a linear congruential sequence). */
export function signal(length: number, seed: number): Float32Array {
  const out = new Float32Array(length);
  let state = seed >>> 0;
  for (let t = 0; t < length; t++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    out[t] = state / 2 ** 31 - 1;
  }
  return out;
}

/** Largest absolute difference. */
export function maxError(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let worst = 0;
  for (let t = 0; t < a.length; t++) worst = Math.max(worst, Math.abs(a[t] - b[t]));
  return worst;
}
