import type { Tensor2D } from '@neuralrg/tensor';
import { Bijector, BijectorResult, NamedVariable } from './bijector';

/** The inverse of a bijector as a bijector of its own: forward and inverse swap. */
export class Inverted implements Bijector {
  readonly type = 'inverted';
  readonly dim: number;

  constructor(readonly inner: Bijector) {
    this.dim = inner.dim;
  }

  forward(z: Tensor2D): BijectorResult {
    return this.inner.inverse(z);
  }

  inverse(x: Tensor2D): BijectorResult {
    return this.inner.forward(x);
  }

  parameters(): NamedVariable[] {
    return this.inner.parameters();
  }

  dispose(): void {
    this.inner.dispose();
  }
}
