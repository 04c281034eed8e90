import { assignValues, tf, variableOf } from '@neuralrg/tensor';
import type { Tensor, Variable } from '@neuralrg/tensor';

export interface AdamOptions {
  learningRate: number;
  beta1: number;
  beta2: number;
  epsilon: number;
}

export const DEFAULT_ADAM: AdamOptions = { learningRate: 1e-3, beta1: 0.9, beta2: 0.999, epsilon: 1e-8 };

/** Moment estimates of Adam, as plain arrays for checkpoints. */
export interface AdamState {
  t: number;
  m: Float32Array[];
  v: Float32Array[];
}

/**
 * Adam (Kingma and Ba, arXiv:1412.6980) with its moments held as tfjs
 * variables, so that the whole optimiser state can be saved and restored
 * exactly:
 *   m <- b1 m + (1 - b1) g,  v <- b2 v + (1 - b2) g^2,
 *   p <- p - lr * m_hat / (sqrt(v_hat) + eps), with bias-corrected hats.
 */
export class Adam {
  private t = 0;
  private readonly m: Variable[];
  private readonly v: Variable[];

  constructor(private readonly params: Variable[], readonly options: AdamOptions) {
    const lr = options.learningRate;
    if (!(lr > 0) || !Number.isFinite(lr)) {
      throw new RangeError(`learning rate must be positive and finite, got ${lr}`);
    }
    this.m = params.map((p) => variableOf(tf.zerosLike(p), false));
    this.v = params.map((p) => variableOf(tf.zerosLike(p), false));
  }

  get steps(): number {
    return this.t;
  }

  /** Applies one update from gradients listed in the order of the parameters. */
  apply(grads: Tensor[], learningRate = this.options.learningRate): void {
    const { beta1, beta2, epsilon } = this.options;
    this.t += 1;
    const c1 = 1 - beta1 ** this.t;
    const c2 = 1 - beta2 ** this.t;
    tf.tidy(() => {
      this.params.forEach((p, i) => {
        const g = grads[i];
        const m = tf.add(tf.mul(this.m[i], beta1), tf.mul(g, 1 - beta1));
        const v = tf.add(tf.mul(this.v[i], beta2), tf.mul(tf.square(g), 1 - beta2));
        this.m[i].assign(m);
        this.v[i].assign(v);
        const update = tf.div(tf.mul(m, learningRate / c1), tf.add(tf.sqrt(tf.div(v, c2)), epsilon));
        p.assign(tf.sub(p, update));
      });
    });
  }

  state(): AdamState {
    return {
      t: this.t,
      m: this.m.map((x) => x.dataSync() as Float32Array),
      v: this.v.map((x) => x.dataSync() as Float32Array),
    };
  }

  restore(state: AdamState): void {
    if (state.m.length !== this.m.length || state.v.length !== this.v.length) {
      throw new RangeError(
        `optimiser state has ${state.m.length} moment tensors, expected ${this.m.length}`,
      );
    }
    this.t = state.t;
    this.m.forEach((x, i) => assignValues(x, state.m[i]));
    this.v.forEach((x, i) => assignValues(x, state.v[i]));
  }

  dispose(): void {
    [...this.m, ...this.v].forEach((x) => x.dispose());
  }
}
