import { table } from '../html/table';
import type { RunData } from '../inputs/run-data';
import { paragraph, Section } from './section';

/** Options that describe the program writing the report. */
export interface GeneratorInfo {
  /** e.g. { node: 'v20.20.2', neuralrg: '0.1.0' } */
  versions?: Record<string, string>;
  /** The tensor backend the report itself used (to load the flow), if any. */
  backend?: string;
}

/** Software versions and the tensor backend behind each input file, and of the report itself. */
export function softwareSection(data: RunData, generator: GeneratorInfo = {}): Section {
  const rows: string[][] = [];
  const add = (
    file: string,
    backend: string | undefined,
    versions: Record<string, string> | undefined,
  ) => {
    if (versions === undefined && backend === undefined) return;
    const v = versions ?? {};
    rows.push([file, backend ?? '', v.node ?? '', v.neuralrg ?? '', v.tfjs ?? '']);
  };
  const configBackend =
    typeof data.config?.backend === 'string' ? (data.config.backend as string) : undefined;
  add('config.json', configBackend, undefined);
  add('summary.json', data.summary?.backend, data.summary?.versions);
  add('estimates.json', data.estimates?.backend, data.estimates?.versions);
  add('analysis.json', data.analysis?.backend, data.analysis?.versions);
  add('samplers.json', data.samplers?.backend, data.samplers?.versions);
  add('this report', generator.backend, generator.versions);
  if (rows.length === 0)
    return { id: 'software', title: 'Software', body: paragraph('No version information.') };
  return {
    id: 'software',
    title: 'Software and backend',
    body: table(['from', 'tensor backend', 'node', 'neuralrg', 'tfjs'], rows),
  };
}
