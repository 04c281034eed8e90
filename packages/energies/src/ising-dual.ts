import { tf } from '@neuralrg/tensor';
import type { Rng, Tensor1D, Tensor2D } from '@neuralrg/tensor';
import { BRUTE_FORCE_MAX_L } from './brute-force';
import { isingObservablesBruteForce } from './brute-force-observables';
import { dualCouplingInverse, dualDiagonalShift } from './dual-coupling';
import { isingDualShift } from './dual-shift';
import { isingDerivedObservables, isingSpinObservables } from './ising-observables';
import { isingThermodynamics } from './kaufman-derivatives';
import { isingLnZ } from './kaufman';
import { logCosh } from './log-cosh';
import type { EnergyModel } from './model';
import type { DerivedObservable, ObservableSamples } from './observable-types';
import { checkEvenLatticeSize, checkTemperature, describeValue } from './validate';

/** Parameters of {@link IsingDual}. */
export interface IsingDualOptions {
  /** Linear size of the periodic L x L lattice, an even integer >= 2. */
  L: number;
  /** Temperature in units of J = 1, positive and finite. */
  T: number;
}

/**
 * The continuous (Hubbard-Stratonovich) dual of the 2D Ising model, J = 1,
 * on the periodic L x L lattice at temperature T. With adjacency A and
 * K = A/T + c I, c = 0.1 - lambda_min(A/T),
 *   E(x) = 1/2 x^T K^-1 x - sum_i ln cosh(x_i),
 *   ln Z = ln Z_Ising + N c/2 + (N/2) ln(2 pi) + (1/2) ln det K - N ln 2,
 * and the spins come back exactly: p(s_i = +1 | x) = sigmoid(2 x_i)
 * (see {@link decodeSpins}). Used as the target of S.-H. Li and L. Wang,
 * PRL 121, 260601 (2018).
 *
 * @remarks K^-1 is a dense N x N matrix (N = L*L), computed in float64 by
 * Cholesky on the first call of `energy` (O(N^3)) and then held as a
 * float32 tensor until `dispose`; after `dispose` the next `energy` call
 * builds it again.
 *
 * @example
 * const model = new IsingDual({ L: 8, T: ISING_CRITICAL_TEMPERATURE });
 * model.exactLnZ; // 148.6550163...
 * const e = model.energy(tf.randomNormal([16, model.size])); // shape [16]
 */
export class IsingDual implements EnergyModel {
  readonly name = 'ising';
  readonly shape: readonly number[];
  readonly size: number;
  readonly z2Symmetric = true;
  readonly config: Readonly<{ L: number; T: number }>;
  /** Exact ln Z of the Ising model itself (Kaufman). */
  readonly lnZIsing: number;
  /** ln Z_cont - ln Z_Ising, see {@link isingDualShift}. */
  readonly shift: number;
  /** The diagonal shift c of K = A/T + c I. */
  readonly c: number;
  /** ln Z_cont = lnZIsing + shift. */
  readonly exactLnZ: number;
  /** Specific heat, susceptibility, structure factor, connected correlations. */
  readonly derivedObservables: readonly DerivedObservable[];
  readonly observableDescriptions = Object.freeze({
    energyPerSite: 'Ising energy per site E(s)/N of the decoded spins',
    energyPerSite2: '(E(s)/N)^2',
    magnetisation: 'm = mean spin',
    absMagnetisation: '|m|',
    magnetisation2: 'm^2',
    'correlation[r]': '(1/(2N)) sum_x sum_mu s_x s_{x + r e_mu}',
  });

  private inverseCoupling: Tensor2D | undefined;
  private exact: Record<string, number> | undefined;

  /**
   * @throws RangeError when L is not an even integer >= 2 or T is not a positive finite number.
   */
  constructor(options: IsingDualOptions) {
    const L = checkEvenLatticeSize(options.L);
    const T = checkTemperature(options.T);

    this.shape = Object.freeze([L, L]);
    this.size = L * L;
    this.config = Object.freeze({ L, T });
    this.c = dualDiagonalShift(L, T);
    this.lnZIsing = isingLnZ(L, T);
    this.shift = isingDualShift(L, T);
    this.exactLnZ = this.lnZIsing + this.shift;
    this.derivedObservables = Object.freeze(isingDerivedObservables(L, T));
  }

  /**
   * Spin observables of each configuration of a batch (see
   * {@link isingSpinObservables}): the spins are decoded from x, with exact
   * conditional expectations where they exist and one draw from `rng` for
   * |m| and e^2.
   */
  observables(x: Float32Array | Float64Array, count: number, rng: Rng): ObservableSamples {
    if (x.length !== count * this.size) {
      throw new RangeError(
        `observables input must hold count * L*L = ${count * this.size} values, got ${x.length}`,
      );
    }
    return isingSpinObservables(this.config.L, x, count, rng);
  }

  /**
   * Exact expectations of the Ising spins: energy per site and specific heat
   * from derivatives in beta of Kaufman's finite-size ln Z
   * ({@link isingThermodynamics}, one call for both), <m> = 0 and
   * correlation[0] = 1 by symmetry; for L <= 4 every observable by
   * enumeration ({@link isingObservablesBruteForce}).
   */
  exactObservables(): Record<string, number> {
    if (this.exact === undefined) {
      const { L, T } = this.config;
      if (L <= BRUTE_FORCE_MAX_L) {
        this.exact = isingObservablesBruteForce(L, T);
      } else {
        const { energyPerSite, specificHeat } = isingThermodynamics(L, T);
        this.exact = { energyPerSite, specificHeat, magnetisation: 0, 'correlation[0]': 1 };
      }
    }
    return { ...this.exact };
  }

  /**
   * E(x) = 1/2 x^T K^-1 x - sum_i ln cosh(x_i) for each row of x.
   *
   * @param x - a float32 batch of shape [B, L*L].
   * @returns a [B] tensor, differentiable in x.
   * @throws TypeError when x is not a float32 tensor; RangeError when its shape is not [B, L*L].
   */
  energy(x: Tensor2D): Tensor1D {
    this.checkBatch(x);
    return tf.tidy(() => {
      const inverse = this.inverseCouplingTensor();
      const quadratic = tf.mul(tf.sum(tf.mul(tf.matMul(x, inverse), x), 1), 0.5);
      return tf.sub(quadratic, tf.sum(logCosh(x), 1)) as Tensor1D;
    });
  }

  /** Frees the K^-1 tensor, if it was built. */
  dispose(): void {
    if (this.inverseCoupling !== undefined) {
      this.inverseCoupling.dispose();
      this.inverseCoupling = undefined;
    }
  }

  /** K^-1 as a float32 tensor, built once and kept out of any enclosing tidy. */
  private inverseCouplingTensor(): Tensor2D {
    if (this.inverseCoupling === undefined) {
      const { L, T } = this.config;
      const values = Float32Array.from(dualCouplingInverse(L, T));
      this.inverseCoupling = tf.keep(tf.tensor2d(values, [this.size, this.size]));
    }
    return this.inverseCoupling;
  }

  private checkBatch(x: Tensor2D): void {
    if (!(x instanceof tf.Tensor)) {
      throw new TypeError(`energy input x must be a tf.Tensor, got ${describeValue(x)}`);
    }
    if (x.dtype !== 'float32') {
      throw new TypeError(`energy input x must have dtype float32, got ${x.dtype}`);
    }
    if (x.rank !== 2 || x.shape[1] !== this.size) {
      throw new RangeError(
        `energy input x must have shape [B, ${this.size}] (L*L for L = ${this.config.L}), ` +
          `got [${x.shape.join(', ')}]`,
      );
    }
  }
}
