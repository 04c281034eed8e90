/**
 * Argument checks shared by the Ising functions. Each one throws a
 * RangeError (or TypeError for a value of the wrong type) that names the
 * argument, the value received and what was expected.
 */

/** Formats a received value for an error message. */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') return `'${value}'`;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value === null || value === undefined) return String(value);
  return typeof value;
}

/**
 * Checks that the lattice size L is an even integer >= 2, as the torus
 * formulas of this package need.
 *
 * @throws TypeError when L is not a number; RangeError when it is not an even integer >= 2.
 */
export function checkEvenLatticeSize(L: unknown): number {
  if (typeof L !== 'number') {
    throw new TypeError(`lattice size L must be a number, got ${describeValue(L)}`);
  }
  if (!Number.isInteger(L) || L < 2 || L % 2 !== 0) {
    throw new RangeError(`lattice size L must be an even integer >= 2, got ${L}`);
  }
  return L;
}

/**
 * Checks that the temperature T is a positive finite number.
 *
 * @throws TypeError when T is not a number; RangeError when it is not positive and finite.
 */
export function checkTemperature(T: unknown): number {
  if (typeof T !== 'number') {
    throw new TypeError(`temperature T must be a number, got ${describeValue(T)}`);
  }
  if (!Number.isFinite(T) || T <= 0) {
    throw new RangeError(`temperature T must be a positive finite number, got ${T}`);
  }
  return T;
}
