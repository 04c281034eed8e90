import { Rng } from '@neuralrg/tensor';
import { DualAveraging } from './dual-averaging';
import type { DualAveragingState } from './dual-averaging';
import type { ObserveFunction } from './dual-observables';
import { potentialAndGradient } from './potential-gradient';
import type { Potential } from './potential-gradient';
import type { ChainStop, Sampler, SamplerState, SamplerStep } from './sampler';
import { decodeFloat32Array, encodeArray, checkResumeMatches } from './state-encoding';
import {
  checkChains,
  checkConfiguration,
  checkInteger,
  checkOpenInterval,
  checkPositive,
} from './validate';

/** Default number of leapfrog steps per trajectory. */
export const DEFAULT_LEAPFROG_STEPS = 10;
/**
 * Default target of the step-size adaptation: 0.65, near the optimum for
 * HMC with many dimensions (A. Beskos et al., Bernoulli 19, 1501 (2013)).
 */
export const DEFAULT_TARGET_ACCEPTANCE = 0.65;
/** Default jitter: each trajectory's step size is eps times a uniform factor in [0.9, 1.1]. */
export const DEFAULT_STEP_JITTER = 0.1;

/** Options of {@link Hmc}. */
export interface HmcOptions {
  /** U(q) per row; the target density is exp(-U). */
  potential: Potential;
  /** Number of variables per chain. */
  dim: number;
  chains: number;
  /** Starting positions, chains x dim, row-major, all with finite U. */
  initial: Float32Array;
  /** Starting leapfrog step size (adapted during warm-up), > 0. */
  stepSize: number;
  /** Leapfrog steps per trajectory; with `trajectoryLength`, the most per trajectory. */
  leapfrogSteps?: number;
  /**
   * When set, each trajectory runs round(trajectoryLength / eps) leapfrog
   * steps (at least 1, at most `leapfrogSteps`), so that its length stays
   * fixed while eps adapts.
   */
  trajectoryLength?: number;
  targetAcceptance?: number;
  /** Relative jitter of the step size per trajectory, in [0, 1). */
  jitter?: number;
  seed?: number;
  /**
   * Maps positions to physical configurations for `samples()` (latent HMC:
   * x = g(z)); identity when absent.
   */
  toPhysical?: (q: Float32Array, rows: number) => Float32Array;
  /** Observables of a batch of positions; default: { potential: U(q) }. */
  observe?: ObserveFunction;
  observableNames?: readonly string[];
  /** 'hmc' for physical HMC, 'latent-hmc' when q are a flow's latent variables. */
  kind?: 'hmc' | 'latent-hmc';
  /** Text for stepUnit and engine; defaults describe plain HMC. */
  engine?: string;
  /** A saved state to continue from; `initial`, `stepSize` and `seed` are then ignored. */
  resume?: SamplerState;
}

/**
 * Hamiltonian Monte Carlo (S. Duane, A. D. Kennedy, B. J. Pendleton and
 * D. Roweth, Phys. Lett. B 195, 216 (1987); R. M. Neal, "MCMC using
 * Hamiltonian dynamics", 2011) on a differentiable potential U, with
 * H(q, p) = U(q) + |p|^2 / 2, unit mass. Each step draws p ~ N(0, 1),
 * runs `leapfrogSteps` leapfrog steps of size eps (jittered; or as many
 * as make up `trajectoryLength`), and
 * accepts the end point with probability min(1, exp(H_0 - H_1)), chain by
 * chain, all chains as one batch through tfjs. During warm-up, eps adapts
 * by dual averaging toward the target mean acceptance.
 *
 * A trajectory that ends at U = +Infinity is rejected. One that ends at a
 * NaN (or -Infinity) potential is, during warm-up, a divergence of the
 * step-size search: rejected and counted (`settings().warmupDivergences`);
 * after warm-up it stops its chain, which is reported in `stopped` and
 * left out of every average.
 */
export class Hmc implements Sampler {
  readonly kind: 'hmc' | 'latent-hmc';
  readonly chains: number;
  readonly observableNames: readonly string[];
  readonly stepUnit: string;
  readonly engine: string;
  private readonly dim: number;
  private readonly potential: Potential;
  private readonly observeBatch: ObserveFunction;
  private readonly toPhysical: ((q: Float32Array, rows: number) => Float32Array) | undefined;
  private readonly rng: Rng;
  private readonly leapfrogSteps: number;
  private readonly trajectoryLength: number | undefined;
  private leapfrogTotal = 0;
  private trajectories = 0;
  private readonly jitter: number;
  private readonly adaptation: DualAveraging;
  private stepSize: number;
  private adapting: boolean;
  private position: Float32Array;
  private values: Float64Array;
  private gradient: Float32Array;
  private readonly live: boolean[];
  private readonly stops: ChainStop[];
  private steps: number;
  private divergences = 0;

