import { latentLevels, layoutHasLevels } from '@neuralrg/bijectors';
import { DEFAULT_SEARCH, TIE_NOISE } from '@neuralrg/information';
import { Rng } from '@neuralrg/tensor';
import { versions } from '../versions';
import { ANALYSIS_FORMAT, ANALYSIS_VERSION, Analysis } from './analysis-schema';
import type { AnalyzePlan } from './analyze-plan';
import { drawSamples } from './draw-samples';
import { compareWithHaar, cosineByLevel } from './haar-comparison';
import { jacobianStatistics } from './jacobian';
import type { LoadedRun } from './load-run';
import { mutualInformationSection } from './mutual-information';
import type { StageProgress } from './stage-progress';

/** Seconds since `start` (from process.hrtime.bigint()). */
function since(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e9;
}

/**
 * RG levels of a run's flow: the configured depth (log2 L by default) for
 * the hierarchical layouts, 0 for 'disentangler' and 'conv', which never
 * decimate.
 */
export function flowDepth(run: LoadedRun): number {
  const flow = run.checkpoint.config.flow;
  if (!layoutHasLevels(flow.layout)) return 0;
  return flow.depth ?? Math.log2(run.L);
}

/**
 * The whole analysis of a trained flow: draws, pairwise mutual
 * information of physical and latent variables, and the Jacobian of the
 * latents next to the Haar basis.
 */
export function runAnalysis(run: LoadedRun, plan: AnalyzePlan, progress: StageProgress): Analysis {
  const started = process.hrtime.bigint();
  const { L, flow } = run;
  const depth = flowDepth(run);
  const siteLevels = latentLevels(L, depth);

  progress.start(`drawing ${plan.samples} configurations from the flow`);
  const rng = new Rng(plan.seed);
  const flip = flow.symmetric && plan.flip;
  const drawn = drawSamples(flow, run.energy, plan.samples, rng, flip);
  const samplingSeconds = since(started);

  const miStarted = process.hrtime.bigint();
  progress.start('mutual information of site pairs');
  const mutualInformation = mutualInformationSection(drawn.x, drawn.z, drawn.n, L, siteLevels, {
    k: plan.k,
    algorithm: plan.algorithm,
    distance: plan.distance,
    onProgress: (done, total) => progress.update(done, total),
  });
  const mutualInformationSeconds = since(miStarted);

  const jacobianStarted = process.hrtime.bigint();
  progress.start(`Jacobian dz/dx on ${plan.jacobianSamples} samples`);
  const jacobian = jacobianStatistics(flow, drawn.x, plan.jacobianSamples, (done, total) =>
    progress.update(done, total),
  );
  const latents = compareWithHaar(L, depth, jacobian);
  const jacobianSeconds = since(jacobianStarted);
  progress.finishLine();

  const config = run.checkpoint.config;
  return {
    format: ANALYSIS_FORMAT,
    version: ANALYSIS_VERSION,
    createdAt: new Date().toISOString(),
    run: {
      folder: run.folder.dir,
      step: run.checkpoint.step,
      energy: { ...config.energy },
      flow: { layout: config.flow.layout, depth, symmetric: flow.symmetric },
    },
    lattice: { L, sites: L * L, siteIndex: 'i * L + j', periodic: true },
    sampling: {
      samples: plan.samples,
      seed: plan.seed,
      backend: run.backend,
      density: flip ? 'q_sym' : 'q',
      description: flip
        ? "the flow's own draws x ~ q, each negated with probability 1/2: exact draws of " +
          'q_sym(x) = [q(x) + q(-x)]/2; z = g^-1(x); not reweighted to the target'
        : "the flow's own draws x ~ q; z = g^-1(x); not reweighted to the target",
      reweighted: false,
      essFraction: drawn.essFraction,
    },
    estimator: {
      name: 'KSG',
      algorithm: plan.algorithm,
      k: plan.k,
      norm: 'max',
      units: 'nats',
      neighbourSearch: DEFAULT_SEARCH,
      ties:
        `a variable that repeats a value gets normal noise of ${TIE_NOISE} times its range; ` +
        'a constant one has mutual information 0',
    },
    levels: { depth, siteLevels: Array.from(siteLevels) },
    mutualInformation,
    jacobian: {
      samples: plan.jacobianSamples,
      latents,
      cosineToHaarByLevel: cosineByLevel(latents),
    },
    timings: {
      samplingSeconds,
      mutualInformationSeconds,
      jacobianSeconds,
      totalSeconds: since(started),
    },
    versions: versions(),
  };
}
