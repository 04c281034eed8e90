import type { EstimatesFile } from './estimates-file';

/** Enough digits to show a value next to its error bar. */
function digitsFor(stdErr: number): number {
  if (!(stdErr > 0) || !Number.isFinite(stdErr)) return 6;
  return Math.min(8, Math.max(2, 2 - Math.floor(Math.log10(stdErr))));
}

function withError(value: number, stdErr: number): string {
  const digits = digitsFor(stdErr);
  return `${value.toFixed(digits)} ± ${stdErr.toFixed(digits)}`;
}

function table(rows: string[][]): string {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  const line = (row: string[]): string =>
    `${row.map((cell, c) => cell.padEnd(widths[c])).join('  ').trimEnd()}\n`;
  return rows.map(line).join('');
}

/** A readable report of estimates.json for stdout. */
export function estimatesTable(file: EstimatesFile, path: string): string {
  const rows: string[][] = [
    ['flow samples', `${file.samples} (seed ${file.seed}, ${file.backend})`],
    ['F_q = E_q[ln q + E]', withError(file.freeEnergy.value, file.freeEnergy.stdErr)],
    [
      'ln Z (importance sampled)',
      `${withError(file.lnZ.value, file.lnZ.stdErr)} ` +
        `(bootstrap ± ${file.lnZ.bootstrapStdErr.toFixed(digitsFor(file.lnZ.stdErr))})`,
    ],
    ['ESS fraction', file.essFraction.toFixed(4)],
    [
      'Pareto k of the weights',
      Number.isFinite(file.paretoK)
        ? `${file.paretoK.toFixed(2)}${file.reliable ? '' : ' (> 0.7: unreliable)'}`
        : 'n/a (needs 25 samples or more)',
    ],
  ];
  if (file.exactLnZ !== undefined) {
    rows.push(['ln Z exact', file.exactLnZ.toFixed(6)]);
    if (file.klGap !== undefined) {
      rows.push(['KL gap F_q + ln Z (nats)', withError(file.klGap.value, file.klGap.stdErr)]);
    }
  }
  if (file.ising !== undefined) {
    rows.push(['ln Z Ising (estimated)', withError(file.ising.lnZ.value, file.ising.lnZ.stdErr)]);
    rows.push(['ln Z Ising exact', file.ising.exactLnZ.toFixed(6)]);
  }
  let text = table(rows);

  if (file.observables.length > 0) {
    const reweighted = file.weights === 'psis' ? 'reweighted (PSIS)' : 'reweighted to pi';
    const header = ['observable', reweighted, 'flow q (plain)', 'exact', 'deviation'];
    const lines = file.observables.map((o) => [
      o.name,
      withError(o.value, o.stdErr),
      withError(o.flowValue, o.flowStdErr),
      o.exact === undefined ? '-' : o.exact.toFixed(6),
      o.deviation === undefined ? '-' : o.deviation.toFixed(2),
    ]);
    text += `\n${table([header, ...lines])}`;
  }
  if (!Number.isFinite(file.paretoK)) {
    text += '\nnote: too few samples to judge the weights; the error bars cannot be trusted\n';
    if (file.weights === 'psis') text += 'note: too few samples to smooth: the values use the raw weights\n';
  } else if (!file.reliable) {
    text +=
      '\nwarning: Pareto k > 0.7: the weights are heavy-tailed, so the reweighted values and\n' +
      'their error bars are not reliable at this sample size; train the flow further\n';
  } else if (file.paretoK > 0.5 && file.weights === 'raw') {
    text +=
      '\nnote: Pareto k > 0.5: the weights have no finite variance, so the error bars are\n' +
      'optimistic; --weights psis smooths the largest weights\n';
  }
  return `${text}\nwritten to ${path}\n`;
}
