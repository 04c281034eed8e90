import * as fs from 'fs';
import * as path from 'path';
import { RunError, UsageError } from '../errors';
import { SAMPLE_FILES } from './sample-state';
import { SAMPLERS_FORMAT, SAMPLERS_VERSION } from './samplers-report';
import type { ReportSource, SamplersReport } from './samplers-report';

/**
 * The results file behind one `--from` entry: a folder of `neuralrg
 * sample` (its sample.json), or a samplers.json / sample.json file itself.
 */
function resultsFile(entry: string): string {
  if (fs.existsSync(entry) && fs.statSync(entry).isDirectory()) {
    return path.join(entry, SAMPLE_FILES.results);
  }
  return entry;
}

/** Reads and checks one results file; RunError says what is wrong with it. */
function readResults(file: string): SamplersReport {
  if (!fs.existsSync(file)) {
    throw new RunError(
      `--from: ${file} does not exist; expected a folder of 'neuralrg sample' ` +
        `with its ${SAMPLE_FILES.results}, or a samplers JSON file`,
    );
  }
  let parsed: Partial<SamplersReport>;
  try {
    parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<SamplersReport>;
  } catch (error) {
    throw new RunError(`--from: ${file} is not valid JSON: ${(error as Error).message}`);
  }
  if (parsed.format !== SAMPLERS_FORMAT || parsed.version !== SAMPLERS_VERSION) {
    throw new RunError(
      `--from: ${file} is not a ${SAMPLERS_FORMAT} version ${SAMPLERS_VERSION} file ` +
        `(format ${String(parsed.format)}, version ${String(parsed.version)})`,
    );
  }
  const problem = missingPart(parsed);
  if (problem !== undefined) {
    throw new RunError(`--from: ${file} is not a complete ${SAMPLERS_FORMAT} file: ${problem}`);
  }
  return parsed as SamplersReport;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** What a samplers document lacks for a comparison table, or undefined when it is whole. */
function missingPart(report: Partial<SamplersReport>): string | undefined {
  const target = report.target as unknown;
  if (!isObject(target) || !Number.isInteger(target.L) || !Number.isFinite(target.T)) {
    return 'target must have an integer L and a finite T';
  }
  if (!isObject(report.exact) || !isObject(report.exact.values)) return 'exact values are missing';
  if (!isObject(report.settings) || !isObject(report.latticeEngine)) {
    return 'settings or latticeEngine are missing';
  }
  if (report.flow !== null && !(isObject(report.flow) && typeof report.flow.dir === 'string')) {
    return 'flow must be null or name its folder';
  }
  if (!Array.isArray(report.samplers) || report.samplers.length === 0) {
    return 'it holds no sampler results';
  }
  for (const [i, entry] of report.samplers.entries()) {
    if (!isObject(entry) || typeof entry.sampler !== 'string' || !isObject(entry.observables)) {
      return `samplers[${i}] must name its sampler and hold its observables`;
    }
    for (const [name, observable] of Object.entries(entry.observables)) {
      if (observable === null) continue;
      const numbers = isObject(observable) ? [observable.mean, observable.stdErr, observable.tauInt] : [];
      if (numbers.length === 0 || !numbers.every((v) => typeof v === 'number')) {
        return `samplers[${i}].observables.${name} must have a numeric mean, stdErr and tauInt`;
      }
    }
  }
  if (!Array.isArray(report.skipped)) return 'skipped must be a list';
  return undefined;
}

const describeFlow = (flow: SamplersReport['flow']): string =>
  flow === null ? 'none' : `${flow.dir} at step ${flow.step}`;

/**
 * One comparison from the results of finished (or resumed) runs: the
 * sampler summaries of every file, side by side, in the order given. The
 * runs must share the target (L and T exactly) and, among those that used
 * one, the flow (folder and step). The first file gives the top-level
 * settings and engine of the report; `sources` keeps every file's own
 * settings, and each summary its own steps, chains and time.
 *
 * @throws UsageError for an empty list; RunError for a missing or foreign
 *   file, or runs on different targets or flows.
 */
export function mergeReports(entries: readonly string[]): SamplersReport {
  if (entries.length === 0) {
    throw new UsageError('--from needs at least one sample run folder or samplers JSON file');
  }
  const files = entries.map(resultsFile);
  const reports = files.map(readResults);
  const first = reports[0];
  let flow = first.flow;
  reports.forEach((report, i) => {
    const { L, T } = report.target;
    if (L !== first.target.L || T !== first.target.T) {
      throw new RunError(
        `--from: ${files[i]} is for L = ${L}, T = ${T}, but ${files[0]} is for ` +
          `L = ${first.target.L}, T = ${first.target.T}; compare runs of one target`,
      );
    }
    if (report.flow === null) return;
    if (flow !== null && (flow.dir !== report.flow.dir || flow.step !== report.flow.step)) {
      throw new RunError(
        `--from: ${files[i]} used the flow ${describeFlow(report.flow)}, another file ` +
          `${describeFlow(flow)}; compare runs of one flow`,
      );
    }
    flow = report.flow;
  });
  const sources: ReportSource[] = reports.map((report, i) => ({
    file: files[i],
    createdAt: report.createdAt,
    settings: report.settings,
    samplers: report.samplers.map((summary) => summary.sampler),
  }));
  return {
    ...first,
    createdAt: new Date().toISOString(),
    flow,
    samplers: reports.flatMap((report) => report.samplers),
    skipped: reports.flatMap((report) => report.skipped),
    sources,
  };
}
