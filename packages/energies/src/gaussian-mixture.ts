import { tf } from '@neuralrg/tensor';
import type { Rng, Tensor1D, Tensor2D } from '@neuralrg/tensor';
import { checkEnergyBatch } from './check-batch';
import type { EnergyModel } from './model';
import type { ObservableSamples } from './observable-types';
import { checkFinite, checkIntegerAtLeast, checkPositive } from './parameters';
import { planarObservables } from './ring';

/** Parameters of {@link GaussianMixture}. */
export interface GaussianMixtureOptions {
  /** Number of components K >= 1; 4 by default. */
  components?: number;
  /** Radius R >= 0 of the circle the centres sit on; 2 by default. */
  radius?: number;
  /** Standard deviation sigma > 0 of each component; 0.5 by default. */
  sigma?: number;
}

/**
 * A 2D toy density: K equal-weight isotropic Gaussians of width sigma
 * centred at mu_k = R (cos 2 pi k / K, sin 2 pi k / K),
 *   E(x) = -ln sum_k exp(-|x - mu_k|^2 / (2 sigma^2)),
 *   ln Z = ln(K 2 pi sigma^2)   (each component integrates to 2 pi sigma^2).
 * Exact moments: <x> = 0 for K >= 2 (the centres sum to zero),
 * <|x|^2> = R^2 + 2 sigma^2. Z2 symmetric when K is even.
 */
export class GaussianMixture implements EnergyModel {
  readonly name = 'mixture';
  readonly shape: readonly number[] = Object.freeze([2]);
  readonly size = 2;
  readonly z2Symmetric: boolean;
  readonly config: Readonly<{ components: number; radius: number; sigma: number }>;
  readonly exactLnZ: number;
  readonly observableDescriptions = Object.freeze({
    radius: '|x|',
    radius2: '|x|^2',
    x1: 'first coordinate',
    x2: 'second coordinate',
  });
  /** The centres, [K][2]. */
  readonly centres: readonly (readonly [number, number])[];

  private centresTensor: Tensor2D | undefined;

  /**
   * @throws RangeError when components is not an integer >= 1, radius is
   *   negative or sigma is not positive.
   */
  constructor(options: GaussianMixtureOptions = {}) {
    const components = checkIntegerAtLeast('mixture components', options.components ?? 4, 1);
    const radius = checkFinite('mixture radius', options.radius ?? 2);
    if (radius < 0) throw new RangeError(`mixture radius must be >= 0, got ${radius}`);
    const sigma = checkPositive('mixture sigma', options.sigma ?? 0.5);

    this.config = Object.freeze({ components, radius, sigma });
    this.z2Symmetric = components % 2 === 0;
    this.exactLnZ = Math.log(components * 2 * Math.PI * sigma * sigma);
    this.centres = Object.freeze(
      Array.from({ length: components }, (_, k) => {
        const angle = (2 * Math.PI * k) / components;
        return Object.freeze([radius * Math.cos(angle), radius * Math.sin(angle)] as [number, number]);
      }),
    );
  }

  /** E(x) = -logsumexp_k(-|x - mu_k|^2 / (2 sigma^2)) for each row of a [B, 2] batch. */
  energy(x: Tensor2D): Tensor1D {
    checkEnergyBatch(x, 2, 'a point in the plane');
    const { sigma } = this.config;
    if (this.centresTensor === undefined) {
      this.centresTensor = tf.keep(tf.tensor2d(this.centres.map((c) => [...c]), [this.centres.length, 2]));
    }
    const centres = this.centresTensor;
    return tf.tidy(() => {
      // [B, 1, 2] - [1, K, 2] -> squared distances [B, K].
      const offsets = tf.sub(tf.expandDims(x, 1), tf.expandDims(centres, 0));
      const distance2 = tf.sum(tf.square(offsets), 2);
      const logits = tf.div(distance2, -2 * sigma * sigma);
      return tf.neg(tf.logSumExp(logits, 1)) as Tensor1D;
    });
  }

  /** Per-sample |x|, |x|^2 and the two coordinates. */
  observables(x: Float32Array | Float64Array, count: number, _rng?: Rng): ObservableSamples {
    return planarObservables(x, count);
  }

  /**
   * <|x|^2> = R^2 + 2 sigma^2, and <x1>, <x2> (zero for K >= 2, the
   * centre itself for K = 1). <|x|> has no closed form here.
   */
  exactObservables(): Record<string, number> {
    const { radius, sigma, components } = this.config;
    const [c1, c2] = components === 1 ? this.centres[0] : [0, 0];
    return { radius2: radius * radius + 2 * sigma * sigma, x1: c1, x2: c2 };
  }

  /** Frees the centres tensor, if it was built. */
  dispose(): void {
    this.centresTensor?.dispose();
    this.centresTensor = undefined;
  }
}
