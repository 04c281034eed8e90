import { tf } from '@neuralrg/tensor';
import type { Rng, Tensor1D, Tensor2D } from '@neuralrg/tensor';
import { checkEnergyBatch } from './check-batch';
import {
  connectedCorrelations,
  correlationName,
  fieldObservables,
  maxCorrelationDistance,
  susceptibility,
} from './field-observables';
import { gffCovariance, gffLnZ, gffPropagator } from './gff-exact';
import { periodicNeighbour } from './lattice-shift';
import type { PeriodicLattice } from './lattice-geometry';
import { checkDimension, latticeShape, latticeSites } from './lattice-geometry';
import type { EnergyModel } from './model';
import type { DerivedObservable, ObservableSamples } from './observable-types';
import { checkIntegerAtLeast, checkPositive } from './parameters';

/** Parameters of {@link GaussianFreeField}. */
export interface GaussianFreeFieldOptions {
  /** Sites per side, an integer >= 2. */
  L: number;
  /** Dimension: 1 for a periodic chain of L sites, 2 for an L x L torus. */
  d: number;
  /** Mass squared m^2 > 0 (the zero mode is not normalisable at m^2 = 0). */
  m2: number;
}

/**
 * The Gaussian free field (in 1D the harmonic oscillator chain) on a
 * periodic lattice of N = L^d sites:
 *   E(phi) = 1/2 sum_x [ sum_mu (phi_x - phi_{x+mu})^2 + m^2 phi_x^2 ] = 1/2 phi^T M phi,
 *   M = m^2 I - Delta,  ln Z = (N/2) ln(2 pi) - 1/2 sum_k ln(m^2 + sum_mu 4 sin^2(k_mu / 2)),
 * and <phi_x phi_y> = (M^-1)_{xy} = G(y - x), the lattice propagator
 *   G(r) = (1/N) sum_k cos(k . r) / (m^2 + sum_mu 4 sin^2(k_mu / 2)).
 * The sum runs over every site x and direction mu, so for L = 2 the single
 * neighbour of a site is met twice, as in the Ising model of this package.
 * Li and Wang (PRL 121, 260601, 2018) use it as the check that linear
 * bijectors suffice.
 *
 * @example
 * const field = new GaussianFreeField({ L: 8, d: 2, m2: 0.5 });
 * field.exactLnZ;           // (N/2) ln 2 pi - 1/2 sum_k ln(...)
 * field.exactCorrelation(1); // <phi_x phi_{x+e_1}>
 */
export class GaussianFreeField implements EnergyModel {
  readonly name = 'gff';
  readonly shape: readonly number[];
  readonly size: number;
  readonly z2Symmetric = true;
  readonly config: Readonly<{ L: number; d: number; m2: number }>;
  readonly exactLnZ: number;
  readonly derivedObservables: readonly DerivedObservable[];
  readonly observableDescriptions = Object.freeze({
    energyPerSite: 'E(phi) / N',
    magnetisation: 'm = mean of phi over sites',
    absMagnetisation: '|m|',
    magnetisation2: 'm^2',
    phi2: 'mean of phi_x^2 over sites (= correlation[0])',
    'correlation[r]': '(1/(N d)) sum_x sum_mu phi_x phi_{x + r e_mu}',
  });

  private readonly lattice: PeriodicLattice;
  private propagator: Float64Array | undefined;

  /**
   * @throws RangeError when L is not an integer >= 2, d is not 1 or 2, or
   *   m2 is not a positive finite number.
   */
  constructor(options: GaussianFreeFieldOptions) {
    const L = checkIntegerAtLeast('gff lattice size L', options.L, 2);
    const d = checkDimension('gff', options.d);
    const m2 = checkPositive('gff mass squared m2', options.m2);

    this.lattice = { L, d };
    this.shape = Object.freeze(latticeShape(this.lattice));
    this.size = latticeSites(this.lattice);
    this.config = Object.freeze({ L, d, m2 });
    this.exactLnZ = gffLnZ(this.lattice, m2);
    this.derivedObservables = Object.freeze([
      susceptibility(this.size),
      ...connectedCorrelations(L),
    ]);
  }

