import { Flow, buildHierarchy } from '@neuralrg/bijectors';
import type { EnergyModel } from '@neuralrg/energies';
import { Rng, tf } from '@neuralrg/tensor';
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
    if (energy.shape.length !== 2 || energy.shape[0] !== energy.shape[1]) {
      throw new RangeError(
        `the hierarchical flow needs an L x L lattice energy, got shape [${energy.shape.join(', ')}]`,
      );
    }
    // Initial parameters come from the seed; a resumed run then replaces
    // them and continues the sampling stream from its saved state.
    const initRng = new Rng(config.seed);
    const bijector = buildHierarchy({ L: energy.shape[0], ...config.flow }, initRng);
    this.rng = rngState === undefined ? initRng : new Rng(rngState);
    this.flow = new Flow(bijector, config.symmetric);
    const params = bijector.parameters();
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
   * One step: sample a batch through the flow, form ln q + E per sample,
   * and move the parameters along the gradient of the batch mean.
   *
   * @throws NonFiniteLossError when the loss is NaN or infinite.
   */
  trainStep(): StepMetrics {
    const started = process.hrtime.bigint();
    let perSample: Tensor | undefined;
    const { value, grads } = tf.variableGrads(() => {
      const { x, logQ } = this.flow.sample(this.config.batch, this.rng);
      const loss = tf.add(logQ, this.energy.energy(x));
      perSample = tf.keep(loss);
      return tf.mean(loss) as tf.Scalar;
    }, this.variables);
    const losses = (perSample as Tensor).dataSync();
    perSample?.dispose();
    value.dispose();
    const ordered = this.variables.map((v) => grads[v.name]);
    if (!allFinite(losses)) {
      tf.dispose(ordered);
      throw new NonFiniteLossError(this.completed + 1);
    }
    this.optimizer.apply(ordered, learningRateAt(this.config, this.completed));
    tf.dispose(ordered);
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
      variable.assign(tf.tensor(loadTensor(stored), variable.shape));
    });
    this.optimizer.restore({
      t: checkpoint.optimizer.t,
      m: checkpoint.optimizer.m.map(loadTensor),
      v: checkpoint.optimizer.v.map(loadTensor),
    });
    this.completed = checkpoint.step;
    this.seconds = checkpoint.trainSeconds ?? 0;
  }

  dispose(): void {
    this.flow.bijector.dispose();
    this.optimizer.dispose();
  }
}
