import { Rng } from '@neuralrg/tensor';
import { DualAveraging } from './dual-averaging';
import type { DualAveragingState } from './dual-averaging';
import type { ObserveFunction } from './dual-observables';
import { Metric, MIN_METRIC_WARMUP, metricWindowEnds, metricWindowStart } from './metric';
import type { MetricKind, MetricState } from './metric';
import { potentialAndGradient } from './potential-gradient';
import type { Potential } from './potential-gradient';
import type { ChainStop, Sampler, SamplerState, SamplerStep } from './sampler';
import {
  decodeFloat32Array,
  decodeFloat64Array,
  encodeArray,
  checkResumeMatches,
} from './state-encoding';
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
/**
 * Warm-up steps the step size needs to adapt: a warm-up that ends sooner
 * after a new metric keeps the metric before it, and one shorter than
 * this in all keeps the starting step size.
 */
export const MIN_STEPS_AFTER_METRIC = 15;

/**
 * The largest step reduction of delayed rejection: a second try of a
 * times the leapfrog steps runs as one synchronous batch, and a = 64
 * already makes it cost 64 first tries.
 */
export const MAX_DELAYED_REJECTION = 64;

/** Default jitter: each trajectory's step size is eps times a uniform factor in [0.9, 1.1]. */
export const DEFAULT_STEP_JITTER = 0.1;

/**
 * How warm-up adapts the step size: 'per-chain' gives every chain its own
 * dual averaging on its own acceptance, as independent chains would have;
 * 'shared' adapts one step size on the mean acceptance of all chains.
 */
export type StepSizeAdaptation = 'per-chain' | 'shared';
export const STEP_SIZE_ADAPTATIONS: readonly StepSizeAdaptation[] = ['per-chain', 'shared'];

