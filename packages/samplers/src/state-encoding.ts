/** Typed arrays as base64 of their little-endian bytes, for JSON state files. */

/** Base64 of a typed array's bytes. */
export function encodeArray(values: Int8Array | Float32Array | Float64Array): string {
  return Buffer.from(values.buffer, values.byteOffset, values.byteLength).toString('base64');
}

function decodeBytes(name: string, text: unknown, bytesPerValue: number, length: number): Buffer {
  if (typeof text !== 'string') {
    throw new TypeError(`sampler state field ${name} must be a base64 string, got ${typeof text}`);
  }
  const bytes = Buffer.from(text, 'base64');
  if (bytes.length !== bytesPerValue * length) {
    throw new RangeError(
      `sampler state field ${name} must hold ${length} values, got ${bytes.length / bytesPerValue}`,
    );
  }
  return bytes;
}

/** Decodes {@link encodeArray} output of `length` int8 values. */
export function decodeInt8(name: string, text: unknown, length: number): Int8Array {
  const bytes = decodeBytes(name, text, 1, length);
  return Int8Array.from(bytes, (b) => (b << 24) >> 24);
}

/** Decodes {@link encodeArray} output of `length` float32 values. */
export function decodeFloat32Array(name: string, text: unknown, length: number): Float32Array {
  const bytes = decodeBytes(name, text, 4, length);
  const out = new Float32Array(length);
  for (let i = 0; i < length; i++) out[i] = bytes.readFloatLE(4 * i);
  return out;
}

/** Decodes {@link encodeArray} output of `length` float64 values. */
export function decodeFloat64Array(name: string, text: unknown, length: number): Float64Array {
  const bytes = decodeBytes(name, text, 8, length);
  const out = new Float64Array(length);
  for (let i = 0; i < length; i++) out[i] = bytes.readDoubleLE(8 * i);
  return out;
}

/**
 * Checks that saved sampler state belongs to this sampler.
 *
 * @throws RangeError naming the saved and the expected kind and chains.
 */
export function checkResumeMatches(
  saved: { kind: string; chains: number },
  kind: string,
  chains: number,
): void {
  if (saved.kind !== kind || saved.chains !== chains) {
    throw new RangeError(
      `resume state is for ${saved.chains} chains of '${saved.kind}', ` +
        `expected ${chains} of '${kind}'`,
    );
  }
}
