import type { SamplersReport } from './samplers-report';

/**
 * Checks of a samplers document read back from disk (`compare-samplers
 * --from`): every field the comparison table and the merge read, with its
 * type. A hand-edited or partial file is then named with what is wrong,
 * rather than failing inside the table.
 */

type Check = (value: unknown) => boolean;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isNumber: Check = (value) => typeof value === 'number' && !Number.isNaN(value);
const isString: Check = (value) => typeof value === 'string';
const isCount: Check = (value) => Number.isInteger(value) && (value as number) >= 0;
const orNull =
  (check: Check): Check =>
  (value) =>
    value === null || check(value);

/** The first field of `value` that fails its check, as `path: expected`, or undefined. */
function firstProblem(
  value: unknown,
  fields: Record<string, [Check, string]>,
  where: string,
): string | undefined {
  if (!isObject(value)) return `${where} must be an object`;
  for (const [name, [check, expected]] of Object.entries(fields)) {
    if (!check(value[name])) return `${where}.${name} must be ${expected}`;
  }
  return undefined;
}

const OBSERVABLE: Record<string, [Check, string]> = {
  mean: [isNumber, 'a number'],
  stdErr: [isNumber, 'a number'],
  tauInt: [isNumber, 'a number'],
  tauIntStdErr: [isNumber, 'a number'],
  windowFound: [(v) => typeof v === 'boolean', 'true or false'],
  essPerSecond: [orNull(isNumber), 'a number or null'],
  rhat: [orNull(isNumber), 'a number or null'],
  zScore: [orNull(isNumber), 'a number or null'],
};

const SAMPLER: Record<string, [Check, string]> = {
  sampler: [isString, 'a sampler name'],
  stepUnit: [isString, 'text'],
  engine: [isString, 'text'],
  ended: [isString, 'text'],
  steps: [isCount, 'a count'],
  chains: [isCount, 'a count'],
  liveChains: [isCount, 'a count'],
  acceptance: [orNull(isNumber), 'a number or null'],
  settings: [isObject, 'an object'],
  observables: [isObject, 'an object'],
  stopped: [Array.isArray, 'a list'],
};

const SETTINGS: Record<string, [Check, string]> = {
  seed: [isCount, 'a count'],
  sweeps: [isCount, 'a count'],
  seconds: [isNumber, 'a number'],
};

/** What a samplers document lacks for a comparison table, or undefined when it is whole. */
export function samplersDocumentProblem(report: Partial<SamplersReport>): string | undefined {
  const target = report.target as unknown;
  if (!isObject(target) || !isCount(target.L) || (target.L as number) < 2 || (target.L as number) % 2 !== 0) {
    return 'target.L must be an even integer >= 2';
  }
  if (!isNumber(target.T) || (target.T as number) <= 0) return 'target.T must be a positive number';
  const exact = report.exact as unknown;
  if (!isObject(exact) || !isObject(exact.values) || !isNumber(exact.values.energy)) {
    return 'exact.values.energy must be a number';
  }
  const problem =
    firstProblem(report.settings, SETTINGS, 'settings') ??
    firstProblem(report.latticeEngine, { name: [isString, 'text'], reason: [isString, 'text'] }, 'latticeEngine');
  if (problem !== undefined) return problem;
  const flow = report.flow as unknown;
  if (flow !== null && !(isObject(flow) && isString(flow.dir) && isCount(flow.step))) {
    return 'flow must be null or have a folder and a step';
  }
  if (!Array.isArray(report.samplers) || report.samplers.length === 0) {
    return 'it holds no sampler results';
  }
  for (const [i, entry] of (report.samplers as unknown[]).entries()) {
    const where = `samplers[${i}]`;
    const found = firstProblem(entry, SAMPLER, where) ?? entryProblem(entry as Record<string, unknown>, where);
    if (found !== undefined) return found;
  }
  if (!Array.isArray(report.skipped)) return 'skipped must be a list';
  for (const [i, skip] of (report.skipped as unknown[]).entries()) {
    const found = firstProblem(skip, { sampler: [isString, 'text'], reason: [isString, 'text'] }, `skipped[${i}]`);
    if (found !== undefined) return found;
  }
  const sourceProblem = sourcesProblem(report.sources);
  if (sourceProblem !== undefined) return sourceProblem;
  const rows = (report.sources ?? []).reduce((n, source) => n + source.samplers.length, 0);
  if (report.sources !== undefined && rows !== report.samplers.length) {
    return `sources account for ${rows} rows, the file holds ${report.samplers.length}`;
  }
  return undefined;
}

function entryProblem(entry: Record<string, unknown>, where: string): string | undefined {
  for (const [name, observable] of Object.entries(entry.observables as Record<string, unknown>)) {
    if (observable === null) continue;
    const found = firstProblem(observable, OBSERVABLE, `${where}.observables.${name}`);
    if (found !== undefined) return found;
  }
  for (const [i, stop] of (entry.stopped as unknown[]).entries()) {
    const fields: Record<string, [Check, string]> = {
      chain: [isCount, 'a count'],
      step: [isCount, 'a count'],
      reason: [isString, 'text'],
    };
    const found = firstProblem(stop, fields, `${where}.stopped[${i}]`);
    if (found !== undefined) return found;
  }
  const paretoK = (entry.settings as Record<string, unknown>).paretoK;
  if (paretoK !== undefined && !orNull(isNumber)(paretoK)) {
    return `${where}.settings.paretoK must be a number or null`;
  }
  return undefined;
}

/** A combined document's own sources, which a further combination carries on. */
function sourcesProblem(sources: unknown): string | undefined {
  if (sources === undefined) return undefined;
  if (!Array.isArray(sources)) return 'sources must be a list';
  for (const [i, source] of sources.entries()) {
    const where = `sources[${i}]`;
    const found =
      firstProblem(source, { file: [isString, 'text'], createdAt: [isString, 'text'] }, where) ??
      firstProblem((source as Record<string, unknown>).settings, SETTINGS, `${where}.settings`);
    if (found !== undefined) return found;
    const samplers = (source as Record<string, unknown>).samplers;
    if (!Array.isArray(samplers) || !samplers.every(isString)) {
      return `${where}.samplers must be a list of sampler names`;
    }
  }
  return undefined;
}
