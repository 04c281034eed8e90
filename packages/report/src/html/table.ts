import { element, text } from '../svg/element';

/** A table of text cells (escaped); the first row is the header. */
export function table(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  className = 'data',
): string {
  return element('table', { class: className }, [
    element(
      'thead',
      {},
      element(
        'tr',
        {},
        header.map((cell) => element('th', {}, text(cell))),
      ),
    ),
    element(
      'tbody',
      {},
      rows.map((row) =>
        element(
          'tr',
          {},
          row.map((cell) => element('td', {}, text(cell))),
        ),
      ),
    ),
  ]);
}

/** Two-column name/value rows, without a header. */
export function keyValueTable(rows: readonly (readonly [string, string])[]): string {
  return element(
    'table',
    { class: 'key-value' },
    element(
      'tbody',
      {},
      rows.map(([name, value]) =>
        element('tr', {}, [element('th', {}, text(name)), element('td', {}, text(value))]),
      ),
    ),
  );
}
