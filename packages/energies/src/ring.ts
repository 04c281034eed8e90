import { tf } from '@neuralrg/tensor';
import type { Rng, Tensor1D, Tensor2D } from '@neuralrg/tensor';
import { checkEnergyBatch } from './check-batch';
import type { EnergyModel } from './model';
import type { ObservableSamples } from './observable-types';
import { checkFinite, checkPositive } from './parameters';
import { simpson } from './quadrature';

/** Parameters of {@link Ring}. */
export interface RingOptions {
  /** Radius R >= 0 of the ring; 2 by default. */
  radius?: number;
  /** Width w > 0 in E = (|x| - R)^2 / w; 0.32 by default. */
  width?: number;
}

/**
 * A 2D toy density concentrated on a ring:
 *   E(x) = (|x| - R)^2 / w,   x in R^2,  R = 2 and w = 0.32 by default
 * (the example of the Li-Wang talk). In polar coordinates
 *   Z = 2 pi integral_0^inf r exp(-(r - R)^2 / w) dr,
 * evaluated by quadrature, as are <|x|> and <|x|^2>.
 *
 * @example
 * const ring = new Ring();
 * ring.energy(tf.tensor2d([[2, 0]])); // [0]
 */
export class Ring implements EnergyModel {
  readonly name = 'ring';
  readonly shape: readonly number[] = Object.freeze([2]);
  readonly size = 2;
  readonly z2Symmetric = true;
  readonly config: Readonly<{ radius: number; width: number }>;
  readonly exactLnZ: number;
  readonly observableDescriptions = Object.freeze({
    radius: '|x|',
    radius2: '|x|^2',
    x1: 'first coordinate',
    x2: 'second coordinate',
  });

  private readonly exact: Record<string, number>;

  /** @throws RangeError when radius is negative or width is not positive. */
  constructor(options: RingOptions = {}) {
    const radius = checkFinite('ring radius', options.radius ?? 2);
    if (radius < 0) throw new RangeError(`ring radius must be >= 0, got ${radius}`);
    const width = checkPositive('ring width', options.width ?? 0.32);
    this.config = Object.freeze({ radius, width });

    // The radial weight r exp(-(r - R)^2 / w) is below e^-60 of its peak
    // beyond R + sqrt(60 w).
    const upper = radius + Math.sqrt(60 * width);
    const weight = (r: number, power: number): number =>
      r ** power * Math.exp(-((r - radius) ** 2) / width);
    const z = 2 * Math.PI * simpson((r) => weight(r, 1), 0, upper);
    this.exactLnZ = Math.log(z);
    this.exact = {
      radius: (2 * Math.PI * simpson((r) => weight(r, 2), 0, upper)) / z,
      radius2: (2 * Math.PI * simpson((r) => weight(r, 3), 0, upper)) / z,
      x1: 0,
      x2: 0,
    };
  }

  /**
   * E(x) = (|x| - R)^2 / w for each row of a [B, 2] batch; differentiable
   * except at x = 0 (where tf's sqrt gradient is infinite, as is the
   * true one for R > 0).
   */
  energy(x: Tensor2D): Tensor1D {
    checkEnergyBatch(x, 2, 'a point in the plane');
    const { radius, width } = this.config;
    return tf.tidy(() => {
      const norm = tf.sqrt(tf.sum(tf.square(x), 1));
      return tf.div(tf.square(tf.sub(norm, radius)), width) as Tensor1D;
    });
  }

  /** Per-sample |x|, |x|^2 and the two coordinates. */
  observables(x: Float32Array | Float64Array, count: number, _rng?: Rng): ObservableSamples {
    return planarObservables(x, count);
  }

  /** <|x|> and <|x|^2> by quadrature; <x1> = <x2> = 0 by symmetry. */
  exactObservables(): Record<string, number> {
    return { ...this.exact };
  }

  dispose(): void {}
}

/** |x|, |x|^2, x1 and x2 of each point of a [count, 2] batch. */
export function planarObservables(x: Float32Array | Float64Array, count: number): ObservableSamples {
  const radius = new Float64Array(count);
  const radius2 = new Float64Array(count);
  const x1 = new Float64Array(count);
  const x2 = new Float64Array(count);
  for (let b = 0; b < count; b++) {
    x1[b] = x[2 * b];
    x2[b] = x[2 * b + 1];
    radius2[b] = x1[b] * x1[b] + x2[b] * x2[b];
    radius[b] = Math.sqrt(radius2[b]);
  }
  return { radius, radius2, x1, x2 };
}
