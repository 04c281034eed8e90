import { formatNumber, formatWithError } from '../format-number';
import { table } from '../html/table';
import type { RunData } from '../inputs/run-data';
import { correlationFigure } from './correlation';
import { paragraph, Section } from './section';

/**
 * estimates.json's observables as a table (reweighted and plain flow
 * values with error bars, exact values and deviations), followed by the
 * correlation functions versus distance.
 */
export function observablesSection(data: RunData): Section | undefined {
  const estimates = data.estimates;
  if (estimates === undefined && data.samplers === undefined) return undefined;
  const parts: string[] = [];
  if (estimates !== undefined && estimates.observables.length > 0) {
    const rows = estimates.observables.map((row) => [
      row.name,
      formatWithError(row.value, row.stdErr),
      row.flowValue === undefined ? '' : formatWithError(row.flowValue, row.flowStdErr),
      row.exact === undefined ? '' : formatNumber(row.exact, 8),
      row.deviation === undefined ? '' : formatNumber(row.deviation, 2),
    ]);
    parts.push(
      paragraph(
        `From ${estimates.samples ?? '?'} flow samples (estimates.json, step ${estimates.step ?? '?'}). ` +
          '"deviation" is (reweighted - exact) / std. error: mostly within ±2 when the error bars are honest.',
      ),
    );
    parts.push(
      table(['observable', 'reweighted to p', 'flow q, plain', 'exact', 'deviation'], rows),
    );
  }
  for (const prefix of ['correlation', 'connectedCorrelation']) {
    const plot = correlationFigure(data, prefix);
    if (plot !== undefined) parts.push(plot);
  }
  if (parts.length === 0) return undefined;
  return { id: 'observables', title: 'Observables and correlations', body: parts.join('') };
}
