import { formatNumber, formatWithError } from '../format-number';
import { figure } from '../html/figure';
import { table } from '../html/table';
import type { RunData, SamplersData } from '../inputs/run-data';
import { BarSeries, bars } from '../svg/bars';
import { linearExtent, logExtent } from '../svg/extent';
import { barOutlines } from '../series/bar-outlines';
import { legend, LegendEntry, PointSet } from '../svg/legend';
import { horizontalLine, line } from '../svg/line';
import { markers } from '../svg/markers';
import { seriesColour } from '../svg/palette';
import { Layer, panel } from '../svg/panel';
import { canonicalObservable } from './observable-names';
import { paragraph, Section } from './section';

function observableNames(data: SamplersData): string[] {
  const names: string[] = [];
  for (const sampler of data.samplers) {
    for (const name of Object.keys(sampler.observables))
      if (!names.includes(name)) names.push(name);
  }
  return names;
}

function categoryAxis(data: SamplersData) {
  return {
    label: 'sampler',
    domain: [-0.5, data.samplers.length - 0.5] as [number, number],
    categories: data.samplers.map((s) => s.sampler),
  };
}

function acceptanceFigure(data: SamplersData): string {
  const svg = panel(
    {
      id: 'acceptance',
      title: 'Acceptance',
      x: categoryAxis(data),
      y: { label: 'mean acceptance', domain: [0, 1] },
      height: 260,
    },
    [
      bars([
        {
          label: 'acceptance',
          colour: seriesColour(0),
          values: data.samplers.map((s) => s.acceptance ?? null),
        },
      ]),
    ],
  );
  return figure(
    'sampler-acceptance',
    svg,
    'Mean acceptance per step over the chains that never stopped: the Metropolis probability for HMC and the ' +
      'flow independence sampler, the fraction of accepted flips per sweep for Metropolis, 1 for Wolff. n/a: not measured.',
  );
}

/** Grouped bars of one per-observable diagnostic, on a log axis. */
function diagnosticFigure(
  data: SamplersData,
  plot: string,
  title: string,
  yLabel: string,
  pick: (
    entry: NonNullable<SamplersData['samplers'][number]['observables'][string]>,
  ) => [number | undefined, number | undefined],
  caption: string,
): string | undefined {
  const names = observableNames(data);
  const series: BarSeries[] = names.map((name, k) => ({
    label: name,
    colour: seriesColour(k),
    values: data.samplers.map((s) => {
      const entry = s.observables[name];
      return entry === null || entry === undefined ? null : (pick(entry)[0] ?? null);
    }),
    errors: data.samplers.map((s) => {
      const entry = s.observables[name];
      return entry === null || entry === undefined ? null : (pick(entry)[1] ?? null);
    }),
  }));
  const values = series.flatMap((s) =>
    s.values.map((v, i) => [v ?? NaN, (v ?? NaN) + (s.errors?.[i] ?? 0)]).flat(),
  );
  const domain = logExtent(values);
  if (domain === undefined) return undefined;
  const svg = panel(
    {
      id: plot,
      title,
      x: categoryAxis(data),
      y: { label: yLabel, domain, kind: 'log' },
      height: 280,
    },
    [
      bars(series),
      legend(
        series.map((s) => ({
          label: s.label,
          colour: s.colour,
          mark: 'band' as const,
          opacity: 1,
        })),
        barOutlines(series, domain[0]),
      ),
    ],
  );
  return figure(plot, svg, caption);
}

/** Per observable: every source's mean with its error bar against the exact value. */
function comparisonFigure(
  run: RunData,
  data: SamplersData,
  name: string,
  index: number,
): string | undefined {
  const labels: string[] = [];
  const values: number[] = [];
  const errors: number[] = [];
  const estimate = run.estimates?.observables.find(
    (row) => canonicalObservable(row.name) === canonicalObservable(name),
  );
  if (estimate !== undefined) {
    if (estimate.flowValue !== undefined) {
      labels.push('flow q');
      values.push(estimate.flowValue);
      errors.push(estimate.flowStdErr ?? NaN);
    }
    labels.push('flow reweighted');
    values.push(estimate.value);
    errors.push(estimate.stdErr ?? NaN);
  }
  for (const sampler of data.samplers) {
    const entry = sampler.observables[name];
    if (entry === null || entry === undefined) continue;
    labels.push(sampler.sampler);
    values.push(entry.mean);
    errors.push(entry.stdErr ?? NaN);
  }
  if (labels.length === 0) return undefined;
  const exact = data.exact[name] ?? estimate?.exact;
  const span = values.flatMap((v, i) => [v - (errors[i] || 0), v + (errors[i] || 0)]);
  const domain = linearExtent(span, {
    include: exact === undefined ? [] : [exact],
    padding: 0.15,
  }) as [number, number];
  const layers: Layer[] = [];
  if (exact !== undefined)
    layers.push(horizontalLine(exact, { colour: seriesColour(6), dash: '6 4', width: 1.2 }));
  const positions = labels.map((_, k) => k);
  layers.push(
    markers(positions, values, { colour: seriesColour(index), shape: 'circle', size: 3.5 }, errors),
  );
  if (exact !== undefined) {
    const avoid = [
      { xs: positions, ys: values.map((v, i) => v + (errors[i] || 0)) },
      { xs: positions, ys: values.map((v, i) => v - (errors[i] || 0)) },
      { xs: positions, ys: values },
    ];
    layers.push(
      legend(
        [{ label: `exact ${formatNumber(exact, 6)}`, colour: seriesColour(6), mark: 'dash' }],
        avoid,
      ),
    );
  }
  const svg = panel(
    {
      id: `compare-${name}`,
      title: `${name}: flow, MCMC and exact`,
      x: { label: 'estimate', domain: [-0.5, labels.length - 0.5], categories: labels },
      y: { label: name, domain },
      height: 260,
    },
    layers,
  );
  return figure(
    `observable-${name}`,
    svg,
    `Mean of ${name} with one-standard-error bars (from tau_int for the samplers) from every source that measured it` +
      (exact === undefined ? '.' : ', and its exact value (dashed).'),
  );
}

