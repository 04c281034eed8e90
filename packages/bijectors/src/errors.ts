/**
 * An error raised inside a bijector tree, with the path of layers that
 * led to it, e.g. `layer 3 (blockwise) > layer 1 (affine-coupling)`.
 */
export class BijectorError extends Error {
  constructor(
    readonly path: string[],
    readonly reason: string,
  ) {
    super(`${path.join(' > ')}: ${reason}`);
    this.name = 'BijectorError';
  }
}

/**
 * Runs `pass` for child `index` of a composite and, if it throws, rethrows
 * with that child added to the front of the layer path.
 */
export function inLayer<T>(index: number, type: string, pass: () => T): T {
  try {
    return pass();
  } catch (error) {
    const step = `layer ${index} (${type})`;
    if (error instanceof BijectorError) throw new BijectorError([step, ...error.path], error.reason);
    throw new BijectorError([step], (error as Error).message ?? String(error));
  }
}
