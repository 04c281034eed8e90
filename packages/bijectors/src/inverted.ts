import type { Tensor2D } from '@neuralrg/tensor';
import { Bijector, BijectorResult, BijectorSpec, NamedVariable } from './bijector';
import { ColumnBijector, passColumns } from './columns';

/** The inverse of a bijector as a bijector of its own: forward and inverse swap. */
export class Inverted extends ColumnBijector {
  readonly type = 'inverted';
  readonly dim: number;

  constructor(readonly inner: Bijector) {
    super();
    this.dim = inner.dim;
  }

  forwardColumns(z: Tensor2D): BijectorResult {
    return passColumns(this.inner, z, 'inverse');
  }

  inverseColumns(x: Tensor2D): BijectorResult {
    return passColumns(this.inner, x, 'forward');
  }

  parameters(): NamedVariable[] {
    return this.inner.parameters();
  }

  spec(): BijectorSpec {
    return { type: this.type, children: [this.inner.spec()] };
  }

  dispose(): void {
    this.inner.dispose();
  }
}
