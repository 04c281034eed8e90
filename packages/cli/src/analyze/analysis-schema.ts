import type { Band } from '@neuralrg/wavelets';

/**
 * The contents of analysis.json, written by `neuralrg analyze RUN`. Field
 * names are part of the file format (version {@link ANALYSIS_VERSION}): a
 * report reads them by name. Sites are numbered row-major, site (i, j) of
 * the L x L lattice is i * L + j; every "per site" array has L * L
 * entries in that order. Mutual information is in nats.
 */
export const ANALYSIS_FORMAT = 'neuralrg-analysis';
export const ANALYSIS_VERSION = 1;

/**
 * Mean and sample standard deviation of a group of numbers (std 0 for one
 * number). A group without members has null instead.
 */
export interface MeanStd {
  mean: number;
  std: number;
}

/** One pair of sites with the mutual information of both variable sets. */
export interface SitePairRecord {
  siteA: number;
  siteB: number;
  /** Periodic (minimum-image) Euclidean distance in lattice spacings. */
  euclideanDistance: number;
  /** Periodic Manhattan distance |di| + |dj| in lattice spacings. */
  manhattanDistance: number;
  /** RG levels of the latent variables at the two sites. */
  levelA: number;
  levelB: number;
  /** I(x_a; x_b) between physical variables. */
  physical: number;
  /** I(z_a; z_b) between latent variables. */
  latent: number;
}

/** Mutual information of the pairs at one distance. */
export interface DistanceGroup {
  distance: number;
  pairs: number;
  physical: MeanStd | null;
  latent: MeanStd | null;
}

/** Pairs of sites whose latent variables both sit at one RG level. */
export interface LevelGroup {
  level: number;
  /** Sites whose latent variable leaves the hierarchy at this level. */
  sites: number[];
  pairs: number;
  physical: MeanStd | null;
  latent: MeanStd | null;
  byDistance: DistanceGroup[];
}

/** Pairs with one site at level levelA and the other at levelB (levelA <= levelB). */
export interface LevelPairGroup {
  levelA: number;
  levelB: number;
  pairs: number;
  physical: MeanStd | null;
  latent: MeanStd | null;
}

/** The Jacobian of one latent variable next to the Haar basis function at its site. */
export interface LatentJacobian {
  site: number;
  row: number;
  col: number;
  level: number;
  /** Haar band at this site: 'approximation', 'detail-j', 'detail-i' or 'detail-ij'. */
  band: Band;
  /** Position of the 2^(level+1) block (or, for the approximation, of the coarse cell). */
  blockRow: number;
  blockCol: number;
  /** E[dz_site / dx_s] over the samples, per physical site s. */
  mean: number[];
  /** Standard deviation of dz_site / dx_s over the samples, per physical site s. */
  std: number[];
  /** The orthonormal 2D Haar basis function of this site (the row of the transform). */
  haar: number[];
  /** <mean, haar> / (|mean| |haar|): 1 when the latent's mean gradient is the Haar function. */
  cosineToHaar: number;
  /** Share of |mean|^2 on the sites where the Haar function is non-zero. */
  haarSupportWeight: number;
}

/** How close the latents of one level are to their Haar functions. */
export interface LevelCosine {
  level: number;
  meanAbsoluteCosine: number;
  latents: number;
}

export interface Analysis {
  format: typeof ANALYSIS_FORMAT;
  version: typeof ANALYSIS_VERSION;
  createdAt: string;
  run: {
    folder: string;
    step: number;
    energy: Record<string, number | string>;
    flow: { layout: string; depth: number; symmetric: boolean };
  };
  lattice: { L: number; sites: number; siteIndex: 'i * L + j'; periodic: true };
  sampling: {
    samples: number;
    seed: number;
    backend: string;
    /** 'q_sym' for a Z2-symmetrised flow, 'q' otherwise. */
    density: 'q' | 'q_sym';
    description: string;
    reweighted: false;
    /** ESS/n of the importance weights pi/q on these samples: how close q is to the target. */
    essFraction: number;
  };
  estimator: {
    name: 'KSG';
    algorithm: 1 | 2;
    k: number;
    norm: 'max';
    units: 'nats';
    neighbourSearch: string;
    ties: string;
  };
  /** Latent RG level of each site; `depth` for the sites that survive every level. */
  levels: { depth: number; siteLevels: number[] };
  mutualInformation: {
    /** The metric the groups use: 'euclidean' or 'manhattan'. */
    groupedBy: 'euclidean' | 'manhattan';
    pairs: SitePairRecord[];
    byDistance: DistanceGroup[];
    byLevel: LevelGroup[];
    betweenLevels: LevelPairGroup[];
    /** Sums over all pairs: the total pairwise mutual information. */
    total: { physical: number; latent: number };
  };
  jacobian: {
    samples: number;
    /** One entry per latent variable, ordered by level (coarse first), band, blockRow, blockCol. */
    latents: LatentJacobian[];
    /** Mean |cosineToHaar| of the latents of each level, coarse first. */
    cosineToHaarByLevel: LevelCosine[];
  };
  timings: {
    samplingSeconds: number;
    mutualInformationSeconds: number;
    jacobianSeconds: number;
    totalSeconds: number;
  };
  versions: { node: string; neuralrg: string; tfjs: string };
}
