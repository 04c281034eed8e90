import { tf } from '@neuralrg/tensor';
import type { Rng, Tensor1D, Tensor2D } from '@neuralrg/tensor';
import { checkEnergyBatch } from './check-batch';
import {
  connectedCorrelations,
  correlationName,
  fieldObservables,
  maxCorrelationDistance,
  neighbourTable,
  susceptibility,
} from './field-observables';
import type { PeriodicLattice } from './lattice-geometry';
import { checkDimension, latticeShape, latticeSites } from './lattice-geometry';
import { periodicNeighbour } from './lattice-shift';
import type { EnergyModel } from './model';
import type { DerivedObservable, ObservableSamples } from './observable-types';
import { checkFinite, checkIntegerAtLeast, checkPositive } from './parameters';
import { phi4SingleSiteMoments } from './phi4-single-site';

/** Parameters of {@link Phi4}. */
export interface Phi4Options {
  /** Sites per side, an integer >= 2. */
  L: number;
  /** Hopping parameter kappa >= 0. */
  kappa: number;
  /** Quartic coupling lambda > 0. */
  lambda: number;
  /** Dimension, 2 (the default) or 1. */
  d?: number;
}

/**
 * Real scalar phi^4 theory on a periodic lattice in the hopping-parameter
 * form (as in Albergo, Kanwar and Shanahan, PRD 100, 034515, 2019, and
 * Lüscher and Weisz, Nucl. Phys. B 290, 25, 1987):
 *   S(phi) = sum_x [ -2 kappa sum_mu phi_x phi_{x+mu} + phi_x^2 + lambda (phi_x^2 - 1)^2 ],
 * with the sum over every site x and direction mu (for L = 2 a site meets
 * its one neighbour twice). S(-phi) = S(phi).
 *
 * @remarks kappa >= 0 (the ferromagnetic form; on an even lattice kappa < 0
 * maps to it by flipping the sign of phi on one sublattice) and lambda > 0
 * (lambda = 0 is Gaussian: use the 'gff' model). At kappa = 0 the sites
 * decouple and ln Z and every observable are exact (one-site quadrature);
 * otherwise no closed form is known.
 */
export class Phi4 implements EnergyModel {
  readonly name = 'phi4';
  readonly shape: readonly number[];
  readonly size: number;
  readonly z2Symmetric = true;
  readonly config: Readonly<{ L: number; d: number; kappa: number; lambda: number }>;
  readonly exactLnZ?: number;
  readonly derivedObservables: readonly DerivedObservable[];
  readonly observableDescriptions = Object.freeze({
    energyPerSite: 'action per site S(phi) / N',
    magnetisation: 'm = mean of phi over sites',
    absMagnetisation: '|m|',
    magnetisation2: 'm^2',
    magnetisation4: 'm^4',
    'correlation[r]': '(1/(N d)) sum_x sum_mu phi_x phi_{x + r e_mu}',
  });

  private readonly lattice: PeriodicLattice;
  private readonly singleSite?: { logZ: number; phi2: number; phi4: number };

  /**
   * @throws RangeError when L is not an integer >= 2, d is not 1 or 2,
   *   kappa is negative or not finite, or lambda is not positive and finite.
   */
  constructor(options: Phi4Options) {
    const L = checkIntegerAtLeast('phi4 lattice size L', options.L, 2);
    const d = checkDimension('phi4', options.d ?? 2);
    const kappa = checkFinite('phi4 hopping parameter kappa', options.kappa);
    if (kappa < 0) {
      throw new RangeError(
        `phi4 hopping parameter kappa must be >= 0 (the ferromagnetic form), got ${kappa}`,
      );
    }
    const lambda = checkPositive('phi4 quartic coupling lambda', options.lambda);

    this.lattice = { L, d };
    this.shape = Object.freeze(latticeShape(this.lattice));
    this.size = latticeSites(this.lattice);
    this.config = Object.freeze({ L, d, kappa, lambda });
    if (kappa === 0) {
      this.singleSite = phi4SingleSiteMoments(lambda);
      this.exactLnZ = this.size * this.singleSite.logZ;
    }
    const N = this.size;
    this.derivedObservables = Object.freeze([
      susceptibility(N),
      {
        name: 'binderCumulant',
        description: 'Binder cumulant 1 - <m^4> / (3 <m^2>^2)',
        inputs: ['magnetisation4', 'magnetisation2'],
        value: ([m4, m2]: readonly number[]) => 1 - m4 / (3 * m2 * m2),
      },
      ...connectedCorrelations(L),
    ]);
  }