  /**
   * @throws RangeError for zero chains, a step size <= 0, a bad
   *   leapfrogSteps, targetAcceptance or jitter, initial positions of the
   *   wrong shape, or a non-finite potential at the start.
   */
  constructor(options: HmcOptions) {
    this.kind = options.kind ?? 'hmc';
    this.chains = checkChains(options.chains);
    this.dim = checkInteger('dim', options.dim, 1);
    this.potential = options.potential;
    this.leapfrogSteps = checkInteger(
      'leapfrogSteps',
      options.leapfrogSteps ?? DEFAULT_LEAPFROG_STEPS,
      1,
    );
    const target = checkOpenInterval(
      'targetAcceptance',
      options.targetAcceptance ?? DEFAULT_TARGET_ACCEPTANCE,
      0,
      1,
    );
    this.jitter = options.jitter ?? DEFAULT_STEP_JITTER;
    if (!(this.jitter >= 0 && this.jitter < 1)) {
      throw new RangeError(`jitter must be a number in [0, 1), got ${options.jitter}`);
    }
    this.observeBatch = options.observe ?? (() => ({ potential: Float64Array.from(this.values) }));
    this.observableNames = options.observableNames ?? ['potential'];
    this.toPhysical = options.toPhysical;
    this.engine = options.engine ?? 'tfjs';
    this.trajectoryLength =
      options.trajectoryLength === undefined
        ? undefined
        : checkPositive('trajectoryLength', options.trajectoryLength);
    this.stepUnit =
      this.trajectoryLength === undefined
        ? `HMC trajectory of ${this.leapfrogSteps} leapfrog steps`
        : `HMC trajectory of length ${this.trajectoryLength.toFixed(3)} ` +
          `(at most ${this.leapfrogSteps} leapfrog steps)`;

    const saved = options.resume;
    if (saved !== undefined) {
      checkResumeMatches(saved, this.kind, this.chains);
      this.rng = new Rng(saved.rng);
      this.position = decodeFloat32Array('position', saved.data.position, this.chains * this.dim);
      this.stepSize = checkPositive('stepSize', saved.data.stepSize);
      this.adapting = saved.data.adapting === true;
      this.adaptation = new DualAveraging(
        this.stepSize,
        target,
        saved.data.adaptation as DualAveragingState,
      );
      this.steps = saved.step;
      this.stops = [...saved.stopped];
      this.divergences = typeof saved.data.divergences === 'number' ? saved.data.divergences : 0;
    } else {
      checkConfiguration('initial', options.initial, this.chains, this.dim, 'variables');
      this.stepSize = checkPositive('stepSize', options.stepSize);
      this.rng = new Rng(checkInteger('seed', options.seed ?? 1, 0));
      this.position = Float32Array.from(options.initial);
      this.adapting = true;
      this.adaptation = new DualAveraging(this.stepSize, target);
      this.steps = 0;
      this.stops = [];
    }
    this.live = Array.from(
      { length: this.chains },
      (_, c) => !this.stops.some((s) => s.chain === c),
    );

    const start = potentialAndGradient(this.potential, this.position, this.chains, this.dim);
    start.values.forEach((value, c) => {
      if (this.live[c] && !Number.isFinite(value)) {
        throw new RangeError(
          `the energy at the start of chain ${c} is ${value}; ` +
            'expected a finite energy (start from a configuration of positive density)',
        );
      }
    });
    this.values = start.values;
    this.gradient = start.gradient;
  }

  get stepsDone(): number {
    return this.steps;
  }

  get stopped(): readonly ChainStop[] {
    return this.stops;
  }

  /** The leapfrog step size in use (the dual-averaged one after warm-up). */
  get currentStepSize(): number {
    return this.stepSize;
  }

