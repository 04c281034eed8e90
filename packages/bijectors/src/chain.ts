import { tf } from '@neuralrg/tensor';
import type { Tensor1D, Tensor2D } from '@neuralrg/tensor';
import { Bijector, BijectorResult, BijectorSpec, NamedVariable, prefixed } from './bijector';
import { assertFinite, finiteChecksEnabled } from './checks';
import { inLayer } from './errors';
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
    const count = order.length;
    order.forEach((part, k) => {
      // Layer numbers follow the parts' order in the chain, whatever the direction.
      const index = direction === 'forward' ? k : count - 1 - k;
      const out = inLayer(index, part.type, () => {
        const result = passColumns(part, y, direction);
        if (finiteChecksEnabled()) {
          assertFinite(result.y, `${direction} output`);
          assertFinite(result.logDet, `${direction} ln|det|`);
        }
        return result;
      });
      y = out.y;
      logDets.push(out.logDet);
    });
    const logDet = logDets.length === 1 ? logDets[0] : (tf.addN(logDets) as Tensor1D);
    return { y, logDet };
  }

  parameters(): NamedVariable[] {
    return this.parts.flatMap((part, i) => prefixed(`${i}`, part.parameters()));
  }

  spec(): BijectorSpec {
    return { type: this.type, children: this.parts.map((part) => part.spec()) };
  }

  dispose(): void {
    this.parts.forEach((part) => part.dispose());
  }
}
