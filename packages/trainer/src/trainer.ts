import { Flow } from '@neuralrg/bijectors';
import type { EnergyModel } from '@neuralrg/energies';
import { Rng, assignValues, currentDevice, tf } from '@neuralrg/tensor';
import type { Tensor, Variable } from '@neuralrg/tensor';
import { Adam, DEFAULT_ADAM } from './adam';
import {
  CHECKPOINT_FORMAT,
  CHECKPOINT_VERSION,
  Checkpoint,
  loadTensor,
  storeTensor,
} from './checkpoint';
import { TrainConfig, learningRateAt, validateConfig } from './config';
import { FlowEstimates, estimateWithFlow } from './importance';
import { buildFlow, lossGradients } from './objective';
import { GradientWorkers } from './parallel';
import { allFinite, meanAndStdErr } from './statistics';

/** What one optimisation step reports. */
export interface StepMetrics {
  step: number;
  /** F_q estimated on this step's batch. */
  freeEnergy: number;
  freeEnergyStdErr: number;
  /** F_q + ln Z in nats, when the energy has an exact ln Z. */
  klGap?: number;
  /** Seconds this step took. */
  seconds: number;
}

/** Thrown when a step's loss is NaN or infinite; no update was applied. */
export class NonFiniteLossError extends Error {
  constructor(readonly step: number) {
    super(`loss is not finite at step ${step}; parameters were left at the last good step`);
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

  /** The generator behind every sample the run draws. */
  readonly rng: Rng;

  private constructor(
    readonly config: TrainConfig,
    readonly energy: EnergyModel,
    rngState?: number[],
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
  }

  /** A new run: parameters drawn from the config's seed. */
  static create(config: TrainConfig, energy: EnergyModel): Trainer {
    return new Trainer(config, energy);
  }

  /** Continues a run from a checkpoint, bit for bit on the same backend. */
  static resume(checkpoint: Checkpoint, energy: EnergyModel, epochs?: number): Trainer {
    const config = { ...checkpoint.config, epochs: epochs ?? checkpoint.config.epochs };
    const trainer = new Trainer(config, energy, checkpoint.rng);
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

  /** Whether the configured number of steps is done. */
  get done(): boolean {
    return this.completed >= this.config.epochs;
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
    const z = this.flow.prior.sample(this.config.batch, this.rng);
    const { losses, grads } = lossGradients(this.flow, this.energy, this.variables, z);
    z.dispose();
    return this.update(losses, grads, started);
  }

  /** {@link trainStep}, with the batch split over the worker threads if started. */
  async trainStepAsync(): Promise<StepMetrics> {
    const workers = this.workers;
    if (workers === undefined) return this.trainStep();
    const started = process.hrtime.bigint();
    const { batch } = this.config;
    const dim = this.flow.dim;
    const z = this.rng.fillNormal(new Float32Array(batch * dim));
    const threads = workers.size + 1;
    const bounds = Array.from({ length: threads + 1 }, (_, i) => Math.round((i * batch) / threads));
    const shares = bounds.slice(1, -1).map((start, i) => ({
      z: z.slice(start * dim, bounds[i + 2] * dim),
      rows: bounds[i + 2] - start,
    }));
    const params = this.variables.map((v) => v.dataSync() as Float32Array);
    const pending = workers.gradients(params, shares);
    const own = lossGradients(
      this.flow,
      this.energy,
      this.variables,
      tf.tensor2d(z.subarray(0, bounds[1] * dim), [bounds[1], dim]),
    );
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

  /** Checks the losses, applies Adam to the mean gradient and reports. */
  private update(losses: Float32Array, sumGrads: Tensor[], started: bigint): StepMetrics {
    if (!allFinite(losses)) {
      tf.dispose(sumGrads);
      throw new NonFiniteLossError(this.completed + 1);
    }
    const meanGrads = sumGrads.map((g) => tf.div(g, losses.length));
    tf.dispose(sumGrads);
    this.optimizer.apply(meanGrads, learningRateAt(this.config, this.completed));
    tf.dispose(meanGrads);
    this.completed += 1;
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    this.seconds += seconds;
    const { mean, stdErr } = meanAndStdErr(losses);
    const metrics: StepMetrics = { step: this.completed, freeEnergy: mean, freeEnergyStdErr: stdErr, seconds };
    if (this.energy.exactLnZ !== undefined) metrics.klGap = mean + this.energy.exactLnZ;
    return metrics;
  }

  /** Importance-sampling estimates from the current flow. */
  estimate(samples = this.config.evalSamples): FlowEstimates {
    return estimateWithFlow(this.flow, this.energy, samples, this.config.batch, this.rng);
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
  }

  /** Releases the tensors and ends the worker threads. */
  dispose(): void {
    void this.stopWorkers();
    this.flow.bijector.dispose();
    this.optimizer.dispose();
  }
}
