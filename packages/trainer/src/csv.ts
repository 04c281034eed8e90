import type { NumericArray } from './npy';

/**
 * Parses numeric CSV: one sample per line, values separated by commas,
 * semicolons, tabs or spaces. Empty lines and lines starting with '#' are
 * skipped; a first line that is not numeric is taken as a header.
 *
 * @param name - the file name, for messages.
 * @throws Error naming the file, the line and the offending field, or a
 *   line whose number of values differs from the first one.
 */
export function parseCsv(text: string, name: string): NumericArray {
  const rows: number[][] = [];
  const lines = text.split(/\r?\n/);
  let columns = -1;
  let sawHeader = false;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index].trim();
    if (line === '' || line.startsWith('#')) continue;
    const fields = line.split(/[,;\s]+/).filter((field) => field !== '');
    const numbers = fields.map(Number);
    const bad = fields.findIndex(
      (field, i) => Number.isNaN(numbers[i]) && field.toLowerCase() !== 'nan',
    );
    if (bad >= 0) {
      if (rows.length === 0 && !sawHeader) {
        sawHeader = true;
        continue;
      }
      throw new Error(`${name}: line ${index + 1}, column ${bad + 1} is not a number: '${fields[bad]}'`);
    }
    if (columns < 0) columns = numbers.length;
    if (numbers.length !== columns) {
      throw new Error(
        `${name}: line ${index + 1} has ${numbers.length} values, the first data line has ${columns}`,
      );
    }
    rows.push(numbers);
  }
  if (rows.length === 0) throw new Error(`${name} holds no data rows`);

  const values = new Float64Array(rows.length * columns);
  rows.forEach((row, r) => values.set(row, r * columns));
  return { values, shape: [rows.length, columns] };
}
