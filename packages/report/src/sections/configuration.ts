import { keyValueTable } from '../html/table';
import type { RunData } from '../inputs/run-data';
import { paragraph, Section } from './section';

/** Most rows the config table shows; a config bigger than this is cut with a note. */
const MAX_ROWS = 400;

/**
 * Flattens a JSON value into [path, text] rows: nested objects become
 * dotted paths, arrays of plain values one comma-separated cell.
 */
export function flattenConfig(
  value: unknown,
  path = '',
  rows: [string, string][] = [],
): [string, string][] {
  if (rows.length > MAX_ROWS) return rows;
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length === 0) rows.push([path, '{}']);
    for (const [key, inner] of entries)
      flattenConfig(inner, path === '' ? key : `${path}.${key}`, rows);
    return rows;
  }
  if (
    Array.isArray(value) &&
    value.every((element) => element === null || typeof element !== 'object')
  ) {
    rows.push([path, value.map((element) => JSON.stringify(element)).join(', ')]);
    return rows;
  }
  if (Array.isArray(value)) {
    value.forEach((element, i) => flattenConfig(element, `${path}[${i}]`, rows));
    return rows;
  }
  rows.push([path, typeof value === 'string' ? value : JSON.stringify(value)]);
  return rows;
}

/** config.json as a table of dotted paths and values. */
export function configurationSection(data: RunData): Section {
  if (data.config === undefined) {
    return {
      id: 'configuration',
      title: 'Configuration',
      body: paragraph('config.json could not be read (see Problems).'),
    };
  }
  const rows = flattenConfig(data.config);
  const cut =
    rows.length > MAX_ROWS ? paragraph(`Only the first ${MAX_ROWS} entries are shown.`) : '';
  return {
    id: 'configuration',
    title: 'Configuration',
    body: keyValueTable(rows.slice(0, MAX_ROWS)) + cut,
  };
}
