import * as path from 'path';
import { checkOutputFile } from '../run-folder';
import { BACKENDS } from '@neuralrg/tensor';
import type { BackendName } from '@neuralrg/tensor';
import { UsageError } from '../errors';
import { choiceFlag, integerFlag, optionalFlag } from '../flag-values';

/** Defaults of `neuralrg analyze`. */
export const ANALYZE_DEFAULTS = Object.freeze({
  samples: 2000,
  k: 3,
  algorithm: 1 as 1 | 2,
  seed: 1,
  jacobianSamples: 512,
  distance: 'euclidean' as 'euclidean' | 'manhattan',
});

export const DISTANCES = ['euclidean', 'manhattan'] as const;

/** The flags of `neuralrg analyze`, as commander hands them over. */
export interface AnalyzeFlags {
  samples?: string;
  k?: string;
  algorithm?: string;
  seed?: string;
  backend?: string;
  jacobianSamples?: string;
  distance?: string;
  out?: string;
  csv?: boolean;
  json?: boolean;
  progress?: boolean;
  flip?: boolean;
}

/** A checked analysis request. */
export interface AnalyzePlan {
  runDir: string;
  samples: number;
  k: number;
  algorithm: 1 | 2;
  seed: number;
  /** The backend to use; the run's own when unset. */
  backend?: BackendName;
  jacobianSamples: number;
  distance: 'euclidean' | 'manhattan';
  out: string;
  csv: boolean;
  json: boolean;
  progress: boolean;
  /** For a symmetrised flow, negate half the draws (q_sym); otherwise draws of q. */
  flip: boolean;
}

/**
 * Checks the flags of `neuralrg analyze RUN`.
 *
 * @throws UsageError for a bad value, --samples below k + 1, or
 *   --jacobian-samples above --samples.
 */
export function planAnalyze(runDir: string, flags: AnalyzeFlags): AnalyzePlan {
  const d = ANALYZE_DEFAULTS;
  const samples = optionalFlag(flags.samples, d.samples, (t) => integerFlag('--samples', t, 1));
  const k = optionalFlag(flags.k, d.k, (t) => integerFlag('--k', t, 1));
  if (samples < k + 1) {
    throw new UsageError(
      `--samples ${samples} is too few for --k ${k}: the KSG estimator needs at least k + 1 = ${k + 1}`,
    );
  }
  const jacobianSamples = optionalFlag(flags.jacobianSamples, Math.min(d.jacobianSamples, samples), (t) =>
    integerFlag('--jacobian-samples', t, 1),
  );
  if (jacobianSamples > samples) {
    throw new UsageError(
      `--jacobian-samples ${jacobianSamples} exceeds --samples ${samples}; expected at most ${samples}`,
    );
  }
  const algorithm = optionalFlag(flags.algorithm, String(d.algorithm), (t) =>
    choiceFlag('--algorithm', t, ['1', '2'] as const),
  );
  return {
    runDir,
    samples,
    k,
    algorithm: algorithm === '1' ? 1 : 2,
    seed: optionalFlag(flags.seed, d.seed, (t) => integerFlag('--seed', t, 0)),
    backend: optionalFlag(flags.backend, undefined, (t) => choiceFlag('--backend', t, BACKENDS)),
    jacobianSamples,
    distance: optionalFlag(flags.distance, d.distance, (t) => choiceFlag('--distance', t, DISTANCES)),
    out: flags.out === undefined ? path.join(runDir, 'analysis.json') : checkOutputFile('--out', flags.out),
    csv: flags.csv ?? false,
    json: flags.json ?? false,
    progress: flags.progress ?? true,
    flip: flags.flip ?? true,
  };
}
