import { Rng, assignValues, decodeFloat32, encodeFloat32 } from '@neuralrg/tensor';
import type { Bijector, BijectorSpec } from './bijector';
import { buildBijector } from './registry';

export const BIJECTOR_FORMAT = 'neuralrg-bijector';
export const BIJECTOR_FORMAT_VERSION = 1;

/**
 * A bijector tree with its weights, as plain JSON:
 * `{ format, version, spec, params: [{ name, shape, data }] }`, where
 * `spec` is the registry structure and each `data` is the base64 of the
 * parameter's little-endian float32 values, in `parameters()` order.
 */
export interface SerializedBijector {
  format: typeof BIJECTOR_FORMAT;
  version: number;
  spec: BijectorSpec;
  params: Array<{ name: string; shape: number[]; data: string }>;
}

/** Structure and weights of a bijector, ready for JSON.stringify. */
export function serializeBijector(bijector: Bijector): SerializedBijector {
  return {
    format: BIJECTOR_FORMAT,
    version: BIJECTOR_FORMAT_VERSION,
    spec: bijector.spec(),
    params: bijector.parameters().map(({ name, variable }) => ({
      name,
      shape: [...variable.shape],
      data: encodeFloat32(variable.dataSync() as Float32Array),
    })),
  };
}

/**
 * Rebuilds a bijector from {@link serializeBijector} output: the registry
 * builds the structure, then every parameter is loaded by name and shape.
 *
 * @throws Error naming an unknown type (a missing plugin) or the first
 *   parameter whose name or shape does not match.
 */
export function deserializeBijector(data: SerializedBijector): Bijector {
  if (data?.format !== BIJECTOR_FORMAT || data.version !== BIJECTOR_FORMAT_VERSION) {
    throw new Error(
      `not a serialized bijector: expected format '${BIJECTOR_FORMAT}' version ${BIJECTOR_FORMAT_VERSION}`,
    );
  }
  const bijector = buildBijector(data.spec, new Rng(1));
  const params = bijector.parameters();
  if (params.length !== data.params.length) {
    bijector.dispose();
    throw new Error(`serialized bijector has ${data.params.length} parameters, its structure has ${params.length}`);
  }
  params.forEach(({ name, variable }, i) => {
    const stored = data.params[i];
    if (stored.name !== name || stored.shape.join() !== variable.shape.join()) {
      bijector.dispose();
      throw new Error(
        `serialized parameter ${i} is '${stored.name}' [${stored.shape}], expected '${name}' [${variable.shape}]`,
      );
    }
    assignValues(variable, decodeFloat32(stored.data, variable.size));
  });
  return bijector;
}
