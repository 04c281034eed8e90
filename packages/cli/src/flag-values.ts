import { numericValue } from '@neuralrg/energies';
import { UsageError } from './errors';

/**
 * Parsers for flag values given as text. Each one throws a UsageError
 * that names the flag, the text received and what was expected, so that
 * no bad value reaches the trainer as NaN.
 */

/**
 * The value of a finite decimal number written in `text`, or NaN for
 * anything else (hex, binary, 'Infinity'): the energies' reading of numbers
 * given as text (numericValue), so that flags and --param agree.
 */
export function decimalValue(text: string): number {
  return numericValue(text) ?? NaN;
}

/** An integer >= `min`, e.g. `integerFlag('--batch', '256', 1)`. */
export function integerFlag(flag: string, text: string, min: number): number {
  const value = numericValue(text);
  if (value !== undefined && Number.isInteger(value) && !Number.isSafeInteger(value)) {
    throw new UsageError(`${flag} must be at most ${Number.MAX_SAFE_INTEGER}, got '${text}'`);
  }
  if (value === undefined || !Number.isInteger(value) || value < min) {
    const expected =
      min === 1
        ? 'a positive integer'
        : min === 0
          ? 'a non-negative integer'
          : `an integer >= ${min}`;
    throw new UsageError(`${flag} must be ${expected}, got '${text}'`);
  }
  return value;
}

/** A positive finite number, e.g. a learning rate. */
export function positiveFlag(flag: string, text: string): number {
  const value = numericValue(text);
  if (value === undefined || value <= 0) {
    throw new UsageError(`${flag} must be a positive number, got '${text}'`);
  }
  return value;
}

/** A comma-separated list of positive integers, e.g. `--hidden 16,16`. */
export function integerListFlag(flag: string, text: string): number[] {
  const parts = text.split(',').map((part) => part.trim());
  const values = parts.map((part) => numericValue(part));
  const positive = (v: number | undefined) => v !== undefined && Number.isInteger(v) && v > 0;
  if (!values.every(positive)) {
    throw new UsageError(
      `${flag} must be a comma-separated list of positive integers (e.g. 16,16), got '${text}'`,
    );
  }
  return values as number[];
}

/** Parses a flag's text when the flag was given; otherwise returns `fallback`. */
export function optionalFlag<T>(
  text: string | undefined,
  fallback: T,
  parse: (text: string) => T,
): T {
  return text === undefined ? fallback : parse(text);
}

/** One of a fixed set of names, e.g. `--layout mera`. */
export function choiceFlag<T extends string>(flag: string, text: string, choices: readonly T[]): T {
  if (!(choices as readonly string[]).includes(text)) {
    throw new UsageError(`${flag} must be one of ${choices.join(', ')}, got '${text}'`);
  }
  return text as T;
}
