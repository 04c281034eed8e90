import type { Flow } from '@neuralrg/bijectors';
import { Rng, tf } from '@neuralrg/tensor';
import type { Tensor1D, Tensor2D } from '@neuralrg/tensor';
import type { ObserveFunction } from './dual-observables';
import { Hmc } from './hmc';
import type { HmcOptions } from './hmc';
import type { Potential } from './potential-gradient';
import { checkInteger } from './validate';
import { hostTidy } from './host-tidy';

/**
 * Default trajectory length of latent HMC: pi/2, a quarter period of the
 * standard normal that U(z) is for a perfect flow, where a trajectory
 * lands on a point independent of its start. A length of pi would map z
 * to about -z, and an even observable (the energy, |m|) would not move.
 */
export const LATENT_TRAJECTORY_LENGTH = Math.PI / 2;

/** Options of {@link latentHmc}: those of Hmc, with a flow and a physical energy. */
export interface LatentHmcOptions extends Omit<
  HmcOptions,
  'potential' | 'dim' | 'initial' | 'kind' | 'observe'
> {
  /** A trained flow x = g(z) whose prior is N(0, 1). */
  flow: Flow;
  /** The physical energy E(x) per row; the target is exp(-E(x)). */
  energy: (x: Tensor2D) => Tensor1D;
  /** Starting latent variables, chains x dim; default z ~ N(0, 1), so x starts as a flow sample. */
  initial?: Float32Array;
  /** Observables of physical configurations x = g(z). */
  observe?: ObserveFunction;
  /**
   * After every `globalEvery`-th trajectory, a global move: z' drawn from
   * the prior N(0, 1), accepted by the Metropolis-Hastings ratio of an
   * independence proposal. Off (0) by default.
   */
  globalEvery?: number;
}

/**
 * The latent-space potential U(z) = E(g(z)) - ln|det dg/dz| of a flow
 * x = g(z) (`flow.bijector.forward` returns ln|det dx/dz|). exp(-U(z)) is
 * the target pi(x) = exp(-E(x)) carried back to latent space, so HMC on U
 * samples pi exactly through x = g(z); for a perfect flow U(z) = |z|^2/2
 * + const, an isotropic Gaussian, which HMC samples with no
 * autocorrelation (M. D. Hoffman et al., arXiv:1903.03704 (2019);
 * S.-H. Li and L. Wang, PRL 121, 260601 (2018)). The symmetrisation of a
 * Z2-symmetric flow plays no part here.
 */
export function latentPotential(flow: Flow, energy: (x: Tensor2D) => Tensor1D): Potential {
  return (z) => {
    const { y: x, logDet } = flow.bijector.forward(z);
    return tf.sub(energy(x), logDet) as Tensor1D;
  };
}

/**
 * Latent-space HMC: {@link Hmc} on {@link latentPotential}, with
 * observables taken of the physical samples x = g(z), and trajectories of
 * length {@link LATENT_TRAJECTORY_LENGTH} unless the options set
 * another (at most `leapfrogSteps` leapfrog steps each). When no start is
 * given, z is drawn from the prior with a generator seeded by `seed`, and
 * the HMC generator is seeded by seed + 1.
 *
 * With `globalEvery`, trajectories alternate with independence proposals
 * from the prior, as local and flow moves alternate in M. Gabrie, G. M.
 * Rotskoff and E. Vanden-Eijnden, PNAS 119, e2109420119 (2022): the local
 * moves carry a chain through regions the flow describes poorly, and the
 * global ones move it between regions the trajectories rarely cross.
 *
 * @throws as Hmc; RangeError for a bad seed.
 */
export function latentHmc(options: LatentHmcOptions): Hmc {
  const { flow, energy, observe, initial, globalEvery, ...rest } = options;
  const seed = checkInteger('seed', options.seed ?? 1, 0);
  const chains = options.chains;
  const dim = flow.dim;
  const start =
    initial ??
    (options.resume === undefined && Number.isInteger(chains) && chains > 0
      ? new Rng(seed).fillNormal(new Float32Array(chains * dim))
      : new Float32Array(0));
  const toPhysical = (z: Float32Array, rows: number) =>
    hostTidy(() => flow.bijector.forward(tf.tensor2d(z, [rows, dim])).y.dataSync() as Float32Array);
  return new Hmc({
    ...rest,
    kind: 'latent-hmc',
    trajectoryLength: options.trajectoryLength ?? LATENT_TRAJECTORY_LENGTH,
    dim,
    seed: seed + 1,
    initial: start,
    potential: latentPotential(flow, energy),
    toPhysical,
    observe:
      observe === undefined ? undefined : (z, rows, rng) => observe(toPhysical(z, rows), rows, rng),
    engine: options.engine ?? 'tfjs (flow gradient)',
    globalMoves:
      globalEvery === undefined || globalEvery === 0
        ? undefined
        : {
            every: checkInteger('globalEvery', globalEvery, 0),
            draw: (rng, rows) => rng.fillNormal(new Float32Array(rows * dim)),
            logDensity: (z, rows) =>
              Float64Array.from({ length: rows }, (_, c) => {
                let sum = 0;
                for (let k = c * dim; k < (c + 1) * dim; k++) sum += z[k] * z[k];
                return -0.5 * sum;
              }),
            description: 'a global move: z drawn from the prior',
          },
  });
}