  async step(adapt: boolean): Promise<SamplerStep> {
    if (!adapt && this.adapting) {
      this.adapting = false;
      this.stepSize = this.adaptation.finalStepSize;
    }
    const { chains, dim } = this;
    const epsilon = this.stepSize * (1 + this.jitter * (2 * this.rng.uniform() - 1));

    const momentum = this.rng.fillNormal(new Float32Array(chains * dim));
    const startEnergy = this.hamiltonian(this.values, momentum);
    const q = Float32Array.from(this.position);
    const p = momentum;
    let gradient = this.gradient;
    let values = this.values;
    for (let k = 0; k < q.length; k++) p[k] -= 0.5 * epsilon * gradient[k];
    const steps =
      this.trajectoryLength === undefined
        ? this.leapfrogSteps
        : Math.min(this.leapfrogSteps, Math.max(1, Math.round(this.trajectoryLength / epsilon)));
    this.leapfrogTotal += steps;
    this.trajectories += 1;
    for (let l = 1; l <= steps; l++) {
      for (let k = 0; k < q.length; k++) q[k] += epsilon * p[k];
      ({ values, gradient } = potentialAndGradient(this.potential, q, chains, dim));
      const factor = l === steps ? 0.5 : 1;
      for (let k = 0; k < q.length; k++) p[k] -= factor * epsilon * gradient[k];
    }
    const endEnergy = this.hamiltonian(values, p);

    this.steps += 1;
    const acceptance = new Float64Array(chains).fill(NaN);
    const stopped: ChainStop[] = [];
    for (let c = 0; c < chains; c++) {
      if (!this.live[c]) continue;
      if (Number.isNaN(values[c]) || values[c] === -Infinity) {
        if (adapt) {
          // The step-size search overshoots on purpose: a divergence, rejected.
          this.divergences += 1;
          acceptance[c] = 0;
          continue;
        }
        stopped.push({
          chain: c,
          step: this.steps,
          reason: `energy became ${values[c]} at the end of a trajectory (step size ${epsilon})`,
        });
        this.live[c] = false;
        continue;
      }
      const logRatio = startEnergy[c] - endEnergy[c];
      const probability = Number.isNaN(logRatio) ? 0 : Math.min(1, Math.exp(logRatio));
      acceptance[c] = probability;
      if (this.rng.uniform() < probability) {
        this.position.set(q.subarray(c * dim, (c + 1) * dim), c * dim);
        this.gradient.set(gradient.subarray(c * dim, (c + 1) * dim), c * dim);
        this.values[c] = values[c];
      }
    }
    this.stops.push(...stopped);
    if (adapt) this.stepSize = this.adaptation.update(meanOfFinite(acceptance));
    return { step: this.steps, acceptance, observables: this.observeLive(), stopped };
  }

  /** The current positions, chains x dim. */
  positions(): Float32Array {
    return Float32Array.from(this.position);
  }

  samples(): { values: Float32Array; width: number } {
    const values = this.toPhysical?.(this.position, this.chains) ?? Float32Array.from(this.position);
    return { values, width: values.length / this.chains };
  }

  settings(): Record<string, number | string | boolean> {
    return {
      stepSize: this.stepSize,
      adaptedStepSize: this.adaptation.finalStepSize,
      leapfrogSteps: this.leapfrogSteps,
      meanLeapfrogSteps: this.trajectories > 0 ? this.leapfrogTotal / this.trajectories : 0,
      ...(this.trajectoryLength === undefined ? {} : { trajectoryLength: this.trajectoryLength }),
      targetAcceptance: this.adaptation.targetAcceptance,
      jitter: this.jitter,
      adapting: this.adapting,
      warmupDivergences: this.divergences,
    };
  }

  saveState(): SamplerState {
    return {
      kind: this.kind,
      chains: this.chains,
      step: this.steps,
      rng: this.rng.state,
      stopped: [...this.stops],
      data: {
        position: encodeArray(this.position),
        stepSize: this.stepSize,
        adapting: this.adapting,
        adaptation: this.adaptation.saveState(),
        divergences: this.divergences,
      },
    };
  }

  dispose(): void {}

  private hamiltonian(values: Float64Array, momentum: Float32Array): Float64Array {
    const energy = new Float64Array(this.chains);
    for (let c = 0; c < this.chains; c++) {
      let kinetic = 0;
      for (let k = c * this.dim; k < (c + 1) * this.dim; k++) kinetic += momentum[k] * momentum[k];
      energy[c] = values[c] + 0.5 * kinetic;
    }
    return energy;
  }

  private observeLive(): Record<string, Float64Array> {
    const observed = this.observeBatch(this.position, this.chains, this.rng);
    for (const values of Object.values(observed)) {
      this.live.forEach((alive, c) => {
        if (!alive) values[c] = NaN;
      });
    }
    return observed;
  }
}

/** Mean of the finite entries; 0 when there are none. */
function meanOfFinite(values: Float64Array): number {
  let sum = 0;
  let count = 0;
  for (const value of values) {
    if (Number.isFinite(value)) {
      sum += value;
      count += 1;
    }
  }
  return count > 0 ? sum / count : 0;
}
