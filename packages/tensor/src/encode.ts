/** Base64 of the little-endian bytes of a Float32Array (checkpoints). */
export function encodeFloat32(values: Float32Array): string {
  return Buffer.from(values.buffer, values.byteOffset, values.byteLength).toString('base64');
}

/**
 * Inverse of {@link encodeFloat32}.
 *
 * @throws RangeError when the text does not decode to `expectedLength` floats.
 */
export function decodeFloat32(text: string, expectedLength?: number): Float32Array {
  const bytes = Buffer.from(text, 'base64');
  if (bytes.length % 4 !== 0) {
    throw new RangeError(`encoded float32 data has ${bytes.length} bytes, not a multiple of 4`);
  }
  const out = new Float32Array(bytes.length / 4);
  new Uint8Array(out.buffer).set(bytes);
  if (expectedLength !== undefined && out.length !== expectedLength) {
    throw new RangeError(`expected ${expectedLength} encoded floats, got ${out.length}`);
  }
  return out;
}
