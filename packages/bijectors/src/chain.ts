import { tf } from '@neuralrg/tensor';
import type { Tensor1D, Tensor2D } from '@neuralrg/tensor';
import { Bijector, BijectorResult, NamedVariable, prefixed } from './bijector';
import { ColumnBijector, checkRows, passColumns } from './columns';

/**
 * Composition g = b_n o ... o b_2 o b_1 of bijectors of equal width.
 * `forward` applies b_1 first; ln|det| of the chain is the sum of the
 * parts' ln|det| (chain rule for Jacobians).
 */
export class Chain extends ColumnBijector {
  readonly type = 'chain';
  readonly dim: number;

  constructor(readonly parts: readonly Bijector[]) {
    super();
    if (parts.length === 0) throw new RangeError('Chain: needs at least one bijector, got 0');
    this.dim = parts[0].dim;
    parts.forEach((part, i) => {
      if (part.dim !== this.dim) {
        throw new RangeError(
          `Chain: part ${i} (${part.type}) has dim ${part.dim}, expected ${this.dim}`,
        );
      }
    });
  }

  forwardColumns(z: Tensor2D): BijectorResult {
    return this.run(z, this.parts, 'forward');
  }

  inverseColumns(x: Tensor2D): BijectorResult {
    return this.run(x, [...this.parts].reverse(), 'inverse');
  }

  private run(
    input: Tensor2D,
    order: readonly Bijector[],
    direction: 'forward' | 'inverse',
  ): BijectorResult {
    checkRows(this.type, input, this.dim);
    let y = input;
    const logDets: Tensor1D[] = [];
    for (const part of order) {
      const out = passColumns(part, y, direction);
      y = out.y;
      logDets.push(out.logDet);
    }
    const logDet = logDets.length === 1 ? logDets[0] : (tf.addN(logDets) as Tensor1D);
    return { y, logDet };
  }

  parameters(): NamedVariable[] {
    return this.parts.flatMap((part, i) => prefixed(`${i}`, part.parameters()));
  }

  dispose(): void {
    this.parts.forEach((part) => part.dispose());
  }
}
