import type { Fields } from './fields';

/** A `versions` object of string values (node, neuralrg, tfjs, ...); other values are reported. */
export function readVersions(fields: Fields): Record<string, string> {
  const versions = fields.child('versions');
  if (versions === undefined) return {};
  const result: Record<string, string> = {};
  for (const name of ['node', 'neuralrg', 'tfjs']) {
    const value = versions.string(name);
    if (value !== undefined) result[name] = value;
  }
  return result;
}