/** An independence proposal for {@link HmcOptions.globalMoves}. */
export interface GlobalMoves {
  /** Trajectories per global move, a positive integer. */
  every: number;
  /** Draws `rows` proposals, rows x dim. */
  draw: (rng: Rng, rows: number) => Float32Array;
  /** ln r(q) per row, up to a constant. */
  logDensity: (q: Float32Array, rows: number) => Float64Array;
  /** What the proposals are, for stepUnit. */
  description: string;
}

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
  /** Default 'shared'. */
  stepSizeAdaptation?: StepSizeAdaptation;
  /**
   * The metric (see {@link MetricKind}); default 'identity'. 'diagonal'
   * and 'dense' are estimated in warm-up windows laid out by
   * {@link metricWindowEnds} over `warmupSteps`.
   */
  metric?: MetricKind;
  /** The planned warm-up length in steps; needed by a metric other than 'identity'. */
  warmupSteps?: number;
  /**
   * Global moves: after every `every`-th trajectory, each chain also
   * proposes q' drawn from a fixed density r (independent of q) and
   * accepts it with probability min(1, exp(U(q) - U(q') + ln r(q) -
   * ln r(q'))). Latent HMC uses the flow's prior, so that a chain caught
   * where the flow is poor can jump out.
   */
  globalMoves?: GlobalMoves;
  /**
   * Delayed rejection: a rejected trajectory is retried once from the same
   * start and momentum with a step this many times smaller and as many
   * times more leapfrog steps (the same length), accepted by the
   * second-stage ratio of {@link Hmc}. An integer from 2 to
   * {@link MAX_DELAYED_REJECTION}, or 0 (default) for none.
   */
  delayedRejection?: number;
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
 * H(q, p) = U(q) + p^T Sigma p / 2 for a metric Sigma (unit mass by
 * default; {@link Metric} estimates one in warm-up). Each step draws
 * p ~ N(0, Sigma^-1),
 * runs `leapfrogSteps` leapfrog steps of size eps (jittered; or as many
 * as make up `trajectoryLength`), and
 * accepts the end point with probability min(1, exp(H_0 - H_1)), chain by
 * chain, all chains as one batch through tfjs. During warm-up, eps adapts
 * by dual averaging toward the target acceptance: one eps on the mean
 * acceptance of all chains, or with 'per-chain' each chain's eps on its
 * own acceptance, so that a chain that starts in a stiffer region than
 * the others gets a step it can move with. Each eps is fixed after
 * warm-up, which keeps every chain an exact sampler. A warm-up cut
 * shorter than {@link MIN_STEPS_AFTER_METRIC} steps keeps the starting
 * step size, since dual averaging explores far larger ones at first. With
 * `trajectoryLength`, chains whose trajectories need fewer leapfrog steps
 * stop early while the batch finishes the others.
 *
 * With `delayedRejection` a, a rejected trajectory gets a second try from
 * the same (q, p): step eps / a, a times the leapfrog steps, ending at
 * (q2, p2). Both tries are volume-preserving involutions (a leapfrog
 * trajectory with its momentum flipped), and the second is accepted with
 * probability
 *   min(1, exp(H(q, p) - H(q2, p2)) [1 - alpha1(q2, -p2)] / [1 - alpha1(q, p)]),
 * where alpha1(q2, -p2) is the first try's acceptance from the end point
 * (a "ghost" trajectory of eps, run only when the uniform draw could
 * still accept); this keeps detailed balance (L. Tierney and A. Mira,
 * Stat. Med. 18, 2507 (1999); C. Modi, A. Barnett and B. Carpenter,
 * Bayesian Analysis (2024), arXiv:2110.00610). A chain in a region
 * stiffer than the one the step size was tuned in, where every
 * trajectory of eps is rejected and the chain would freeze, then still
 * moves with the shorter steps. Warm-up adapts eps on the first try's
 * acceptance; the acceptance reported is that of either try.
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
  stepUnit: string;
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
  private readonly adaptationMode: StepSizeAdaptation;
  /** One dual averaging per chain ('per-chain'), or one for all ('shared'). */
  private readonly adaptations: DualAveraging[];
  private readonly stepSizes: Float64Array;
  private readonly metric: Metric;
  private readonly warmupSteps: number;
  private readonly windowEnds: number[];
  /** The warm-up step after which the first metric window begins. */
  private readonly windowStart: number;
  /** Warm-up steps since the metric last changed, and each adapter's step size before it did. */
  private sinceMetricUpdate = 0;
  private fallbackStepSizes: Float64Array | null = null;
  /** The step size warm-up started from, kept when warm-up is too short to replace it. */
  private readonly initialStepSize: number;
  private stepSizeKept = false;
  private metricReverted = false;
  private adapting: boolean;
  private position: Float32Array;
  private values: Float64Array;
  private gradient: Float32Array;
  private readonly live: boolean[];
  private readonly stops: ChainStop[];
  private steps: number;
  private divergences = 0;
  private readonly globalMoves: GlobalMoves | undefined;
  private readonly delayedRejection: number;
  /** Delayed rejection after warm-up: second tries, those accepted, ghosts run, batched leapfrog steps, trajectories. */
  private retries = 0;
  private retriesAccepted = 0;
  private ghosts = 0;
  private retryLeapfrogTotal = 0;
  private samplingTrajectories = 0;
  private globalProposals = 0;
  private globalAccepted = 0;

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
    const leapfrogs = `${this.leapfrogSteps} leapfrog step${this.leapfrogSteps === 1 ? '' : 's'}`;
    this.stepUnit =
      this.trajectoryLength === undefined
        ? `HMC trajectory of ${leapfrogs}`
        : `HMC trajectory of length ${this.trajectoryLength.toFixed(3)} (at most ${leapfrogs})`;

    const mode = options.stepSizeAdaptation ?? 'shared';
    if (!STEP_SIZE_ADAPTATIONS.includes(mode)) {
      throw new RangeError(
        `stepSizeAdaptation must be one of ${STEP_SIZE_ADAPTATIONS.join(', ')}, got ${String(mode)}`,
      );
    }
    this.adaptationMode = mode;
    const adapters = mode === 'per-chain' ? this.chains : 1;
    const metricKind = options.metric ?? 'identity';
    // The Metric checks its kind, before the warm-up checks below name it.
    this.metric = new Metric(
      metricKind,
      this.dim,
      options.resume?.data.metric as MetricState | undefined,
    );
    const plannedWarmup =
      options.resume !== undefined && typeof options.resume.data.warmupSteps === 'number'
        ? options.resume.data.warmupSteps
        : options.warmupSteps;
    if (metricKind !== 'identity' && plannedWarmup === undefined) {
      throw new RangeError(
        `metric '${metricKind}' needs warmupSteps, the planned warm-up length, got undefined`,
      );
    }
    this.warmupSteps = checkInteger('warmupSteps', plannedWarmup ?? 0, 0);
    if (metricKind !== 'identity' && this.warmupSteps < MIN_METRIC_WARMUP) {
      throw new RangeError(
        `metric '${metricKind}' needs warmupSteps >= ${MIN_METRIC_WARMUP} to be estimated, ` +
          `got ${this.warmupSteps}; use the 'identity' metric for a shorter warm-up`,
      );
    }
    this.windowEnds = metricKind === 'identity' ? [] : metricWindowEnds(this.warmupSteps);
    this.windowStart = metricKind === 'identity' ? 0 : metricWindowStart(this.warmupSteps);

    this.delayedRejection = options.delayedRejection ?? 0;
    if (
      !(
        this.delayedRejection === 0 ||
        (Number.isInteger(this.delayedRejection) &&
          this.delayedRejection >= 2 &&
          this.delayedRejection <= MAX_DELAYED_REJECTION)
      )
    ) {
      throw new RangeError(
        `delayedRejection must be 0 (off) or an integer from 2 to ${MAX_DELAYED_REJECTION}, ` +
          `the step-size reduction of the second try, got ${options.delayedRejection}`,
      );
    }
    if (this.delayedRejection > 0) {
      this.stepUnit += `, a rejected one retried with a step ${this.delayedRejection} times smaller`;
    }

    this.globalMoves = options.globalMoves;
    if (this.globalMoves !== undefined) {
      checkInteger('globalMoves.every', this.globalMoves.every, 1);
      this.stepUnit +=
        this.globalMoves.every === 1
          ? `, then ${this.globalMoves.description}`
          : `, and after every ${this.globalMoves.every} trajectories ${this.globalMoves.description}`;
    }

    const saved = options.resume;
    if (saved !== undefined) {
      checkResumeMatches(saved, this.kind, this.chains);
      this.rng = new Rng(saved.rng);
      this.position = decodeFloat32Array('position', saved.data.position, this.chains * this.dim);
      // States saved before per-chain adaptation hold one stepSize and one adaptation.
      this.stepSizes =
        typeof saved.data.stepSize === 'number'
          ? new Float64Array(this.chains).fill(checkPositive('stepSize', saved.data.stepSize))
          : decodeFloat64Array('stepSizes', saved.data.stepSizes, this.chains);
      this.stepSizes.forEach((eps) => checkPositive('stepSizes', eps));
      this.initialStepSize =
        typeof saved.data.initialStepSize === 'number'
          ? checkPositive('initialStepSize', saved.data.initialStepSize)
          : this.stepSizes[0];
      this.stepSizeKept = saved.data.stepSizeKept === true;
      this.adapting = saved.data.adapting === true;
      const states = (
        Array.isArray(saved.data.adaptations) ? saved.data.adaptations : [saved.data.adaptation]
      ) as DualAveragingState[];
      if (states.length !== 1 && states.length !== adapters) {
        throw new RangeError(
          `resume state holds ${states.length} step-size adaptations, expected ` +
            (adapters === 1 ? "1 for 'shared' step sizes" : `1 or ${adapters}, one per chain`),
        );
      }
      this.adaptations = Array.from(
        { length: adapters },
        (_, a) =>
          new DualAveraging(this.stepSizes[a], target, states[states.length === 1 ? 0 : a]),
      );
      this.steps = saved.step;
      this.stops = [...saved.stopped];
      this.divergences = typeof saved.data.divergences === 'number' ? saved.data.divergences : 0;
      // Older states: every step so far was adaptation with one metric.
      this.sinceMetricUpdate = Number(saved.data.sinceMetricUpdate ?? saved.step);
      this.metricReverted = saved.data.metricReverted === true;
      if (typeof saved.data.fallbackStepSizes === 'string') {
        this.fallbackStepSizes = decodeFloat64Array(
          'fallbackStepSizes',
          saved.data.fallbackStepSizes,
          adapters,
        );
      }
      this.globalProposals = Number(saved.data.globalProposals ?? 0);
      this.globalAccepted = Number(saved.data.globalAccepted ?? 0);
      this.leapfrogTotal = Number(saved.data.leapfrogTotal ?? 0);
      this.trajectories = Number(saved.data.trajectories ?? 0);
      this.retryLeapfrogTotal = Number(saved.data.retryLeapfrogTotal ?? 0);
      this.samplingTrajectories = Number(saved.data.samplingTrajectories ?? 0);
      this.retries = Number(saved.data.retries ?? 0);
      this.retriesAccepted = Number(saved.data.retriesAccepted ?? 0);
      this.ghosts = Number(saved.data.ghosts ?? 0);
    } else {
      checkConfiguration('initial', options.initial, this.chains, this.dim, 'variables');
      const stepSize = checkPositive('stepSize', options.stepSize);
      this.initialStepSize = stepSize;
      this.stepSizes = new Float64Array(this.chains).fill(stepSize);
      this.rng = new Rng(checkInteger('seed', options.seed ?? 1, 0));
      this.position = Float32Array.from(options.initial);
      this.adapting = true;
      this.adaptations = Array.from(
        { length: adapters },
        () => new DualAveraging(stepSize, target),
      );
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

  /** The median over live chains of the step size in use (the dual-averaged one after warm-up). */
  get currentStepSize(): number {
    return median(this.liveStepSizes());
  }

  /** Each chain's step size in use. */
  get chainStepSizes(): Float64Array {
    return Float64Array.from(this.stepSizes);
  }

  async step(adapt: boolean): Promise<SamplerStep> {
    if (!adapt && this.adapting) this.endWarmup();
    const { chains, dim } = this;
    const epsilon = new Float64Array(chains);
    const steps = new Int32Array(chains);
    // One jitter for all chains when they share a step size, as before per-chain step sizes.
    const shared = this.adaptationMode === 'shared' ? this.rng.uniform() : 0;
    for (let c = 0; c < chains; c++) {
      const u = this.adaptationMode === 'shared' ? shared : this.rng.uniform();
      epsilon[c] = this.stepSizes[c] * (1 + this.jitter * (2 * u - 1));
      steps[c] =
        this.trajectoryLength === undefined
          ? this.leapfrogSteps
          : Math.min(
              this.leapfrogSteps,
              Math.max(1, Math.round(this.trajectoryLength / epsilon[c])),
            );
      this.leapfrogTotal += steps[c];
    }
    this.trajectories += 1;
    if (!adapt) this.samplingTrajectories += 1;

    const momentum = this.rng.fillNormal(new Float32Array(chains * dim));
    const startEnergy = this.hamiltonian(this.values, momentum);
    const first = this.trajectory(
      this.position,
      momentum,
      this.gradient,
      this.values,
      epsilon,
      steps,
    );
    const endEnergy = this.hamiltonian(first.values, first.p);

    this.steps += 1;
    const acceptance = new Float64Array(chains).fill(NaN);
    const firstAcceptance = new Float64Array(chains).fill(NaN);
    const stopped: ChainStop[] = [];
    const retry: number[] = [];
    for (let c = 0; c < chains; c++) {
      if (!this.live[c]) continue;
      if (this.diverged(first.values[c], c, epsilon[c], adapt, stopped)) {
        if (this.live[c]) acceptance[c] = firstAcceptance[c] = 0;
        continue;
      }
      const logRatio = startEnergy[c] - endEnergy[c];
      const probability = Number.isNaN(logRatio) ? 0 : Math.min(1, Math.exp(logRatio));
      acceptance[c] = firstAcceptance[c] = probability;
      if (this.rng.uniform() < probability) {
        this.accept(c, first, c);
      } else if (this.delayedRejection > 0) {
        retry.push(c);
      }
    }
    if (retry.length > 0) {
      const tried = { momentum, startEnergy, acceptance: firstAcceptance, epsilon, steps };
      const moved = this.retry(retry, tried, adapt, stopped);
      retry.forEach((c, i) => {
        // alpha1 + (1 - alpha1) 1[second try accepted]: unbiased for the chance to move.
        acceptance[c] = this.live[c]
          ? firstAcceptance[c] + (1 - firstAcceptance[c]) * moved[i]
          : NaN;
      });
    }
    this.stops.push(...stopped);
    if (adapt) this.adapt(firstAcceptance);
    if (this.globalMoves !== undefined && this.steps % this.globalMoves.every === 0) {
      this.globalMove(this.globalMoves);
    }
    if (adapt) this.adaptMetric();
    return { step: this.steps, acceptance, observables: this.observeLive(), stopped };
  }

  /**
   * Leapfrog trajectories of `rows` chains from (q, p) with their own step
   * sizes and step counts, all as one batch; the inputs are not changed.
   * A chain whose trajectory has ended keeps its q, so its U and gradient
   * stay put while the batch finishes the others.
   */
  private trajectory(
    start: Float32Array,
    momentum: Float32Array,
    startGradient: Float32Array,
    startValues: Float64Array,
    epsilon: Float64Array,
    steps: Int32Array,
  ): Trajectory {
    const { dim } = this;
    const rows = startValues.length;
    const q = Float32Array.from(start);
    const p = Float32Array.from(momentum);
    let gradient = startGradient;
    let values = startValues;
    let force = this.metric.force(gradient, rows);
    const kick = (factor: (c: number) => number) => {
      for (let c = 0; c < rows; c++) {
        const f = factor(c) * epsilon[c];
        if (f === 0) continue;
        for (let k = c * dim; k < (c + 1) * dim; k++) p[k] -= f * force[k];
      }
    };
    kick(() => 0.5);
    const longest = Math.max(...steps);
    for (let l = 1; l <= longest; l++) {
      const velocity = this.metric.velocity(p, rows);
      for (let c = 0; c < rows; c++) {
        if (l > steps[c]) continue;
        for (let k = c * dim; k < (c + 1) * dim; k++) q[k] += epsilon[c] * velocity[k];
      }
      ({ values, gradient } = potentialAndGradient(this.potential, q, rows, dim));
      force = this.metric.force(gradient, rows);
      kick((c) => (l < steps[c] ? 1 : l === steps[c] ? 0.5 : 0));
    }
    return { q, p, values, gradient };
  }

  /**
   * Whether a trajectory of chain c ended at a NaN or -Infinity potential:
   * in warm-up a divergence of the step-size search (counted, rejected),
   * afterwards the end of the chain (added to `stopped`).
   */
  private diverged(
    value: number,
    c: number,
    epsilon: number,
    adapt: boolean,
    stopped: ChainStop[],
  ): boolean {
    if (!(Number.isNaN(value) || value === -Infinity)) return false;
    if (adapt) {
      // The step-size search overshoots on purpose: a divergence, rejected.
      this.divergences += 1;
      return true;
    }
    stopped.push({
      chain: c,
      step: this.steps,
      reason: `energy became ${value} at the end of a trajectory (step size ${epsilon})`,
    });
    this.live[c] = false;
    return true;
  }

  /** Moves chain c to row `row` of a batch of new positions (a trajectory's end, a global move). */
  private accept(c: number, end: Omit<Trajectory, 'p'>, row: number): void {
    const { dim } = this;
    this.position.set(end.q.subarray(row * dim, (row + 1) * dim), c * dim);
    this.gradient.set(end.gradient.subarray(row * dim, (row + 1) * dim), c * dim);
    this.values[c] = end.values[row];
  }

  /**
   * The second try of delayed rejection for the chains in `retry`, whose
   * first trajectories were rejected: a trajectory of eps / a and a times
   * the steps from the same (q, p), then, only for chains whose uniform
   * draw is below the bound pi(y2) / (pi(x) [1 - alpha1(x)]), the ghost
   * trajectory of the first try from (q2, -p2). Returns 1 for each chain
   * that moved, 0 otherwise.
   */
  private retry(
    retry: number[],
    first: {
      momentum: Float32Array;
      startEnergy: Float64Array;
      acceptance: Float64Array;
      epsilon: Float64Array;
      steps: Int32Array;
    },
    adapt: boolean,
    stopped: ChainStop[],
  ): number[] {
    const { dim } = this;
    const a = this.delayedRejection;
    const gather = (source: Float32Array, rows: number[]) => {
      const out = new Float32Array(rows.length * dim);
      rows.forEach((c, i) => out.set(source.subarray(c * dim, (c + 1) * dim), i * dim));
      return out;
    };
    const epsilon = Float64Array.from(retry, (c) => first.epsilon[c] / a);
    const steps = Int32Array.from(retry, (c) => first.steps[c] * a);
    const second = this.trajectory(
      gather(this.position, retry),
      gather(first.momentum, retry),
      gather(this.gradient, retry),
      Float64Array.from(retry, (c) => this.values[c]),
      epsilon,
      steps,
    );
    const secondEnergy = this.hamiltonian(second.values, second.p);
    // Statistics of the sampling phase; the batch runs its longest trajectory.
    const count = adapt ? 0 : 1;
    this.retries += count * retry.length;
    this.retryLeapfrogTotal += count * Math.max(...steps);

    const moved = retry.map(() => 0);
    const candidates: number[] = [];
    const logBound = new Float64Array(retry.length);
    const logU = new Float64Array(retry.length);
    retry.forEach((c, i) => {
      if (this.diverged(second.values[i], c, epsilon[i], adapt, stopped)) return;
      logBound[i] =
        first.startEnergy[c] - secondEnergy[i] - Math.log1p(-first.acceptance[c]);
      logU[i] = Math.log(this.rng.uniform());
      // The ghost factor 1 - alpha1(y2) is at most 1: no ghost can make this draw accept.
      if (logU[i] < logBound[i]) candidates.push(i);
    });
    if (candidates.length === 0) return moved;

    const ghostStart = gather(second.q, candidates);
    const ghostMomentum = gather(second.p, candidates).map((v) => -v);
    const ghostSteps = Int32Array.from(candidates, (i) => first.steps[retry[i]]);
    const ghost = this.trajectory(
      ghostStart,
      ghostMomentum,
      gather(second.gradient, candidates),
      Float64Array.from(candidates, (i) => second.values[i]),
      Float64Array.from(candidates, (i) => first.epsilon[retry[i]]),
      ghostSteps,
    );
    const ghostEnergy = this.hamiltonian(ghost.values, ghost.p);
    this.ghosts += count * candidates.length;
    this.retryLeapfrogTotal += count * Math.max(...ghostSteps);
    candidates.forEach((i, j) => {
      const value = ghost.values[j];
      const logRatio = secondEnergy[i] - ghostEnergy[j];
      // A ghost that diverges is a rejected first try, as in warm-up.
      const ghostAcceptance =
        Number.isNaN(value) || value === -Infinity || Number.isNaN(logRatio)
          ? 0
          : Math.min(1, Math.exp(logRatio));
      if (ghostAcceptance < 1 && logU[i] < logBound[i] + Math.log1p(-ghostAcceptance)) {
        this.accept(retry[i], second, i);
        this.retriesAccepted += count;
        moved[i] = 1;
      }
    });
    return moved;
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
    const live = this.liveStepSizes();
    const adapted = this.adaptations.map((a) => a.finalStepSize);
    return {
      stepSizeAdaptation: this.adaptationMode,
      stepSize: median(live),
      ...(this.adaptationMode === 'per-chain'
        ? { stepSizeMin: Math.min(...live), stepSizeMax: Math.max(...live) }
        : {}),
      adaptedStepSize: median(adapted),
      leapfrogSteps: this.leapfrogSteps,
      meanLeapfrogSteps:
        this.trajectories > 0 ? this.leapfrogTotal / (this.trajectories * this.chains) : 0,
      ...(this.trajectoryLength === undefined ? {} : { trajectoryLength: this.trajectoryLength }),
      metric: this.metric.kind,
      metricInUse: this.metric.inUse,
      metricUpdates: this.metric.updates,
      ...(this.metricReverted ? { metricReverted: true } : {}),
      ...(this.stepSizeKept ? { stepSizeKept: true } : {}),
      ...(this.warmupSteps > 0 ? { warmupPlanned: this.warmupSteps } : {}),
      targetAcceptance: this.adaptations[0].targetAcceptance,
      jitter: this.jitter,
      adapting: this.adapting,
      warmupDivergences: this.divergences,
      ...(this.delayedRejection === 0
        ? {}
        : {
            delayedRejection: this.delayedRejection,
            retries: this.retries,
            ...(this.retries > 0
              ? {
                  retryAcceptance: this.retriesAccepted / this.retries,
                  ghostFraction: this.ghosts / this.retries,
                }
              : {}),
            ...(this.samplingTrajectories > 0
              ? { meanRetryLeapfrogSteps: this.retryLeapfrogTotal / this.samplingTrajectories }
              : {}),
          }),
      ...(this.globalMoves === undefined
        ? {}
        : {
            globalEvery: this.globalMoves.every,
            globalProposals: this.globalProposals,
            ...(this.globalProposals > 0
              ? { globalAcceptance: this.globalAccepted / this.globalProposals }
              : {}),
          }),
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
        stepSizes: encodeArray(this.stepSizes),
        adapting: this.adapting,
        adaptations: this.adaptations.map((a) => a.saveState()),
        metric: this.metric.saveState(),
        warmupSteps: this.warmupSteps,
        sinceMetricUpdate: this.sinceMetricUpdate,
        ...(this.fallbackStepSizes === null
          ? {}
          : { fallbackStepSizes: encodeArray(this.fallbackStepSizes) }),
        metricReverted: this.metricReverted,
        initialStepSize: this.initialStepSize,
        stepSizeKept: this.stepSizeKept,
        divergences: this.divergences,
        globalProposals: this.globalProposals,
        globalAccepted: this.globalAccepted,
        leapfrogTotal: this.leapfrogTotal,
        trajectories: this.trajectories,
        ...(this.delayedRejection > 0
          ? {
              retries: this.retries,
              retriesAccepted: this.retriesAccepted,
              ghosts: this.ghosts,
              retryLeapfrogTotal: this.retryLeapfrogTotal,
              samplingTrajectories: this.samplingTrajectories,
            }
          : {}),
      },
    };
  }

  dispose(): void {}

  /**
   * One independence proposal per live chain. Rejected when U(q') is not
   * finite; never stops a chain, since the proposal, not the chain, is at fault.
   */
  private globalMove(moves: GlobalMoves): void {
    const { chains, dim } = this;
    const proposal = moves.draw(this.rng, chains);
    const proposed = potentialAndGradient(this.potential, proposal, chains, dim);
    const current = moves.logDensity(this.position, chains);
    const fresh = moves.logDensity(proposal, chains);
    for (let c = 0; c < chains; c++) {
      if (!this.live[c]) continue;
      this.globalProposals += 1;
      const value = proposed.values[c];
      const logRatio = this.values[c] - value + current[c] - fresh[c];
      if (!Number.isFinite(value) || !(Math.log(this.rng.uniform()) < logRatio)) continue;
      this.globalAccepted += 1;
      this.accept(c, { q: proposal, ...proposed }, c);
    }
  }

  private adapterOf(chain: number): DualAveraging {
    return this.adaptations[this.adaptationMode === 'per-chain' ? chain : 0];
  }

  /** One warm-up update: each chain on its own acceptance, or one on their mean. */
  private adapt(acceptance: Float64Array): void {
    this.sinceMetricUpdate += 1;
    if (this.adaptationMode === 'shared') {
      this.stepSizes.fill(this.adaptations[0].update(meanOfFinite(acceptance)));
      return;
    }
    for (let c = 0; c < this.chains; c++) {
      if (this.live[c] && Number.isFinite(acceptance[c])) {
        this.stepSizes[c] = this.adaptations[c].update(acceptance[c]);
      }
    }
  }

  /**
   * Feeds the metric's window with the positions after a warm-up step, and
   * at a window's end re-estimates it and restarts the step-size
   * adaptation from the current step sizes, since the step a new metric
   * allows differs from the old one's.
   */
  private adaptMetric(): void {
    if (this.windowEnds.length === 0) return;
    const step = this.steps;
    if (step <= this.windowStart || step > this.windowEnds[this.windowEnds.length - 1]) return;
    this.metric.accumulate(this.position, this.live);
    if (!this.windowEnds.includes(step) || !this.metric.endWindow()) return;
    const target = this.adaptations[0].targetAcceptance;
    this.fallbackStepSizes = Float64Array.from(this.adaptations, (a) => a.finalStepSize);
    this.sinceMetricUpdate = 0;
    for (let a = 0; a < this.adaptations.length; a++) {
      this.adaptations[a] = new DualAveraging(this.stepSizes[a], target);
    }
  }

  /**
   * Fixes each chain's step size for sampling: the dual-averaged one. A
   * warm-up cut short (by a time budget) soon after a new metric leaves
   * too few steps to adapt to it; then the previous metric and its step
   * sizes are kept instead (`metricReverted` in the settings).
   */
  private endWarmup(): void {
    this.adapting = false;
    if (
      this.metric.updates > 0 &&
      this.sinceMetricUpdate < MIN_STEPS_AFTER_METRIC &&
      this.fallbackStepSizes !== null
    ) {
      this.metric.revert();
      this.metricReverted = true;
      const fallback = this.fallbackStepSizes;
      for (let c = 0; c < this.chains; c++) {
        this.stepSizes[c] = fallback[this.adaptationMode === 'per-chain' ? c : 0];
      }
      return;
    }
    if (this.sinceMetricUpdate > 0 && this.sinceMetricUpdate < MIN_STEPS_AFTER_METRIC) {
      this.stepSizes.fill(this.initialStepSize);
      this.stepSizeKept = true;
      return;
    }
    for (let c = 0; c < this.chains; c++) this.stepSizes[c] = this.adapterOf(c).finalStepSize;
  }

  private liveStepSizes(): number[] {
    const live = Array.from(this.stepSizes).filter((_, c) => this.live[c]);
    return live.length > 0 ? live : Array.from(this.stepSizes);
  }

  private hamiltonian(values: Float64Array, momentum: Float32Array): Float64Array {
    const energy = new Float64Array(values.length);
    for (let c = 0; c < values.length; c++) {
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

/** The end of a batch of leapfrog trajectories. */
interface Trajectory {
  q: Float32Array;
  p: Float32Array;
  values: Float64Array;
  gradient: Float32Array;
}

/** The median of a non-empty list. */
function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
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
