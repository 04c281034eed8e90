import * as fs from 'fs';
import * as path from 'path';
import { RunError, UsageError } from '../errors';
import { SAMPLE_FILES } from './sample-state';
import { SAMPLERS_FORMAT, SAMPLERS_VERSION } from './samplers-report';
import type { ReportSource, SamplersReport } from './samplers-report';
import { samplersDocumentProblem } from './samplers-document';

/**
 * The results file behind one `--from` entry: a folder of `neuralrg
 * sample` (its sample.json), or a samplers.json / sample.json file itself.
 */
export function resultsFile(entry: string): string {
  if (fs.existsSync(entry) && fs.statSync(entry).isDirectory()) {
    return path.join(entry, SAMPLE_FILES.results);
  }
  return entry;
}

/** A file's real path (links resolved) when it exists, else its absolute path. */
export function realPath(file: string): string {
  return fs.existsSync(file) ? fs.realpathSync(file) : path.resolve(file);
}

/** Reads and checks one results file; RunError says what is wrong with it. */
function readResults(file: string): SamplersReport {
  if (!fs.existsSync(file)) {
    throw new RunError(
      `--from: ${file} does not exist; expected a folder of 'neuralrg sample' ` +
        `with its ${SAMPLE_FILES.results}, or a samplers JSON file`,
    );
  }
  if (fs.statSync(file).isDirectory()) {
    throw new RunError(`--from: ${file} is a folder, expected a samplers JSON file`);
  }
  let parsed: Partial<SamplersReport> | null;
  try {
    parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<SamplersReport> | null;
  } catch (error) {
    throw new RunError(`--from: ${file} is not valid JSON: ${(error as Error).message}`);
  }
  if (
    typeof parsed !== 'object' ||
    parsed === null ||
    parsed.format !== SAMPLERS_FORMAT ||
    parsed.version !== SAMPLERS_VERSION
  ) {
    const { format, version } = (parsed ?? {}) as { format?: unknown; version?: unknown };
    throw new RunError(
      `--from: ${file} is not a ${SAMPLERS_FORMAT} version ${SAMPLERS_VERSION} file ` +
        `(format ${JSON.stringify(format) ?? 'absent'}, version ${JSON.stringify(version) ?? 'absent'})`,
    );
  }
  const problem = samplersDocumentProblem(parsed);
  if (problem !== undefined) {
    throw new RunError(`--from: ${file} is not a complete ${SAMPLERS_FORMAT} file: ${problem}`);
  }
  return parsed as SamplersReport;
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
  const seen = new Map<string, string>();
  for (const file of files) {
    const real = realPath(file);
    const earlier = seen.get(real);
    if (earlier !== undefined) {
      throw new UsageError(`--from names one file twice: ${earlier} and ${file}`);
    }
    seen.set(real, file);
  }
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
    if (flow !== null && (!sameFolder(flow.dir, report.flow.dir) || flow.step !== report.flow.step)) {
      throw new RunError(
        `--from: ${files[i]} used the flow ${describeFlow(report.flow)}, another file ` +
          `${describeFlow(flow)}; compare runs of one flow`,
      );
    }
    flow = report.flow;
  });
  // A combined file brings its own sources, so every row keeps its origin.
  const sources: ReportSource[] = reports.flatMap(
    (report, i) =>
      report.sources ?? [
        {
          file: files[i],
          createdAt: report.createdAt,
          settings: report.settings,
          samplers: report.samplers.map((summary) => summary.sampler),
        },
      ],
  );
  return {
    ...first,
    createdAt: new Date().toISOString(),
    flow,
    samplers: reports.flatMap((report) => report.samplers),
    skipped: reports.flatMap((report) => report.skipped),
    sources,
  };
}

/** Whether two paths name one folder: equal, or equal once links are resolved. */
function sameFolder(a: string, b: string): boolean {
  return a === b || realPath(a) === realPath(b);
}
