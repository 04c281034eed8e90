import * as fs from 'fs';

/** The part of jsfive's API used here (it ships no types). */
interface Hdf5Node {
  keys?: string[];
  shape?: number[];
  dtype?: unknown;
  value?: ArrayLike<number>;
  get(name: string): Hdf5Node | undefined;
}

interface Jsfive {
  File: new (buffer: ArrayBuffer, name: string) => Hdf5Node;
}

/** An array read from an HDF5 dataset: its shape and values in C order. */
export interface Hdf5Array {
  dataset: string;
  shape: number[];
  values: Float64Array;
}

/** jsfive throws strings; this turns whatever it throws into a message. */
function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Every dataset below a group, as paths from the file's root. */
function datasetsOf(group: Hdf5Node, prefix: string): string[] {
  const found: string[] = [];
  for (const key of group.keys ?? []) {
    const child = group.get(key);
    if (child === undefined) continue;
    const name = prefix === '' ? key : `${prefix}/${key}`;
    if (child.shape !== undefined) found.push(name);
    else if (child.keys !== undefined) found.push(...datasetsOf(child, name));
  }
  return found;
}

/** Floating-point and integer dtypes of jsfive, e.g. '<f4', '>f8', '<i8'. */
const NUMERIC_DTYPE = /^[<>|=]?[fiu][1248]$/;

/**
 * Reads one numeric dataset of an HDF5 file with jsfive (pure JavaScript,
 * synchronous; contiguous and chunked layouts, gzip and shuffle filters).
 * `dataset` names it by its path from the root, e.g. 'runs/hot'; without
 * it the file must hold exactly one dataset.
 *
 * @throws Error naming the file when it is not HDF5, the dataset is missing
 *   or not numeric, or no dataset was named and the file holds several.
 */
export function readHdf5(file: string, dataset?: string): Hdf5Array {
  let jsfive: Jsfive;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    jsfive = require('jsfive') as Jsfive;
  } catch {
    throw new Error(`reading ${file} needs the jsfive package, which is missing from this installation`);
  }
  const bytes = fs.readFileSync(file);
  let root: Hdf5Node;
  try {
    root = new jsfive.File(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength), file);
  } catch (error) {
    throw new Error(`data file ${file} is not a readable HDF5 file: ${messageOf(error)}`);
  }
  const all = datasetsOf(root, '');
  let name = dataset?.replace(/^\/+/, '');
  if (name === undefined) {
    if (all.length !== 1) {
      throw new Error(
        `data file ${file} holds ${all.length} datasets (${all.join(', ') || 'none'}); ` +
          `name one as ${file}:DATASET`,
      );
    }
    name = all[0];
  }
  if (!all.includes(name)) {
    throw new Error(`data file ${file} has no dataset '${name}'; it holds ${all.join(', ') || 'none'}`);
  }
  const node = root.get(name) as Hdf5Node;
  if (typeof node.dtype !== 'string' || !NUMERIC_DTYPE.test(node.dtype)) {
    throw new Error(`data file ${file}: dataset '${name}' has type ${JSON.stringify(node.dtype)}; expected numbers`);
  }
  let values: ArrayLike<number>;
  try {
    values = node.value as ArrayLike<number>;
  } catch (error) {
    throw new Error(`data file ${file}: dataset '${name}' could not be read: ${messageOf(error)}`);
  }
  return { dataset: name, shape: [...(node.shape as number[])], values: Float64Array.from(values, Number) };
}
