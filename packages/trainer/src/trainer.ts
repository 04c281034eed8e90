import { Flow, assertFinite, setFiniteChecks } from '@neuralrg/bijectors';
import type { EnergyModel } from '@neuralrg/energies';
import { Rng, assignValues, currentDevice, tf } from '@neuralrg/tensor';
import type { Tensor, Tensor2D, Variable } from '@neuralrg/tensor';
import { Adam, DEFAULT_ADAM } from './adam';
import {
  CHECKPOINT_FORMAT,
  CHECKPOINT_VERSION,
  Checkpoint,
  loadTensor,
  storeTensor,
} from './checkpoint';
import { TrainConfig, learningRateAt, validateConfig } from './config';
import { nllGradients, meanNll } from './forward-kl';
import { globalNorm } from './gradient-clipping';
import { FlowEstimates, estimateWithFlow, evaluationBatch } from './importance';
import { buildFlow, lossGradients } from './objective';
import type { ShardGradients } from './objective';
import { GradientWorkers } from './parallel';
import { pathGradients, syncShadow } from './path-gradient';
import { PlateauDetector } from './plateau';
import type { SampleSet } from './sample-set';
import { loadSampleSet } from './sample-set-loader';
import { allFinite, meanAndStdErr } from './statistics';
import { DEFAULT_HELD_OUT_EVERY } from './training-options';

/** What one optimisation step reports. */
export interface StepMetrics {
  step: number;
  /** F_q estimated on this step's batch. */
  freeEnergy: number;
  freeEnergyStdErr: number;
  /** F_q + ln Z in nats, when the energy has an exact ln Z. */
  klGap?: number;
  /** Wall seconds this step took, its monitoring (F_q, held-out NLL) included. */
  seconds: number;
  /** Global norm of the mean gradient, before clipping. */
  gradNorm?: number;
  /** Forward KL: mean -ln q(x) over this step's data minibatch, with its standard error. */
  nll?: number;
  nllStdErr?: number;
  /** Forward KL: mean -ln q(x) over the held-out rows, on the steps where it is evaluated. */
  heldOutNll?: number;
  heldOutNllStdErr?: number;
  /** Present and true on the step after which early stopping ended the run. */
  stoppedEarly?: boolean;
}

/** What a trainer needs besides its config: the samples of a forward-KL run. */
export interface TrainerInputs {
  /** Training and held-out samples (see loadSampleSet); read from config.data.file when absent. */
  data?: SampleSet;
}

/** Thrown when a step's loss (or gradient) is NaN or infinite; no update was applied. */
export class NonFiniteLossError extends Error {
  constructor(
    readonly step: number,
    what = 'loss',
    /** Where the first non-finite value appeared, when it could be traced. */
    readonly origin?: string,
  ) {
    super(
      `${what} is not finite at step ${step}; parameters were left at the last good step` +
        (origin === undefined ? '' : ` (first non-finite value: ${origin})`),
    );
    this.name = 'NonFiniteLossError';
  }
}

/**
 * Reverse-KL training of a hierarchical flow on a bare energy: minimises
 *   F_q = E_{z ~ p}[ ln q(g(z)) + E(g(z)) ]  >=  -ln Z
 * by Adam, with gradients through the samples (reparametrisation trick).
 * F_q + ln Z = KL(q || pi) is the gap in nats.
 */
export class Trainer {
  readonly flow: Flow;
  private readonly variables: Variable[];
  private readonly names: string[];
  private readonly optimizer: Adam;
  private completed = 0;
  private seconds = 0;
  private workers: GradientWorkers | undefined;
  private readonly data: SampleSet | undefined;
  private readonly shadow: { flow: Flow; variables: Variable[] } | undefined;
  private readonly plateau: PlateauDetector | undefined;
  private stoppedEarly = false;

  /** The generator behind every sample the run draws. */
  readonly rng: Rng;
  /** The run's config; a forward-KL run's data gets the fingerprint of its samples. */
  readonly config: TrainConfig;