  /**
   * E(phi) for each row of a [B, N] batch, differentiable: the squared
   * differences to the next site along each axis, plus the mass term.
   *
   * @throws TypeError when x is not a float32 tensor; RangeError when its shape is not [B, N].
   */
  energy(x: Tensor2D): Tensor1D {
    const { L, d, m2 } = this.config;
    checkEnergyBatch(x, this.size, d === 1 ? `L for L = ${L}` : `L*L for L = ${L}`);
    return tf.tidy(() => {
      const batch = x.shape[0];
      const field = d === 1 ? x : tf.reshape(x, [batch, L, L]);
      let gradientTerm = tf.zeros([batch]);
      for (let axis = 1; axis <= d; axis++) {
        const difference = tf.sub(field, periodicNeighbour(field, axis));
        gradientTerm = tf.add(gradientTerm, tf.sum(tf.reshape(tf.square(difference), [batch, -1]), 1));
      }
      const massTerm = tf.mul(tf.sum(tf.square(x), 1), m2);
      return tf.mul(tf.add(gradientTerm, massTerm), 0.5) as Tensor1D;
    });
  }

  /**
   * The exact two-point function along an axis,
   * G(r e_1) = <phi_x phi_{x + r e_1}>, for an integer distance r (taken mod L).
   *
   * @throws RangeError when r is not an integer.
   */
  exactCorrelation(r: number): number {
    if (!Number.isInteger(r)) {
      throw new RangeError(`gff correlation distance r must be an integer, got ${r}`);
    }
    const { L, d } = this.lattice;
    const wrapped = ((r % L) + L) % L;
    // The displacement r e_1 sits at index r (1D) or r * L (2D, along i).
    return this.exactPropagator()[d === 1 ? wrapped : wrapped * L];
  }

  /** The exact propagator G(r) for every displacement r, row-major; a copy. */
  exactPropagator(): Float64Array {
    if (this.propagator === undefined) this.propagator = gffPropagator(this.lattice, this.config.m2);
    return this.propagator.slice();
  }

  /** The exact N x N covariance <phi_x phi_y> = (M^-1)_{xy}, row-major float64. */
  exactCovariance(): Float64Array {
    return gffCovariance(this.lattice, this.config.m2);
  }

  /**
   * Per-sample observables: energyPerSite, magnetisation, absMagnetisation,
   * magnetisation2, phi2 and correlation[r] for r = 0..floor(L/2).
   */
  observables(x: Float32Array | Float64Array, count: number, _rng?: Rng): ObservableSamples {
    const samples = fieldObservables(this.lattice, x, count);
    samples.phi2 = samples[correlationName(0)].slice();
    samples.energyPerSite = this.energyPerSite(x, count);
    return samples;
  }

  /**
   * Exact expectations: <E>/N = 1/2 (equipartition, one half per mode),
   * <phi^2> = G(0), <m> = 0, <m^2> = 1/(N m^2) (the zero mode),
   * susceptibility 1/m^2, and the correlations G(r e_1), connected equal to
   * plain since <m> = 0. <|m|> = sqrt(2 <m^2> / pi), m being normal.
   */
  exactObservables(): Record<string, number> {
    const { m2 } = this.config;
    const N = this.size;
    const exact: Record<string, number> = {
      energyPerSite: 0.5,
      magnetisation: 0,
      magnetisation2: 1 / (N * m2),
      absMagnetisation: Math.sqrt(2 / (Math.PI * N * m2)),
      phi2: this.exactCorrelation(0),
      susceptibility: 1 / m2,
    };
    for (let r = 0; r <= maxCorrelationDistance(this.config.L); r++) {
      exact[correlationName(r)] = this.exactCorrelation(r);
      exact[`connectedCorrelation[${r}]`] = this.exactCorrelation(r);
    }
    return exact;
  }

  /** Nothing to free: the model holds no tensors. */
  dispose(): void {}

  private energyPerSite(x: Float32Array | Float64Array, count: number): Float64Array {
    const { L, d, m2 } = this.config;
    const N = this.size;
    const values = new Float64Array(count);
    for (let b = 0; b < count; b++) {
      const base = b * N;
      let sum = 0;
      for (let site = 0; site < N; site++) {
        const phi = x[base + site];
        sum += m2 * phi * phi;
        const i = d === 1 ? 0 : Math.floor(site / L);
        const j = d === 1 ? site : site % L;
        const right = d === 1 ? (j + 1) % L : i * L + ((j + 1) % L);
        sum += (phi - x[base + right]) ** 2;
        if (d === 2) sum += (phi - x[base + ((i + 1) % L) * L + j]) ** 2;
      }
      values[b] = sum / (2 * N);
    }
    return values;
  }
}
