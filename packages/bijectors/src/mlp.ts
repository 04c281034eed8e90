import { Rng, tf } from '@neuralrg/tensor';
import type { Tensor, Tensor2D, Variable } from '@neuralrg/tensor';
import type { NamedVariable } from './bijector';
import { glorotVariable, zerosVariable } from './init';
import { linearColumns } from './linear';

/** Hidden-layer nonlinearities an MLP may use. */
export const ACTIVATIONS = ['relu', 'elu', 'tanh', 'softplus'] as const;
export type Activation = (typeof ACTIVATIONS)[number];

export interface MlpOptions {
  /** Widths of the hidden layers, e.g. [10, 10, 10]. */
  hidden: readonly number[];
  activation: Activation;
  /** Scale of the last layer's initial weights; 0 makes the output start at 0. */
  outputGain: number;
}

/** Checks an activation name. */
export function parseActivation(name: string): Activation {
  if (!(ACTIVATIONS as readonly string[]).includes(name)) {
    throw new RangeError(`activation must be one of ${ACTIVATIONS.join(', ')}, got '${name}'`);
  }
  return name as Activation;
}

/** Applies a hidden-layer nonlinearity elementwise. */
export function activate<T extends Tensor>(h: T, activation: Activation): T {
  switch (activation) {
    case 'relu':
      return tf.relu(h);
    case 'elu':
      return tf.elu(h);
    case 'tanh':
      return tf.tanh(h);
    case 'softplus':
      return tf.softplus(h);
  }
}

/**
 * A dense network in -> hidden... -> out on feature-major batches
 * ([in, B] -> [out, B]): each layer is h' = act(W h + b).
 */
export class Mlp {
  private readonly weights: Variable[] = [];
  private readonly biases: Variable[] = [];

  constructor(
    readonly inputs: number,
    readonly outputs: number,
    readonly options: MlpOptions,
    rng: Rng,
  ) {
    for (const width of options.hidden) {
      if (!Number.isInteger(width) || width <= 0) {
        throw new RangeError(`MLP hidden widths must be positive integers, got ${width}`);
      }
    }
    const sizes = [inputs, ...options.hidden, outputs];
    for (let i = 0; i + 1 < sizes.length; i++) {
      const last = i + 2 === sizes.length;
      this.weights.push(glorotVariable(rng, sizes[i], sizes[i + 1], last ? options.outputGain : 1));
      this.biases.push(zerosVariable(sizes[i + 1]));
    }
  }

  /** Applies the network to a feature-major batch [inputs, B]. */
  apply(x: Tensor2D): Tensor2D {
    let h = x;
    const last = this.weights.length - 1;
    for (let i = 0; i <= last; i++) {
      h = linearColumns(this.weights[i] as Tensor2D, h, this.biases[i] as Tensor2D);
      if (i < last) h = activate(h, this.options.activation);
    }
    return h;
  }

  parameters(): NamedVariable[] {
    return this.weights.flatMap((w, i) => [
      { name: `dense${i}.weight`, variable: w },
      { name: `dense${i}.bias`, variable: this.biases[i] },
    ]);
  }

  dispose(): void {
    [...this.weights, ...this.biases].forEach((v) => v.dispose());
  }
}
