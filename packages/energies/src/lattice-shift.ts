import { tf } from '@neuralrg/tensor';
import type { Tensor } from '@neuralrg/tensor';

/**
 * The periodic neighbour field phi_{x + e_axis}: entry i of `axis` takes
 * the value at i + 1 (mod the extent), the other axes unchanged. A cyclic
 * roll built from two slices and a concat, so it is differentiable.
 *
 * @param field - a tensor whose `axis` has extent n >= 1.
 */
export function periodicNeighbour(field: Tensor, axis: number): Tensor {
  const n = field.shape[axis];
  if (n === 1) return field;
  return tf.tidy(() => {
    const rest = sliceAlong(field, axis, 1, n - 1);
    const first = sliceAlong(field, axis, 0, 1);
    return tf.concat([rest, first], axis);
  });
}

function sliceAlong(field: Tensor, axis: number, begin: number, size: number): Tensor {
  const begins = field.shape.map(() => 0);
  const sizes = field.shape.map(() => -1);
  begins[axis] = begin;
  sizes[axis] = size;
  return tf.slice(field, begins, sizes);
}
