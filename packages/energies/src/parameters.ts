import type { EnergyConfig } from './registry-types';
import { describeValue } from './validate';

/** A decimal number: optional sign, digits with an optional point, optional exponent. */
const DECIMAL = /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/;

/**
 * The number a parameter value stands for: a finite number as it is, or a
 * string that writes a finite decimal number (hex, binary and 'Infinity'
 * are not numbers here); undefined otherwise.
 */
export function numericValue(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string' && DECIMAL.test(value)) {
    const parsed = Number(value);
    return Number.isFinite(parsed) ? parsed : undefined;
  }
  return undefined;
}

/**
 * Reads the numeric parameter `key` of a registry config, given as a number
 * or as a numeric string (as a command line gives it).
 *
 * @throws TypeError naming the model and the parameter when the value is
 *   missing or not numeric.
 */
export function numberParameter(model: string, config: EnergyConfig, key: string): number {
  const value = config[key];
  if (typeof value === 'number') return value;
  const parsed = numericValue(value);
  if (parsed !== undefined) return parsed;
  if (value === undefined) {
    throw new TypeError(`${model} parameter ${key} is missing; it must be a number`);
  }
  throw new TypeError(`${model} parameter ${key} must be a number, got ${describeValue(value)}`);
}

/**
 * Like {@link numberParameter}, but returns `fallback` when the key is absent.
 */
export function optionalNumberParameter(
  model: string,
  config: EnergyConfig,
  key: string,
  fallback: number,
): number {
  return config[key] === undefined ? fallback : numberParameter(model, config, key);
}

/**
 * Checks that a config names only the parameters a model knows.
 *
 * @throws RangeError naming the first unknown parameter and listing the known ones.
 */
export function checkParameterNames(
  model: string,
  config: EnergyConfig,
  known: readonly string[],
): void {
  if (config === null || typeof config !== 'object') {
    throw new TypeError(`${model} config must be an object, got ${describeValue(config)}`);
  }
  for (const key of Object.keys(config)) {
    if (!known.includes(key)) {
      throw new RangeError(`${model} has no parameter '${key}'; expected ${known.join(', ')}`);
    }
  }
}

/**
 * Checks that `value` is a positive finite number.
 *
 * @throws RangeError naming the parameter and the value received.
 */
export function checkPositive(name: string, value: number): number {
  if (typeof value !== 'number') {
    throw new TypeError(`${name} must be a number, got ${describeValue(value)}`);
  }
  if (!Number.isFinite(value) || value <= 0) {
    throw new RangeError(`${name} must be a positive finite number, got ${value}`);
  }
  return value;
}

/**
 * Checks that `value` is a finite number (of any sign).
 *
 * @throws RangeError naming the parameter and the value received.
 */
export function checkFinite(name: string, value: number): number {
  if (typeof value !== 'number') {
    throw new TypeError(`${name} must be a number, got ${describeValue(value)}`);
  }
  if (!Number.isFinite(value)) {
    throw new RangeError(`${name} must be a finite number, got ${value}`);
  }
  return value;
}

/**
 * Checks that `value` is an integer >= `min`.
 *
 * @throws RangeError naming the parameter and the value received.
 */
export function checkIntegerAtLeast(name: string, value: number, min: number): number {
  if (typeof value !== 'number') {
    throw new TypeError(`${name} must be a number, got ${describeValue(value)}`);
  }
  if (!Number.isInteger(value) || value < min) {
    throw new RangeError(`${name} must be an integer >= ${min}, got ${value}`);
  }
  return value;
}
