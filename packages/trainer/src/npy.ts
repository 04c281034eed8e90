/** An array read from a file: its values (row-major) and shape. */
export interface NumericArray {
  values: Float32Array | Float64Array;
  shape: number[];
}

const MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]; // \x93NUMPY

/**
 * Parses a NumPy .npy file (format versions 1, 2 and 3): a magic string,
 * a version, a header length, and a Python dict literal header with
 * 'descr', 'fortran_order' and 'shape', then the raw data. Accepts
 * little-endian float32 ('<f4') and float64 ('<f8') in C order.
 *
 * @param name - the file name, for messages.
 * @throws Error naming the file and what is wrong: not .npy, another
 *   dtype, big-endian, Fortran order, or too few bytes for the shape.
 */
export function parseNpy(bytes: Uint8Array, name: string): NumericArray {
  if (bytes.length < 10 || !MAGIC.every((b, i) => bytes[i] === b)) {
    throw new Error(`${name} is not a .npy file: it does not start with \\x93NUMPY`);
  }
  const major = bytes[6];
  if (major < 1 || major > 3) {
    throw new Error(`${name}: .npy format version ${major}.${bytes[7]} is not supported (1, 2 or 3)`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerLength = major === 1 ? view.getUint16(8, true) : view.getUint32(8, true);
  const headerStart = major === 1 ? 10 : 12;
  const dataStart = headerStart + headerLength;
  if (dataStart > bytes.length) throw new Error(`${name}: .npy header runs past the end of the file`);
  const header = new TextDecoder(major === 3 ? 'utf-8' : 'latin1').decode(
    bytes.subarray(headerStart, dataStart),
  );

  const descr = /'descr'\s*:\s*'([^']*)'/.exec(header)?.[1];
  const fortran = /'fortran_order'\s*:\s*(True|False)/.exec(header)?.[1];
  const shapeText = /'shape'\s*:\s*\(([^)]*)\)/.exec(header)?.[1];
  if (descr === undefined || fortran === undefined || shapeText === undefined) {
    throw new Error(`${name}: .npy header lacks descr, fortran_order or shape: ${header.trim()}`);
  }
  if (fortran === 'True') {
    throw new Error(`${name}: Fortran-ordered arrays are not supported; save it in C order (np.ascontiguousarray)`);
  }
  const shape = shapeText
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map(Number);
  if (shape.some((n) => !Number.isInteger(n) || n < 0)) {
    throw new Error(`${name}: .npy shape (${shapeText}) is not a tuple of sizes`);
  }

  const size = shape.reduce((a, b) => a * b, 1);
  const width = descr === '<f4' ? 4 : descr === '<f8' ? 8 : 0;
  if (width === 0) {
    throw new Error(
      `${name}: dtype '${descr}' is not supported; expected little-endian float32 ('<f4') or float64 ('<f8')`,
    );
  }
  if (bytes.length - dataStart < size * width) {
    throw new Error(
      `${name}: shape (${shape.join(', ')}) needs ${size * width} bytes of data, the file has ${bytes.length - dataStart}`,
    );
  }
  // Copy into an aligned buffer of its own: the data offset need not be a
  // multiple of 8, and a Node Buffer's slice() would share the file's memory.
  const data = new Uint8Array(bytes.subarray(dataStart, dataStart + size * width));
  const values = width === 4 ? new Float32Array(data.buffer) : new Float64Array(data.buffer);
  return { values, shape };
}

/**
 * Encodes a float32 or float64 array as a version 1.0 .npy file, C order,
 * little-endian; the header is padded so that the data starts at a
 * multiple of 64 bytes, as NumPy writes it.
 */
export function encodeNpy(values: Float32Array | Float64Array, shape: readonly number[]): Uint8Array {
  const descr = values instanceof Float32Array ? '<f4' : '<f8';
  const shapeText = shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
  let header = `{'descr': '${descr}', 'fortran_order': False, 'shape': ${shapeText}, }`;
  const unpadded = 10 + header.length + 1;
  header += ' '.repeat((64 - (unpadded % 64)) % 64) + '\n';
  const bytes = new Uint8Array(10 + header.length + values.byteLength);
  bytes.set(MAGIC, 0);
  bytes[6] = 1;
  bytes[7] = 0;
  new DataView(bytes.buffer).setUint16(8, header.length, true);
  for (let i = 0; i < header.length; i++) bytes[10 + i] = header.charCodeAt(i);
  bytes.set(new Uint8Array(values.buffer, values.byteOffset, values.byteLength), 10 + header.length);
  return bytes;
}