  private constructor(
    config: TrainConfig,
    readonly energy: EnergyModel,
    rngState?: number[],
    inputs: TrainerInputs = {},
  ) {
    validateConfig(config);
    if (config.symmetric && !energy.z2Symmetric) {
      throw new RangeError(`symmetric training needs a Z2-symmetric energy, '${energy.name}' is not`);
    }
    // Initial parameters come from the seed; a resumed run then replaces
    // them and continues the sampling stream from its saved state.
    const initRng = new Rng(config.seed);
    this.flow = buildFlow(config, energy, initRng);
    this.rng = rngState === undefined ? initRng : new Rng(rngState);
    const params = this.flow.bijector.parameters();
    this.variables = params.map((p) => p.variable);
    this.names = params.map((p) => p.name);
    this.optimizer = new Adam(this.variables, { ...DEFAULT_ADAM, learningRate: config.learningRate });

    // A forward-KL run reads its samples from config.data.file unless they
    // are handed over (as tests and library users may).
    const data =
      config.mode === 'forward-kl' ? (inputs.data ?? loadSampleSet(config, energy)) : inputs.data;
    if (data !== undefined && data.size !== this.flow.dim) {
      throw new RangeError(`data rows have ${data.size} values, the flow has ${this.flow.dim}`);
    }
    this.data = data;
    this.config =
      config.mode === 'forward-kl' && config.data !== undefined && data !== undefined
        ? { ...config, data: { ...config.data, fingerprint: data.fingerprint } }
        : config;
    if (config.gradientEstimator === 'stl') {
      // A second flow of the same architecture holds a copy of the
      // parameters, through which ln q is evaluated without its score term.
      const flow = buildFlow(config, energy, new Rng(config.seed));
      this.shadow = { flow, variables: flow.bijector.parameters().map((p) => p.variable) };
    }
    if (config.earlyStopping !== undefined) {
      this.plateau = new PlateauDetector(config.earlyStopping);
    }
  }

  /** A new run: parameters drawn from the config's seed. */
  static create(config: TrainConfig, energy: EnergyModel, inputs?: TrainerInputs): Trainer {
    return new Trainer(config, energy, undefined, inputs);
  }

  /**
   * Continues a run from a checkpoint, bit for bit on the same backend,
   * early-stopping count included (a checkpoint from before that count was
   * saved starts it afresh).
   */
  static resume(
    checkpoint: Checkpoint,
    energy: EnergyModel,
    epochs?: number,
    inputs?: TrainerInputs,
  ): Trainer {
    const config = { ...checkpoint.config, epochs: epochs ?? checkpoint.config.epochs };
    const trainer = new Trainer(config, energy, checkpoint.rng, inputs);
    trainer.restore(checkpoint);
    return trainer;
  }

  /** Number of completed steps. */
  get step(): number {
    return this.completed;
  }

  /** Seconds spent in training steps, over all sessions of this run. */
  get trainSeconds(): number {
    return this.seconds;
  }

  /** Whether the configured number of steps is done, or early stopping ended the run. */
  get done(): boolean {
    return this.completed >= this.config.epochs || this.stoppedEarly;
  }

  /** Whether early stopping ended the run on a plateau of the loss. */
  get stopped(): boolean {
    return this.stoppedEarly;
  }

  /**
   * Spreads each step over `threads` threads (this one and threads - 1
   * worker threads, each with its own tensor backend), splitting the batch
   * between them. The energy must be one the registry can rebuild by name.
   */
  async startWorkers(threads: number): Promise<void> {
    if (!Number.isInteger(threads) || threads < 1) {
      throw new RangeError(`threads must be a positive integer, got ${threads}`);
    }
    await this.stopWorkers();
    if (threads === 1) return;
    if (threads > this.config.batch) {
      throw new RangeError(`threads (${threads}) must not exceed the batch (${this.config.batch})`);
    }
    const { name, config } = this.energy;
    this.workers = await GradientWorkers.start(threads - 1, currentDevice().backend, this.config, {
      name,
      ...config,
    });
  }

  /** Ends the worker threads, if any. */
  async stopWorkers(): Promise<void> {
    const workers = this.workers;
    this.workers = undefined;
    await workers?.close();
  }

  /**
   * One step: sample a batch through the flow, form ln q + E per sample,
   * and move the parameters along the gradient of the batch mean.
   *
   * @throws NonFiniteLossError when the loss is NaN or infinite.
   */
  trainStep(): StepMetrics {
    if (this.workers !== undefined) {
      throw new Error('this trainer runs worker threads: call trainStepAsync() instead');
    }
    const started = process.hrtime.bigint();
    const { losses, grads } = this.stepGradients();
    return this.update(losses, grads, started);
  }

  /** Whether steps fit data rows (forward KL) rather than latent draws. */
  private get fitsData(): boolean {
    return this.data !== undefined && this.config.mode === 'forward-kl';
  }

  /**
   * Losses and summed gradients of the configured objective on a share of
   * a step's rows: data rows x in forward KL, latent rows z otherwise.
   */
  private shareGradients(rows: Tensor2D): ShardGradients {
    if (this.fitsData) return nllGradients(this.flow, this.variables, rows);
    if (this.shadow !== undefined) {
      syncShadow(this.variables, this.shadow.variables);
      return pathGradients(this.flow, this.shadow.flow, this.energy, this.variables, rows);
    }
    return lossGradients(this.flow, this.energy, this.variables, rows);
  }

