import type { IsingExactObservables, SamplerKind, SamplerSummary } from '@neuralrg/samplers';
import { currentDevice } from '@neuralrg/tensor';
import { writeFileAtomic } from '@neuralrg/trainer';
import type { FlowRun } from './flow-run';
import { versions } from '../versions';
import type { Versions } from '../versions';
import type { SamplingSettings } from './sampling-flags';

export const SAMPLERS_FORMAT = 'neuralrg-samplers';
export const SAMPLERS_VERSION = 1;

/**
 * The JSON document of `compare-samplers` (RUN/samplers.json or --out) and
 * of `neuralrg sample` (OUT/sample.json). Its schema is written out in the
 * CLI and samplers READMEs; keep the names stable, reports read them.
 */
export interface SamplersReport {
  format: typeof SAMPLERS_FORMAT;
  version: typeof SAMPLERS_VERSION;
  createdAt: string;
  target: { model: 'ising'; L: number; T: number; sites: number };
  /** Exact expectations per observable, and how each was obtained. */
  exact: IsingExactObservables;
  /** The flow behind latent-hmc and flow-metropolis, or null. */
  flow: { dir: string; step: number; symmetric: boolean } | null;
  settings: SamplingSettings;
  /** The tfjs backend of the HMC and flow samplers. */
  backend: string;
  /** The code that ran the lattice samplers, and why. */
  latticeEngine: { name: string; reason: string };
  samplers: SamplerSummary[];
  /** Samplers asked for but not run, with the reason. */
  skipped: { sampler: SamplerKind; reason: string }[];
  versions: Versions;
  /** With `compare-samplers --from`: the files it combined, in order, each with its settings. */
  sources?: ReportSource[];
}

/** One file behind a combined report: where it is, how it was run, which rows it gave. */
export interface ReportSource {
  file: string;
  createdAt: string;
  settings: SamplingSettings;
  /** The sampler of each of its rows, in order. */
  samplers: SamplerKind[];
}

/** What a sampling command knows when it writes its report. */
export interface ReportParts {
  target: { L: number; T: number };
  exact: IsingExactObservables;
  flowRun: FlowRun | undefined;
  settings: SamplingSettings;
  engine: { name: string; reason: string };
  samplers: SamplerSummary[];
  skipped: { sampler: SamplerKind; reason: string }[];
}

/** Assembles the report, with the backend in use; `createdAt` is now. */
export function buildReport(parts: ReportParts): SamplersReport {
  const { target, flowRun, engine } = parts;
  return {
    format: SAMPLERS_FORMAT,
    version: SAMPLERS_VERSION,
    createdAt: new Date().toISOString(),
    target: { model: 'ising', L: target.L, T: target.T, sites: target.L * target.L },
    exact: parts.exact,
    flow:
      flowRun === undefined
        ? null
        : { dir: flowRun.dir, step: flowRun.step, symmetric: flowRun.flow.symmetric },
    settings: parts.settings,
    backend: currentDevice().backend,
    latticeEngine: { name: engine.name, reason: engine.reason },
    samplers: parts.samplers,
    skipped: parts.skipped,
    versions: versions(),
  };
}

/** Writes the report atomically as indented JSON. */
export function writeReport(file: string, report: SamplersReport): void {
  writeFileAtomic(file, `${JSON.stringify(report, null, 2)}\n`);
}
