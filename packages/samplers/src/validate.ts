/**
 * Argument checks shared by the samplers. Each throws a RangeError (or a
 * TypeError for a value of the wrong type) that names the argument, the
 * value received and what was expected.
 */

/** Formats a received value for an error message. */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') return `'${value}'`;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value === null || value === undefined) return String(value);
  if (Array.isArray(value)) return `an array of length ${value.length}`;
  if (ArrayBuffer.isView(value)) return `a ${value.constructor.name}`;
  return typeof value;
}

/** An integer >= `min`, e.g. the number of chains. */
export function checkInteger(name: string, value: unknown, min: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
    const expected = min === 1 ? 'a positive integer' : `an integer >= ${min}`;
    throw new RangeError(`${name} must be ${expected}, got ${describeValue(value)}`);
  }
  return value;
}

/** A positive finite number, e.g. a step size. */
export function checkPositive(name: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new RangeError(`${name} must be a positive finite number, got ${describeValue(value)}`);
  }
  return value;
}

/** A number in the open interval (low, high). */
export function checkOpenInterval(name: string, value: unknown, low: number, high: number): number {
  if (typeof value !== 'number' || !(value > low && value < high)) {
    throw new RangeError(
      `${name} must be a number in the open interval (${low}, ${high}), got ${describeValue(value)}`,
    );
  }
  return value;
}

/** The number of chains: a positive integer. */
export function checkChains(value: unknown): number {
  if (value === 0) {
    throw new RangeError(
      'chains must be a positive integer, got 0: a sampler needs at least one chain',
    );
  }
  return checkInteger('chains', value, 1);
}

/**
 * Checks that a starting configuration is a typed array of `chains` rows
 * of `width` values each; `what` names the values in the message.
 */
export function checkConfiguration(
  name: string,
  values: unknown,
  chains: number,
  width: number,
  what: string,
): void {
  if (!ArrayBuffer.isView(values) || values instanceof DataView) {
    throw new TypeError(`${name} must be a typed array, got ${describeValue(values)}`);
  }
  const length = (values as unknown as ArrayLike<number>).length;
  if (length !== chains * width) {
    throw new RangeError(
      `${name} must hold ${chains} chains x ${width} ${what} = ${chains * width} values ` +
        `(shape [${chains}, ${width}]), got ${length}`,
    );
  }
}

/** An even lattice size L >= 2, as the periodic checkerboard needs. */
export function checkLatticeSize(value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 2 || value % 2 !== 0) {
    throw new RangeError(
      `lattice size L must be an even integer >= 2 (the checkerboard needs an even torus), ` +
        `got ${describeValue(value)}`,
    );
  }
  return value;
}

/** A positive finite temperature. */
export function checkTemperature(value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new RangeError(
      `temperature T must be a positive finite number, got ${describeValue(value)}`,
    );
  }
  return value;
}
