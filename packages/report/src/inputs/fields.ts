import type { ProblemLog } from './problem';

/** A JSON object read from a file. */
export type JsonObject = Record<string, unknown>;

/** A value with its standard error. */
export interface ValueWithError {
  value: number;
  stdErr?: number;
}

/** A short, safe description of a JSON value for a problem message. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (typeof value === 'object') return 'an object';
  const text = JSON.stringify(value);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

/** The JSON object `value`, or undefined with a problem naming `where`. */
export function asObject(value: unknown, where: string, log: ProblemLog): JsonObject | undefined {
  if (value !== null && typeof value === 'object' && !Array.isArray(value))
    return value as JsonObject;
  log.add(`${where} must be an object, got ${describeValue(value)}`);
  return undefined;
}

/**
 * Reads typed fields of one JSON object and records a problem for each one
 * that is missing (when required) or of the wrong type. A wrong value is
 * never passed on: the getter returns undefined instead.
 */
export class Fields {
  constructor(
    private readonly object: JsonObject,
    /** Path of the object in its file, e.g. "observables[3]"; "" at the top. */
    private readonly path: string,
    private readonly log: ProblemLog,
    /** Between the path and a key: "." in JSON paths, ": " after "line 3". */
    private readonly separator = '.',
  ) {}

  private where(key: string): string {
    return this.path === '' ? key : `${this.path}${this.separator}${key}`;
  }

  private missing(key: string, required: boolean, expected: string): undefined {
    if (required) this.log.add(`${this.where(key)} is missing (expected ${expected})`);
    return undefined;
  }

  /** Records a problem about this object. */
  problem(message: string): void {
    this.log.add(this.path === '' ? message : `${this.path}: ${message}`);
  }

  has(key: string): boolean {
    return this.object[key] !== undefined;
  }

  /** A finite number; `null` is accepted (as undefined) only when `nullable`. */
  number(
    key: string,
    options: { required?: boolean; nullable?: boolean; min?: number } = {},
  ): number | undefined {
    const value = this.object[key];
    if (value === undefined) return this.missing(key, options.required ?? false, 'a number');
    if (value === null && options.nullable) return undefined;
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      this.log.add(`${this.where(key)} must be a finite number, got ${describeValue(value)}`);
      return undefined;
    }
    if (options.min !== undefined && value < options.min) {
      this.log.add(`${this.where(key)} must be >= ${options.min}, got ${value}`);
      return undefined;
    }
    return value;
  }

  string(key: string, required = false): string | undefined {
    const value = this.object[key];
    if (value === undefined) return this.missing(key, required, 'a string');
    if (typeof value !== 'string') {
      this.log.add(`${this.where(key)} must be a string, got ${describeValue(value)}`);
      return undefined;
    }
    return value;
  }

  boolean(key: string): boolean | undefined {
    const value = this.object[key];
    if (value === undefined) return undefined;
    if (typeof value !== 'boolean') {
      this.log.add(`${this.where(key)} must be true or false, got ${describeValue(value)}`);
      return undefined;
    }
    return value;
  }

  /** A nested object, as Fields; undefined when missing or not an object. */
  child(key: string, required = false): Fields | undefined {
    const value = this.object[key];
    if (value === undefined) return this.missing(key, required, 'an object');
    const inner = asObject(value, this.where(key), this.log);
    return inner === undefined ? undefined : new Fields(inner, this.where(key), this.log);
  }

  /** Each element of an array that is an object, as Fields; bad elements are reported and skipped. */
  objects(key: string, required = false): Fields[] {
    const value = this.object[key];
    if (value === undefined) return this.missing(key, required, 'an array') ?? [];
    if (!Array.isArray(value)) {
      this.log.add(`${this.where(key)} must be an array, got ${describeValue(value)}`);
      return [];
    }
    const result: Fields[] = [];
    value.forEach((element, i) => {
      const where = `${this.where(key)}[${i}]`;
      const inner = asObject(element, where, this.log);
      if (inner !== undefined) result.push(new Fields(inner, where, this.log));
    });
    return result;
  }

  /**
   * An array of finite numbers, of `length` when given; undefined (with a
   * problem) when any element is not a finite number.
   */
  numbers(
    key: string,
    options: { required?: boolean; length?: number } = {},
  ): number[] | undefined {
    const value = this.object[key];
    if (value === undefined)
      return this.missing(key, options.required ?? false, 'an array of numbers');
    if (!Array.isArray(value)) {
      this.log.add(`${this.where(key)} must be an array of numbers, got ${describeValue(value)}`);
      return undefined;
    }
    if (options.length !== undefined && value.length !== options.length) {
      this.log.add(`${this.where(key)} must hold ${options.length} numbers, got ${value.length}`);
      return undefined;
    }
    const bad = value.findIndex(
      (element) => typeof element !== 'number' || !Number.isFinite(element),
    );
    if (bad >= 0) {
      this.log.add(
        `${this.where(key)}[${bad}] must be a finite number, got ${describeValue(value[bad])}`,
      );
      return undefined;
    }
    return value as number[];
  }

  /** `{ value, stdErr }` with a finite value and, when present, a finite stdErr >= 0. */
  estimate(key: string, required = false): ValueWithError | undefined {
    const inner = this.child(key, required);
    if (inner === undefined) return undefined;
    const value = inner.number('value', { required: true });
    if (value === undefined) return undefined;
    const stdErr = inner.number('stdErr', { min: 0 });
    return stdErr === undefined ? { value } : { value, stdErr };
  }

  /** The keys of the object, in order. */
  keys(): string[] {
    return Object.keys(this.object);
  }

  /** The raw value of a key. */
  raw(key: string): unknown {
    return this.object[key];
  }
}
