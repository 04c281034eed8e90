import { asObject, describeValue, Fields } from './fields';
import type { ProblemLog } from './problem';
import type { MetricPoint } from './run-data';

/**
 * The step records of a metrics.jsonl text. A line that is not JSON, or
 * lacks a finite `step` and `freeEnergy`, is reported (by line number) and
 * skipped; so is a step that does not increase, which would draw the curve
 * backwards. A last line without its newline is being written (or was cut
 * by a crash): it is skipped with a note rather than read half-written.
 */
export function parseMetrics(text: string, log: ProblemLog): MetricPoint[] {
  const lines = text.split('\n');
  const last = lines.pop() ?? '';
  if (last.trim() !== '')
    log.add(`last line ${lines.length + 1} has no newline yet (still being written?); left out`);

  const points: MetricPoint[] = [];
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    const where = `line ${i + 1}`;
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      log.add(`${where} is not valid JSON: ${describeValue(line)}`);
      return;
    }
    const object = asObject(parsed, where, log);
    if (object === undefined) return;
    const fields = new Fields(object, where, log, ': ');
    const step = fields.number('step', { required: true });
    const freeEnergy = fields.number('freeEnergy', { required: true });
    if (step === undefined || freeEnergy === undefined) return;
    const previous = points[points.length - 1];
    if (previous !== undefined && step <= previous.step) {
      log.add(`${where}: step ${step} does not follow step ${previous.step}; left out`);
      return;
    }
    const point: MetricPoint = { step, freeEnergy };
    const stdErr = fields.number('freeEnergyStdErr', { min: 0 });
    const klGap = fields.number('klGap');
    const seconds = fields.number('seconds', { min: 0 });
    if (stdErr !== undefined) point.freeEnergyStdErr = stdErr;
    if (klGap !== undefined) point.klGap = klGap;
    if (seconds !== undefined) point.seconds = seconds;
    points.push(point);
  });
  return points;
}