  /** Per-sample losses and summed gradients of one step, by the configured objective. */
  private stepGradients(): ShardGradients {
    const { batch } = this.config;
    if (this.fitsData) {
      const x = tf.tensor2d(this.data!.minibatch(batch, this.rng), [batch, this.flow.dim]);
      try {
        return this.shareGradients(x);
      } finally {
        x.dispose();
      }
    }
    const z = this.flow.prior.sample(batch, this.rng);
    try {
      const out = this.shareGradients(z);
      if (!allFinite(out.losses)) {
        tf.dispose(out.grads);
        throw new NonFiniteLossError(this.completed + 1, 'loss', this.traceNonFinite(z));
      }
      return out;
    } finally {
      z.dispose();
    }
  }

  /**
   * Replays a step's generation with finite-value checks after every layer
   * and names the first layer (or the energy) that produced a NaN or an
   * infinity; undefined when the replay is finite.
   */
  private traceNonFinite(z: Tensor2D): string | undefined {
    setFiniteChecks(true);
    try {
      tf.tidy(() => {
        const { x, logQ } = this.flow.generate(z);
        assertFinite(x, 'flow output');
        assertFinite(logQ, 'ln q');
        assertFinite(this.energy.energy(x), `energy '${this.energy.name}'`);
      });
      return undefined;
    } catch (error) {
      return (error as Error).message;
    } finally {
      setFiniteChecks(false);
    }
  }

  /**
   * Mean -ln q over the held-out rows of a forward-KL run, with its
   * standard error; undefined when no rows are held out.
   */
  heldOutNll(): { mean: number; stdErr: number } | undefined {
    if (this.data === undefined || this.data.heldOutRows === 0) return undefined;
    return meanNll(this.flow, this.data.heldOut, this.data.heldOutRows, this.config.batch);
  }

  /** {@link trainStep}, with the batch split over the worker threads if started. */
  async trainStepAsync(): Promise<StepMetrics> {
    const workers = this.workers;
    if (workers === undefined) return this.trainStep();
    const started = process.hrtime.bigint();
    const { batch } = this.config;
    const dim = this.flow.dim;
    const fitsData = this.fitsData;
    const z = fitsData ? this.data!.minibatch(batch, this.rng) : this.rng.fillNormal(new Float32Array(batch * dim));
    const threads = workers.size + 1;
    const bounds = Array.from({ length: threads + 1 }, (_, i) => Math.round((i * batch) / threads));
    const shares = bounds.slice(1, -1).map((start, i) => ({
      z: z.slice(start * dim, bounds[i + 2] * dim),
      rows: bounds[i + 2] - start,
      data: fitsData,
    }));
    const params = this.variables.map((v) => v.dataSync() as Float32Array);
    const pending = workers.gradients(params, shares);
    const ownRows = tf.tensor2d(z.subarray(0, bounds[1] * dim), [bounds[1], dim]);
    const own = this.shareGradients(ownRows);
    ownRows.dispose();
    const replies = await pending;
    const losses = new Float32Array(batch);
    losses.set(own.losses, 0);
    replies.forEach((reply, i) => losses.set(reply.losses, bounds[i + 1]));
    const grads = own.grads.map((g, j) =>
      tf.tidy(() => tf.addN([g, ...replies.map((r) => tf.tensor(r.grads[j], g.shape))])),
    );
    tf.dispose(own.grads);
    return this.update(losses, grads, started);
  }

  /**
   * Checks the losses and the gradient, clips the mean gradient to the
   * configured global norm, applies Adam and reports.
   */
  private update(losses: Float32Array, sumGrads: Tensor[], started: bigint): StepMetrics {
    if (!allFinite(losses)) {
      tf.dispose(sumGrads);
      throw new NonFiniteLossError(this.completed + 1);
    }
    const meanGrads = sumGrads.map((g) => tf.div(g, losses.length));
    tf.dispose(sumGrads);
    const gradNorm = globalNorm(meanGrads);
    if (!Number.isFinite(gradNorm)) {
      tf.dispose(meanGrads);
      throw new NonFiniteLossError(this.completed + 1, 'gradient');
    }
    const clip = this.config.clipNorm;
    if (clip !== undefined && gradNorm > clip) {
      const clipped = meanGrads.map((g) => tf.mul(g, clip / gradNorm));
      tf.dispose(meanGrads);
      meanGrads.splice(0, meanGrads.length, ...clipped);
    }
    this.optimizer.apply(meanGrads, learningRateAt(this.config, this.completed));
    tf.dispose(meanGrads);
    this.completed += 1;
    const metrics = this.report(losses, gradNorm);
    // The whole step: in forward-KL mode its F_q batch and held-out NLL take a large share.
    metrics.seconds = Number(process.hrtime.bigint() - started) / 1e9;
    this.seconds += metrics.seconds;
    return metrics;
  }

