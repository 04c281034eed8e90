import * as fs from 'fs';
import * as path from 'path';
import { asObject, Fields } from './fields';
import { INPUT_FILES, InputFileName } from './input-files';
import { parseAnalysis } from './parse-analysis';
import { parseEstimates } from './parse-estimates';
import { parseMetrics } from './parse-metrics';
import { parseSamplers } from './parse-samplers';
import { parseSummary } from './parse-summary';
import { checkPng } from './png';
import { Problem, ProblemLog } from './problem';
import type { RunData } from './run-data';

/** A file's text, or undefined when it does not exist (other read errors become problems). */
function readText(file: string, log: ProblemLog): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    log.add(`cannot be read: ${(error as Error).message}`);
    return undefined;
  }
}

/** A JSON file's top-level object as Fields; undefined (with a problem) when it is not JSON or not an object. */
function readJsonObject(text: string, log: ProblemLog): Fields | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    log.add(`is not valid JSON: ${(error as Error).message}`);
    return undefined;
  }
  const object = asObject(parsed, 'the file', log);
  return object === undefined ? undefined : new Fields(object, '', log);
}

/** Warns when a file declares a format other than the one the report reads. */
function checkFormat(fields: Fields, format: string, version: number): void {
  const declared = fields.raw('format');
  if (declared !== undefined && declared !== format) {
    fields.problem(
      `format is ${JSON.stringify(declared)}, expected "${format}"; read as far as possible`,
    );
  }
  const declaredVersion = fields.raw('version');
  if (typeof declaredVersion === 'number' && declaredVersion > version) {
    fields.problem(
      `version ${declaredVersion} is newer than ${version}, the one this report knows; read as far as possible`,
    );
  }
}

/**
 * Reads every input file of a run folder that exists. Nothing in a file's
 * contents makes this throw: a malformed file, or a malformed field of
 * one, becomes an entry of `problems` (naming the file, the field or line,
 * and what was expected) and is left out of the data. Files that do not
 * exist are listed in `missing`.
 *
 * @throws RangeError when `folder` does not exist or is not a folder.
 */
export function readRunFolder(folder: string): RunData {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(folder);
  } catch {
    throw new RangeError(`run folder ${folder} does not exist`);
  }
  if (!stat.isDirectory()) throw new RangeError(`run folder ${folder} is not a folder`);

  const problems: Problem[] = [];
  const data: RunData = {
    folder,
    name: path.basename(path.resolve(folder)),
    metrics: [],
    present: [],
    missing: [],
    problems,
  };

  for (const { file } of INPUT_FILES) {
    const log = new ProblemLog(file, problems);
    const full = path.join(folder, file);
    if (file === 'samples.png') {
      readPng(full, file, data, log);
    } else {
      const text = readText(full, log);
      if (text === undefined) {
        if (log.total === 0) data.missing.push(file);
      } else {
        data.present.push(file);
        readInput(file, text, data, log);
      }
    }
    log.close();
  }
  return data;
}

function readPng(full: string, file: string, data: RunData, log: ProblemLog): void {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(full);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') data.missing.push(file);
    else log.add(`cannot be read: ${(error as Error).message}`);
    return;
  }
  data.present.push(file);
  const checked = checkPng(file, bytes);
  if (typeof checked === 'string') log.add(checked);
  else data.samplesPng = checked;
}

function readInput(file: InputFileName, text: string, data: RunData, log: ProblemLog): void {
  if (file === 'metrics.jsonl') {
    data.metrics = parseMetrics(text, log);
    return;
  }
  const fields = readJsonObject(text, log);
  if (fields === undefined) return;
  switch (file) {
    case 'config.json':
      data.config = Object.fromEntries(fields.keys().map((key) => [key, fields.raw(key)]));
      break;
    case 'summary.json':
      data.summary = parseSummary(fields);
      break;
    case 'estimates.json':
      checkFormat(fields, 'neuralrg-estimates', 1);
      data.estimates = parseEstimates(fields);
      break;
    case 'samplers.json':
      checkFormat(fields, 'neuralrg-samplers', 1);
      data.samplers = parseSamplers(fields);
      break;
    case 'analysis.json':
      checkFormat(fields, 'neuralrg-analysis', 1);
      data.analysis = parseAnalysis(fields);
      break;
  }
}
