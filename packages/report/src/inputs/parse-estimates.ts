import type { Fields } from './fields';
import type { EstimatesData, ObservableRow } from './run-data';
import { readVersions } from './versions';

function parseObservable(fields: Fields): ObservableRow | undefined {
  const name = fields.string('name', true);
  const value = fields.number('value', { required: true });
  if (name === undefined || value === undefined) return undefined;
  const row: ObservableRow = { name, value };
  row.description = fields.string('description');
  row.stdErr = fields.number('stdErr', { min: 0 });
  row.flowValue = fields.number('flowValue');
  row.flowStdErr = fields.number('flowStdErr', { min: 0 });
  row.exact = fields.number('exact');
  row.deviation = fields.number('deviation');
  return row;
}

/** estimates.json (format 'neuralrg-estimates', version 1) of `neuralrg estimate`. */
export function parseEstimates(fields: Fields): EstimatesData {
  const data: EstimatesData = {
    observables: fields.objects('observables').flatMap((entry) => parseObservable(entry) ?? []),
    versions: readVersions(fields),
  };
  data.step = fields.number('step', { min: 0 });
  data.samples = fields.number('samples', { min: 0 });
  data.backend = fields.string('backend');
  data.freeEnergy = fields.estimate('freeEnergy', true);
  data.lnZ = fields.estimate('lnZ');
  data.lnZBootstrapStdErr = fields.child('lnZ')?.number('bootstrapStdErr', { min: 0 });
  data.essFraction = fields.number('essFraction', { min: 0 });
  data.exactLnZ = fields.number('exactLnZ');
  data.klGap = fields.estimate('klGap');
  data.lnZDeviation = fields.number('lnZDeviation');
  const ising = fields.child('ising');
  if (ising !== undefined) {
    data.isingLnZ = ising.estimate('lnZ');
    data.isingExactLnZ = ising.number('exactLnZ');
  }
  return data;
}
