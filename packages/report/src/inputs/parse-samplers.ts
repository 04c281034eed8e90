import type { Fields } from './fields';
import type { SamplerObservable, SamplerRow, SamplersData } from './run-data';
import { readVersions } from './versions';

function parseSamplerObservable(fields: Fields): SamplerObservable | undefined {
  const mean = fields.number('mean', { required: true });
  if (mean === undefined) return undefined;
  const entry: SamplerObservable = { mean };
  entry.stdErr = fields.number('stdErr', { min: 0, nullable: true });
  entry.tauInt = fields.number('tauInt', { min: 0, nullable: true });
  entry.tauIntStdErr = fields.number('tauIntStdErr', { min: 0, nullable: true });
  entry.ess = fields.number('ess', { min: 0, nullable: true });
  entry.essPerSecond = fields.number('essPerSecond', { min: 0, nullable: true });
  entry.rhat = fields.number('rhat', { nullable: true });
  entry.exact = fields.number('exact', { nullable: true });
  entry.autocorrelation = fields.numbers('autocorrelation');
  return entry;
}

function parseSampler(fields: Fields): SamplerRow | undefined {
  const sampler = fields.string('sampler', true);
  if (sampler === undefined) return undefined;
  const row: SamplerRow = { sampler, observables: {} };
  row.engine = fields.string('engine');
  row.chains = fields.number('chains', { min: 0 });
  row.steps = fields.number('steps', { min: 0 });
  row.seconds = fields.number('seconds', { min: 0 });
  row.acceptance = fields.number('acceptance', { min: 0, nullable: true });
  const observables = fields.child('observables');
  if (observables !== undefined) {
    for (const name of observables.keys()) {
      if (observables.raw(name) === null) {
        row.observables[name] = null;
        continue;
      }
      const entry = observables.child(name);
      row.observables[name] = entry === undefined ? null : (parseSamplerObservable(entry) ?? null);
    }
  }
  return row;
}

/** samplers.json (format 'neuralrg-samplers', version 1) of `neuralrg compare-samplers`. */
export function parseSamplers(fields: Fields): SamplersData {
  const data: SamplersData = {
    exact: {},
    samplers: fields.objects('samplers', true).flatMap((entry) => parseSampler(entry) ?? []),
    skipped: [],
    versions: readVersions(fields),
  };
  const target = fields.child('target');
  data.L = target?.number('L', { min: 1 });
  data.T = target?.number('T', { min: 0 });
  data.backend = fields.string('backend');
  data.latticeEngine = fields.child('latticeEngine')?.string('name');
  const values = fields.child('exact')?.child('values');
  if (values !== undefined) {
    for (const name of values.keys()) {
      const value = values.number(name);
      if (value !== undefined) data.exact[name] = value;
    }
  }
  for (const entry of fields.objects('skipped')) {
    const sampler = entry.string('sampler', true);
    if (sampler !== undefined) data.skipped.push({ sampler, reason: entry.string('reason') ?? '' });
  }
  return data;
}