  /** The metrics of the step just taken; decides early stopping. */
  private report(losses: Float32Array, gradNorm: number): StepMetrics {
    const { mean, stdErr } = meanAndStdErr(losses);
    const forward = this.config.mode === 'forward-kl';
    // In forward-KL mode the losses are NLLs; F_q comes from a batch of flow
    // samples, without gradients, so that the gap stays comparable.
    const bound = forward ? this.sampledFreeEnergy() : { mean, stdErr };
    const metrics: StepMetrics = {
      step: this.completed,
      freeEnergy: bound.mean,
      freeEnergyStdErr: bound.stdErr,
      seconds: 0,
      gradNorm,
    };
    if (this.energy.exactLnZ !== undefined) metrics.klGap = bound.mean + this.energy.exactLnZ;
    if (forward) {
      metrics.nll = mean;
      metrics.nllStdErr = stdErr;
    }
    if (this.plateau !== undefined && this.plateau.add(mean)) {
      this.stoppedEarly = true;
      metrics.stoppedEarly = true;
    }
    const every = this.config.data?.evalEvery ?? DEFAULT_HELD_OUT_EVERY;
    if (forward && (this.completed % every === 0 || this.done)) {
      const heldOut = this.heldOutNll();
      if (heldOut !== undefined) {
        metrics.heldOutNll = heldOut.mean;
        metrics.heldOutNllStdErr = heldOut.stdErr;
      }
    }
    return metrics;
  }

  /** F_q on one batch of flow samples, without gradients. */
  private sampledFreeEnergy(): { mean: number; stdErr: number } {
    const values = tf.tidy(() => {
      const { x, logQ } = this.flow.sample(this.config.batch, this.rng);
      return tf.add(logQ, this.energy.energy(x)).dataSync() as Float32Array;
    });
    return meanAndStdErr(values);
  }

  /** Importance-sampling estimates from the current flow. */
  estimate(samples = this.config.evalSamples): FlowEstimates {
    return estimateWithFlow(this.flow, this.energy, samples, evaluationBatch(this.config.batch), this.rng);
  }

  /** The whole state of the run, for an exact resume. */
  checkpoint(): Checkpoint {
    const adam = this.optimizer.state();
    const store = (prefix: string, arrays: Float32Array[]) =>
      arrays.map((a, i) => storeTensor(`${prefix}${this.names[i]}`, this.variables[i].shape, a));
    return {
      format: CHECKPOINT_FORMAT,
      version: CHECKPOINT_VERSION,
      config: this.config,
      step: this.completed,
      rng: this.rng.state,
      trainSeconds: this.seconds,
      params: store('', this.variables.map((v) => v.dataSync() as Float32Array)),
      optimizer: { t: adam.t, m: store('m.', adam.m), v: store('v.', adam.v) },
      ...(this.plateau !== undefined ? { plateau: this.plateau.state() } : {}),
    };
  }

  private restore(checkpoint: Checkpoint): void {
    if (checkpoint.params.length !== this.variables.length) {
      throw new RangeError(
        `checkpoint has ${checkpoint.params.length} parameter tensors, the configured flow has ${this.variables.length}`,
      );
    }
    checkpoint.params.forEach((stored, i) => {
      const variable = this.variables[i];
      if (stored.name !== this.names[i] || stored.shape.join() !== variable.shape.join()) {
        throw new RangeError(
          `checkpoint parameter ${i} is '${stored.name}' [${stored.shape}], expected '${this.names[i]}' [${variable.shape}]`,
        );
      }
      assignValues(variable, loadTensor(stored));
    });
    this.optimizer.restore({
      t: checkpoint.optimizer.t,
      m: checkpoint.optimizer.m.map(loadTensor),
      v: checkpoint.optimizer.v.map(loadTensor),
    });
    this.completed = checkpoint.step;
    this.seconds = checkpoint.trainSeconds ?? 0;
    if (this.plateau !== undefined && checkpoint.plateau !== undefined) this.plateau.restore(checkpoint.plateau);
  }

  /** Releases the tensors and ends the worker threads. */
  dispose(): void {
    void this.stopWorkers();
    this.flow.bijector.dispose();
    this.shadow?.flow.bijector.dispose();
    this.optimizer.dispose();
  }
}
