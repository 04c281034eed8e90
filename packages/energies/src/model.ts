import type { Tensor1D, Tensor2D } from '@neuralrg/tensor';
import type { ObservableModel } from './observable-types';

/**
 * A target density pi(x) = exp(-E(x)) / Z given by its bare energy.
 * Variables come flattened: a batch is a [B, size] tensor, row-major over
 * `shape` (for a lattice, site (i, j) is column i * L + j). Observables and
 * exact expectation values are optional (see {@link ObservableModel}).
 */
export interface EnergyModel extends ObservableModel {
  /** Registry name of the model, e.g. 'ising'. */
  readonly name: string;
  /** Shape of one configuration, e.g. [L, L]. */
  readonly shape: readonly number[];
  /** Number of variables, the product of `shape`. */
  readonly size: number;
  /** Whether E(-x) = E(x), so that Z2 symmetrisation applies. */
  readonly z2Symmetric: boolean;
  /** ln Z of exp(-E(x)) when it is known exactly. */
  readonly exactLnZ?: number;
  /** The parameters that rebuild this model with `createEnergy`. */
  readonly config: Readonly<Record<string, number | string>>;
  /** E(x) for each row of a [B, size] batch; differentiable. */
  energy(x: Tensor2D): Tensor1D;
  /** Releases the tensors the model holds. */
  dispose(): void;
}
