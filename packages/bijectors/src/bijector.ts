import type { Tensor1D, Tensor2D, Variable } from '@neuralrg/tensor';

/**
 * Output of a bijector pass: the transformed batch and, for each row,
 * ln|det J| of that pass.
 */
export interface BijectorResult {
  y: Tensor2D;
  logDet: Tensor1D;
}

/**
 * An invertible map on batches of vectors, [B, dim] -> [B, dim].
 *
 * Direction convention used everywhere in neuralrg: `forward` is the
 * generation direction x = g(z) (latent -> physical) and returns
 * ln|det dx/dz|; `inverse` is the renormalisation direction z = g^-1(x)
 * and returns ln|det dz/dx| = -ln|det dx/dz| at the matching point.
 */
export interface Bijector {
  /** Registry name of the bijector kind. */
  readonly type: string;
  /** Width of the vectors it acts on. */
  readonly dim: number;
  forward(z: Tensor2D): BijectorResult;
  inverse(x: Tensor2D): BijectorResult;
  /** Trainable parameters, in a fixed order (checkpoints rely on it). */
  parameters(): NamedVariable[];
  /** The structure without the weights: what the registry rebuilds it from. */
  spec(): BijectorSpec;
  dispose(): void;
}

/**
 * The structure of a bijector tree, as stored in checkpoints and configs:
 * the registered type, the options its factory takes (plain JSON), and
 * the specs of its children. Weights are stored separately, by parameter
 * name, so a spec stays small and readable.
 */
export interface BijectorSpec {
  type: string;
  options?: Record<string, unknown>;
  children?: BijectorSpec[];
}

/** A trainable tensor with a stable, human-readable path name. */
export interface NamedVariable {
  name: string;
  variable: Variable;
}

/** Checks the width of a batch against a bijector's dim. */
export function checkWidth(owner: string, x: Tensor2D, dim: number): void {
  if (x.rank !== 2 || x.shape[1] !== dim) {
    throw new RangeError(
      `${owner}: expected a batch of shape [B, ${dim}], got [${x.shape.join(', ')}]`,
    );
  }
}

/** Prefixes the parameter names of a child bijector. */
export function prefixed(prefix: string, params: NamedVariable[]): NamedVariable[] {
  return params.map((p) => ({ name: `${prefix}.${p.name}`, variable: p.variable }));
}
