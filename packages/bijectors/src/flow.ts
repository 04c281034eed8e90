import { Rng, tf } from '@neuralrg/tensor';
import type { Tensor1D, Tensor2D } from '@neuralrg/tensor';
import { Bijector } from './bijector';
import { StandardNormal } from './prior';

/** A batch drawn from a flow with its exact log-density. */
export interface FlowSample {
  x: Tensor2D;
  logQ: Tensor1D;
}

/**
 * The density q(x) of x = g(z), z ~ N(0, 1):
 *   ln q(x) = ln p(z) - ln|det dx/dz|
 * With `symmetric`, the Z2-symmetrised q_sym(x) = [q(x) + q(-x)] / 2.
 */
export class Flow {
  readonly prior: StandardNormal;

  constructor(readonly bijector: Bijector, readonly symmetric = false) {
    this.prior = new StandardNormal(bijector.dim);
  }

  get dim(): number {
    return this.bijector.dim;
  }

  /**
   * Draws `batch` configurations with their ln q. Differentiable in the
   * parameters (reparametrisation trick). For a symmetric flow, x is drawn
   * from q and its sign kept: q_sym(-x) = q_sym(x), and a symmetric target
   * weighs x and -x alike, so no flip is needed for the estimators.
   */
  sample(batch: number, rng: Rng): FlowSample {
    return this.generate(this.prior.sample(batch, rng));
  }

  /** x = g(z) with ln q(x), for latent variables drawn elsewhere. */
  generate(z: Tensor2D): FlowSample {
    const { y: x, logDet } = this.bijector.forward(z);
    const logQ = tf.sub(this.prior.logProb(z), logDet) as Tensor1D;
    return { x, logQ: this.symmetric ? this.symmetrise(x, logQ) : logQ };
  }

  /** ln q(x) of given configurations, through the inverse pass. */
  logProb(x: Tensor2D): Tensor1D {
    const logQ = this.logProbPlain(x);
    return this.symmetric ? this.symmetrise(x, logQ) : logQ;
  }

  private logProbPlain(x: Tensor2D): Tensor1D {
    const { y: z, logDet } = this.bijector.inverse(x);
    return tf.add(this.prior.logProb(z), logDet) as Tensor1D;
  }

  private symmetrise(x: Tensor2D, logQ: Tensor1D): Tensor1D {
    const mirrored = this.logProbPlain(tf.neg(x));
    const both = tf.stack([logQ, mirrored], 1);
    return tf.sub(tf.logSumExp(both, 1), Math.LN2) as Tensor1D;
  }

  /** The latent variables z = g^-1(x). */
  encode(x: Tensor2D): Tensor2D {
    return this.bijector.inverse(x).y;
  }
}
