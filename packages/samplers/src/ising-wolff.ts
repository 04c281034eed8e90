import type { Rng } from '@neuralrg/tensor';
import { setupIsingLattice } from './ising-lattice-options';
import type { IsingLatticeOptions } from './ising-lattice-options';
import type { KernelRunner } from './kernel-runner';
import type { ChainStop, Sampler, SamplerState, SamplerStep } from './sampler';
import { ISING_OBSERVABLES, batchSpinObservables } from './spin-observables';
import type { SpinArray } from './spin-observables';
import { encodeArray } from './state-encoding';
import { wolffKernelUpdate } from './wolff-kernel-update';
import { wolffUpdate } from './wolff-reference';

/**
 * The Wolff single-cluster algorithm (U. Wolff, PRL 62, 361 (1989)) on the
 * 2D Ising model (J = 1, periodic L x L, weight exp(-E/T)): one step
 * grows one cluster from a uniform seed, adding aligned neighbours with
 * probability 1 - exp(-2/T), and flips it. Rejection-free (acceptance 1).
 * Observables: energy per site and |magnetisation| per site. `settings()`
 * reports the mean cluster size as a fraction of L*L, which converts
 * tau_int per cluster flip into sweeps.
 *
 * Runs the stack-based TypeScript reference, or with a kernel engine the
 * bond/label kernels of wolffKernelUpdate (same law, different draws).
 */
export class IsingWolff implements Sampler {
  readonly kind = 'wolff' as const;
  readonly observableNames = ISING_OBSERVABLES;
  readonly stepUnit = 'single-cluster flip';
  readonly engine: string;
  readonly chains: number;
  readonly stopped: readonly ChainStop[] = [];
  private readonly L: number;
  private readonly T: number;
  private readonly rng: Rng;
  private spins: SpinArray;
  private steps: number;
  private readonly runner: KernelRunner | undefined;
  private readonly addProbability: number;
  private readonly stack: Int32Array;
  private clusterSum = 0;
  private clusterCount = 0;

  /**
   * @throws RangeError/TypeError for bad options, see setupIsingLattice.
   */
  constructor(options: IsingLatticeOptions) {
    const setup = setupIsingLattice('wolff', options);
    this.L = setup.L;
    this.T = setup.T;
    this.chains = setup.chains;
    this.rng = setup.rng;
    this.steps = setup.step;
    this.runner = options.engine?.runner;
    this.engine = options.engine?.name ?? 'typescript';
    this.spins = this.runner === undefined ? setup.spins : Float32Array.from(setup.spins);
    this.addProbability = -Math.expm1(-2 / this.T);
    this.stack = new Int32Array(setup.size);
    const saved = options.resume?.data;
    if (
      saved !== undefined &&
      typeof saved.clusterSum === 'number' &&
      typeof saved.clusterCount === 'number'
    ) {
      this.clusterSum = saved.clusterSum;
      this.clusterCount = saved.clusterCount;
    }
  }

  get stepsDone(): number {
    return this.steps;
  }

  async step(): Promise<SamplerStep> {
    let clusterSizes: Float64Array;
    if (this.runner === undefined) {
      clusterSizes = new Float64Array(this.chains);
      for (let b = 0; b < this.chains; b++) {
        clusterSizes[b] = wolffUpdate(
          this.spins,
          this.L,
          b,
          this.addProbability,
          this.rng,
          this.stack,
        );
      }
    } else {
      const next = await wolffKernelUpdate(
        this.runner,
        this.spins as Float32Array,
        this.L,
        this.chains,
        this.addProbability,
        this.rng,
      );
      this.spins = next.spins;
      clusterSizes = next.clusterSizes;
    }
    this.steps += 1;
    for (const size of clusterSizes) this.clusterSum += size;
    this.clusterCount += this.chains;
    return {
      step: this.steps,
      acceptance: new Float64Array(this.chains).fill(1),
      observables: this.observe(),
      stopped: [],
    };
  }

  /** The current spins of chain b, as +1/-1. */
  configuration(b: number): Int8Array {
    const size = this.L * this.L;
    return Int8Array.from(this.spins.subarray(b * size, (b + 1) * size));
  }

  samples(): { values: Float32Array; width: number } {
    return { values: Float32Array.from(this.spins), width: this.L * this.L };
  }

  settings(): Record<string, number | string | boolean> {
    const mean = this.clusterCount > 0 ? this.clusterSum / this.clusterCount : NaN;
    return {
      L: this.L,
      T: this.T,
      engine: this.engine,
      meanClusterFraction: mean / (this.L * this.L),
    };
  }

  saveState(): SamplerState {
    return {
      kind: this.kind,
      chains: this.chains,
      step: this.steps,
      rng: this.rng.state,
      stopped: [],
      data: {
        spins: encodeArray(Int8Array.from(this.spins)),
        clusterSum: this.clusterSum,
        clusterCount: this.clusterCount,
      },
    };
  }

  dispose(): void {}

  private observe(): Record<string, Float64Array> {
    return batchSpinObservables(this.spins, this.L, this.chains);
  }
}
