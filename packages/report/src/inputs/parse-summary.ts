import type { Fields } from './fields';
import type { RunSummary } from './run-data';
import { readVersions } from './versions';

/** summary.json, field by field; wrong fields are reported and left out. */
export function parseSummary(fields: Fields): RunSummary {
  const summary: RunSummary = { versions: readVersions(fields) };
  summary.step = fields.number('step', { min: 0 });
  const freeEnergy = fields.number('freeEnergy', { required: true });
  if (freeEnergy !== undefined) {
    summary.freeEnergy = {
      value: freeEnergy,
      stdErr: fields.number('freeEnergyStdErr', { min: 0 }),
    };
  }
  summary.klGap = fields.number('klGap');
  const lnZ = fields.number('lnZ');
  if (lnZ !== undefined)
    summary.lnZ = { value: lnZ, stdErr: fields.number('lnZStdErr', { min: 0 }) };
  const exact = fields.child('exact');
  if (exact !== undefined) {
    summary.exactLnZ = exact.number('lnZ');
    summary.exactLnZIsing = exact.number('lnZIsing');
  }
  summary.essFraction = fields.number('essFraction', { min: 0 });
  summary.evalSamples = fields.number('evalSamples', { min: 0 });
  summary.wallSeconds = fields.number('wallSeconds', { min: 0 });
  summary.trainSeconds = fields.number('trainSeconds', { min: 0 });
  summary.secondsPerStep = fields.number('secondsPerStep', { min: 0 });
  summary.backend = fields.string('backend');
  return summary;
}