function autocorrelationFigure(data: SamplersData): string | undefined {
  const name = observableNames(data)[0];
  if (name === undefined) return undefined;
  const layers: Layer[] = [];
  const entries: LegendEntry[] = [];
  let lagMax = 1;
  const avoid: PointSet[] = [];
  data.samplers.forEach((sampler, k) => {
    const rho = sampler.observables[name]?.autocorrelation;
    if (rho === undefined || rho.length < 2) return;
    const shown = rho.slice(0, 200);
    avoid.push({ xs: shown.map((_, t) => t), ys: shown });
    lagMax = Math.max(lagMax, shown.length - 1);
    layers.push(
      line(
        shown.map((_, t) => t),
        shown,
        { colour: seriesColour(k), width: 1.6 },
      ),
    );
    entries.push({ label: sampler.sampler, colour: seriesColour(k), mark: 'line' as const });
  });
  if (entries.length === 0) return undefined;
  layers.unshift(horizontalLine(0, { colour: '#888888', width: 1 }));
  layers.push(legend(entries, avoid));
  const svg = panel(
    {
      id: 'autocorrelation',
      title: `Autocorrelation of ${name}`,
      x: { label: 'lag t (sampler steps)', domain: [0, lagMax] },
      y: { label: 'rho(t)', domain: [-0.2, 1.05] },
    },
    layers,
  );
  return figure(
    'sampler-autocorrelation',
    svg,
    `Normalised autocorrelation rho(t) of ${name} for each sampler, up to the lags samplers.json keeps (at most 200 shown); ` +
      'tau_int = 1/2 + sum_t rho(t) over the Madras-Sokal window.',
  );
}

function samplersTable(data: SamplersData): string {
  const rows = data.samplers.flatMap((s) =>
    Object.entries(s.observables).map(([name, entry]) => [
      s.sampler,
      s.engine ?? '',
      s.acceptance === undefined ? 'n/a' : formatNumber(s.acceptance, 3),
      name,
      entry === null ? 'n/a' : formatWithError(entry.mean, entry.stdErr),
      entry?.tauInt === undefined ? 'n/a' : formatWithError(entry.tauInt, entry.tauIntStdErr),
      entry?.essPerSecond === undefined ? 'n/a' : formatNumber(entry.essPerSecond, 3),
      entry?.rhat === undefined ? 'n/a' : formatNumber(entry.rhat, 4),
    ]),
  );
  return table(
    ['sampler', 'engine', 'acceptance', 'observable', 'mean', 'tau_int', 'ESS / s', 'R-hat'],
    rows,
  );
}

/** Sampler comparison from samplers.json: acceptance, tau_int, ESS/s, and observables against exact values. */
export function samplersSection(run: RunData): Section | undefined {
  const data = run.samplers;
  if (data === undefined) return undefined;
  if (data.samplers.length === 0) {
    return {
      id: 'samplers',
      title: 'Samplers',
      body: paragraph('samplers.json lists no sampler results.'),
    };
  }
  const parts: (string | undefined)[] = [
    paragraph(
      `Target: Ising L = ${data.L ?? '?'}, T = ${data.T === undefined ? '?' : formatNumber(data.T, 8)}; ` +
        `tfjs backend ${data.backend ?? '?'}, lattice samplers on ${data.latticeEngine ?? '?'}.` +
        (data.skipped.length > 0
          ? ` Skipped: ${data.skipped.map((s) => `${s.sampler} (${s.reason})`).join('; ')}.`
          : ''),
    ),
    acceptanceFigure(data),
    diagnosticFigure(
      data,
      'sampler-tau-int',
      'Integrated autocorrelation time',
      'tau_int (steps)',
      (entry) => [entry.tauInt, entry.tauIntStdErr],
      'tau_int of each observable in steps of its sampler (a sweep, a trajectory, a proposal), with its error; ' +
        'log axis. 0.5 means independent samples.',
    ),
    diagnosticFigure(
      data,
      'sampler-ess-per-second',
      'Effective samples per second',
      'ESS / s',
      (entry) => [entry.essPerSecond, undefined],
      'Effective sample size N / (2 tau_int) per second of sampling wall time, log axis: the cost-adjusted comparison.',
    ),
    ...observableNames(data).map((name, k) => comparisonFigure(run, data, name, k)),
    autocorrelationFigure(data),
    samplersTable(data),
  ];
  return {
    id: 'samplers',
    title: 'Samplers',
    body: parts.filter((part) => part !== undefined).join(''),
  };
}
