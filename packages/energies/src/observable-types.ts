import type { Rng } from '@neuralrg/tensor';

/**
 * Per-sample values of a model's observables on a batch of configurations:
 * name -> one Float64Array entry per configuration. The expectation of each
 * one under the target is its mean (or a weighted mean under importance
 * sampling). Names with a distance carry it in brackets: 'correlation[2]'.
 */
export type ObservableSamples = Record<string, Float64Array>;

/**
 * An observable that is a smooth function of the expectations of
 * per-sample observables, e.g. a susceptibility N (<m^2> - <m>^2). An
 * estimator propagates errors through it with the delta method.
 */
export interface DerivedObservable {
  /** Its name, e.g. 'susceptibility'. */
  readonly name: string;
  /** One line: what it is, with the formula. */
  readonly description: string;
  /** Names of the per-sample observables whose expectations it takes. */
  readonly inputs: readonly string[];
  /** Its value from the expectations of `inputs`, in the same order. */
  value(means: readonly number[]): number;
}

/**
 * What a model offers beyond its energy: per-sample observables, derived
 * ones, and exact expectation values where a closed form exists. All
 * optional on {@link EnergyModel}.
 */
export interface ObservableModel {
  /**
   * Observables of each configuration of a batch.
   *
   * @param x - `count` configurations, row-major [count, size].
   * @param rng - for models whose observables draw (e.g. spins decoded from the Ising dual).
   */
  observables?(x: Float32Array | Float64Array, count: number, rng: Rng): ObservableSamples;
  /** Functions of expectations, with their inputs. */
  readonly derivedObservables?: readonly DerivedObservable[];
  /**
   * Exact expectation values, keyed like `observables` and
   * `derivedObservables`, for those that have a closed form.
   */
  exactObservables?(): Record<string, number>;
  /** One-line descriptions of the per-sample observables, by name pattern. */
  readonly observableDescriptions?: Readonly<Record<string, string>>;
}
