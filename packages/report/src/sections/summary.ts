import { formatNumber, formatWithError } from '../format-number';
import { table } from '../html/table';
import type { ValueWithError } from '../inputs/fields';
import type { RunData } from '../inputs/run-data';
import { exactLnZ } from './exact-free-energy';
import { paragraph, Section } from './section';

type Row = [string, string, string];

function estimateText(estimate: ValueWithError | undefined): string | undefined {
  return estimate === undefined ? undefined : formatWithError(estimate.value, estimate.stdErr);
}

/** The run's headline numbers with error bars (one standard error), and where each comes from. */
export function summarySection(data: RunData): Section {
  const rows: Row[] = [];
  const add = (name: string, value: string | undefined, source: string) => {
    if (value !== undefined) rows.push([name, value, source]);
  };
  const { summary, estimates } = data;
  const summarySource = `summary.json (${summary?.evalSamples ?? '?'} samples)`;
  const estimatesSource = `estimates.json (${estimates?.samples ?? '?'} samples)`;

  const lnZ = exactLnZ(data);
  add('exact -ln Z', lnZ === undefined ? undefined : formatNumber(-lnZ, 10), 'closed form');
  add('F_q (upper bound on -ln Z)', estimateText(summary?.freeEnergy), summarySource);
  add('F_q (upper bound on -ln Z)', estimateText(estimates?.freeEnergy), estimatesSource);
  if (summary?.klGap !== undefined) {
    add(
      'gap F_q + ln Z (nats)',
      formatWithError(summary.klGap, summary.freeEnergy?.stdErr),
      summarySource,
    );
  }
  add('gap F_q + ln Z (nats)', estimateText(estimates?.klGap), estimatesSource);
  if (lnZ !== undefined) add('exact ln Z', formatNumber(lnZ, 10), 'closed form');
  add('ln Z, importance sampled', estimateText(summary?.lnZ), summarySource);
  if (estimates?.lnZ !== undefined) {
    const bootstrap = estimates.lnZBootstrapStdErr;
    const text =
      estimateText(estimates.lnZ) +
      (bootstrap === undefined ? '' : ` (bootstrap ± ${formatNumber(bootstrap, 2)})`);
    add('ln Z, importance sampled', text, estimatesSource);
  }
  if (estimates?.lnZDeviation !== undefined) {
    add('(ln Z - exact) / std. error', formatNumber(estimates.lnZDeviation, 3), estimatesSource);
  }
  add(
    'ln Z of the Ising model, exact',
    summary?.exactLnZIsing === undefined ? undefined : formatNumber(summary.exactLnZIsing, 10),
    'Kaufman',
  );
  add('ln Z of the Ising model, estimated', estimateText(estimates?.isingLnZ), estimatesSource);
  add(
    'ESS / n',
    summary?.essFraction === undefined ? undefined : formatNumber(summary.essFraction, 4),
    summarySource,
  );
  add(
    'ESS / n',
    estimates?.essFraction === undefined ? undefined : formatNumber(estimates.essFraction, 4),
    estimatesSource,
  );
  add('steps', summary?.step === undefined ? undefined : String(summary.step), 'summary.json');
  add(
    'training time (s)',
    summary?.trainSeconds === undefined ? undefined : formatNumber(summary.trainSeconds, 4),
    'summary.json',
  );
  add(
    'seconds per step',
    summary?.secondsPerStep === undefined ? undefined : formatNumber(summary.secondsPerStep, 3),
    'summary.json',
  );

  const note = paragraph(
    'Errors are one standard error. ln Z from importance sampling is ln mean(w), w = exp(-E(x)) / q(x), x ~ q; ' +
      'the ESS fraction (sum w)^2 / (n sum w^2) says how usable the flow is as a proposal.',
    'note',
  );
  if (rows.length === 0) {
    return {
      id: 'summary',
      title: 'Summary',
      body: paragraph('No final numbers yet: summary.json and estimates.json are missing.'),
    };
  }
  return {
    id: 'summary',
    title: 'Summary',
    body: table(['quantity', 'value', 'from'], rows) + note,
  };
}