  /**
   * S(phi) for each row of a [B, N] batch; differentiable.
   *
   * @throws TypeError when x is not a float32 tensor; RangeError when its shape is not [B, N].
   */
  energy(x: Tensor2D): Tensor1D {
    const { L, d, kappa, lambda } = this.config;
    checkEnergyBatch(x, this.size, d === 1 ? `L for L = ${L}` : `L*L for L = ${L}`);
    return tf.tidy(() => {
      const batch = x.shape[0];
      const field = d === 1 ? x : tf.reshape(x, [batch, L, L]);
      let hopping = tf.zeros([batch]);
      for (let axis = 1; axis <= d; axis++) {
        const products = tf.mul(field, periodicNeighbour(field, axis));
        hopping = tf.add(hopping, tf.sum(tf.reshape(products, [batch, -1]), 1));
      }
      const square = tf.square(x);
      const local = tf.add(square, tf.mul(tf.square(tf.sub(square, 1)), lambda));
      return tf.add(tf.mul(hopping, -2 * kappa), tf.sum(local, 1)) as Tensor1D;
    });
  }

  /**
   * Per-sample observables: energyPerSite (S/N), magnetisation,
   * absMagnetisation, magnetisation2, magnetisation4 and correlation[r].
   */
  observables(x: Float32Array | Float64Array, count: number, _rng?: Rng): ObservableSamples {
    const samples = fieldObservables(this.lattice, x, count);
    samples.magnetisation4 = samples.magnetisation2.map((m2) => m2 * m2);
    const { kappa, lambda, d } = this.config;
    const N = this.size;
    const nearest = neighbourTable(this.lattice, 1)[1];
    const action = new Float64Array(count);
    for (let b = 0; b < count; b++) {
      let sum = 0;
      for (let site = 0; site < N; site++) {
        const phi = x[b * N + site];
        let neighbours = 0;
        for (let mu = 0; mu < d; mu++) neighbours += x[b * N + nearest[mu][site]];
        sum += -2 * kappa * phi * neighbours + phi * phi + lambda * (phi * phi - 1) ** 2;
      }
      action[b] = sum / N;
    }
    samples.energyPerSite = action;
    return samples;
  }

  /**
   * Exact expectations, known at kappa = 0 only (independent sites with
   * one-site moments <phi^2>, <phi^4>): <S>/N = <phi^2> + lambda <(phi^2 - 1)^2>,
   * <m^2> = <phi^2>/N, <m^4> = (N <phi^4> + 3N(N-1) <phi^2>^2) / N^4,
   * correlation[0] = <phi^2>, correlation[r > 0] = 0. An empty record otherwise.
   */
  exactObservables(): Record<string, number> {
    if (this.singleSite === undefined) return {};
    const { phi2, phi4 } = this.singleSite;
    const { lambda, L } = this.config;
    const N = this.size;
    const m2 = phi2 / N;
    const m4 = (N * phi4 + 3 * N * (N - 1) * phi2 * phi2) / N ** 4;
    const exact: Record<string, number> = {
      energyPerSite: phi2 + lambda * (phi4 - 2 * phi2 + 1),
      magnetisation: 0,
      magnetisation2: m2,
      magnetisation4: m4,
      susceptibility: N * m2,
      binderCumulant: 1 - m4 / (3 * m2 * m2),
    };
    for (let r = 0; r <= maxCorrelationDistance(L); r++) {
      exact[correlationName(r)] = r === 0 ? phi2 : 0;
      exact[`connectedCorrelation[${r}]`] = exact[correlationName(r)];
    }
    return exact;
  }

  /** Nothing to free: the model holds no tensors. */
  dispose(): void {}
}
