import type { Rng } from '@neuralrg/tensor';
import { metropolisHalfSweep } from './checkerboard-reference';
import { setupIsingLattice } from './ising-lattice-options';
import type { IsingLatticeOptions } from './ising-lattice-options';
import type { KernelRunner } from './kernel-runner';
import { metropolisSiteKernel } from './lattice-kernels';
import type { ChainStop, Sampler, SamplerState, SamplerStep } from './sampler';
import { ISING_OBSERVABLES, batchSpinObservables } from './spin-observables';
import type { SpinArray } from './spin-observables';
import { encodeArray } from './state-encoding';

/**
 * Local single-spin Metropolis on the 2D Ising model (J = 1, periodic
 * L x L, weight exp(-E/T)), checkerboard order: one step is a sweep,
 * first every site with (i + j) even, then every odd one, each flipping
 * with probability min(1, exp(-dE/T)). Many chains run as one batch.
 * Observables: energy per site and |magnetisation| per site.
 *
 * The update runs on the TypeScript reference or, with a kernel engine,
 * on metropolisSiteKernel; both draw the same uniforms from the seeded
 * generator and give the same spins.
 */
export class IsingMetropolis implements Sampler {
  readonly kind = 'metropolis' as const;
  readonly observableNames = ISING_OBSERVABLES;
  readonly stepUnit: string;
  readonly engine: string;
  readonly chains: number;
  readonly stopped: readonly ChainStop[] = [];
  private readonly L: number;
  private readonly T: number;
  private readonly rng: Rng;
  private spins: SpinArray;
  private steps: number;
  private readonly runner: KernelRunner | undefined;
  private readonly boltzmann4: number;
  private readonly boltzmann8: number;

  /**
   * @throws RangeError/TypeError for bad options, see setupIsingLattice.
   */
  constructor(options: IsingLatticeOptions) {
    const setup = setupIsingLattice('metropolis', options);
    this.L = setup.L;
    this.T = setup.T;
    this.chains = setup.chains;
    this.rng = setup.rng;
    this.steps = setup.step;
    this.runner = options.engine?.runner;
    this.engine = options.engine?.name ?? 'typescript';
    this.spins = this.runner === undefined ? setup.spins : Float32Array.from(setup.spins);
    this.stepUnit = `checkerboard sweep of ${setup.size} single-spin updates`;
    // Float32, as the kernels receive them, so that both paths compare alike.
    this.boltzmann4 = Math.fround(Math.exp(-4 / this.T));
    this.boltzmann8 = Math.fround(Math.exp(-8 / this.T));
  }

  get stepsDone(): number {
    return this.steps;
  }

  async step(): Promise<SamplerStep> {
    const size = this.L * this.L;
    const accepted = new Float64Array(this.chains);
    for (const parity of [0, 1]) {
      const uniforms = this.rng.fillUniform(new Float32Array(this.chains * size), 0, 1);
      if (this.runner === undefined) {
        metropolisHalfSweep(
          this.spins,
          uniforms,
          this.L,
          this.chains,
          parity,
          this.boltzmann4,
          this.boltzmann8,
          accepted,
        );
      } else {
        const next = await this.runner.run(metropolisSiteKernel, this.spins.length, [
          this.spins as Float32Array,
          uniforms,
          this.L,
          parity,
          this.boltzmann4,
          this.boltzmann8,
        ]);
        countFlips(this.spins, next, size, accepted);
        this.spins = Float32Array.from(next);
      }
    }
    this.steps += 1;
    for (let b = 0; b < this.chains; b++) accepted[b] /= size;
    return { step: this.steps, acceptance: accepted, observables: this.observe(), stopped: [] };
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
    return { L: this.L, T: this.T, engine: this.engine };
  }

  saveState(): SamplerState {
    return {
      kind: this.kind,
      chains: this.chains,
      step: this.steps,
      rng: this.rng.state,
      stopped: [],
      data: { spins: encodeArray(Int8Array.from(this.spins)) },
    };
  }

  dispose(): void {}

  private observe(): Record<string, Float64Array> {
    return batchSpinObservables(this.spins, this.L, this.chains);
  }
}

/** Adds the number of sites that changed sign, per lattice, into `accepted`. */
function countFlips(
  before: SpinArray,
  after: Float32Array,
  size: number,
  accepted: Float64Array,
): void {
  for (let k = 0; k < after.length; k++) {
    if (after[k] !== before[k]) accepted[Math.floor(k / size)] += 1;
  }
}
