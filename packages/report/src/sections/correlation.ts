import { figure } from '../html/figure';
import type { RunData } from '../inputs/run-data';
import { linearExtent } from '../svg/extent';
import { legend, LegendEntry } from '../svg/legend';
import { line } from '../svg/line';
import { markers, MarkerShape } from '../svg/markers';
import { seriesColour } from '../svg/palette';
import { Layer, panel } from '../svg/panel';
import { distanceOf } from './observable-names';

/** One source's values of an observable at each distance. */
interface CorrelationSeries {
  label: string;
  r: number[];
  value: number[];
  error: number[];
  shape: MarkerShape;
}

const TITLES: Record<string, string> = {
  correlation: 'Two-point correlation <s_0 s_r>',
  connectedCorrelation: 'Connected correlation <s_0 s_r> - <m>^2',
};

/** The series of `prefix[r]` in estimates.json (flow, reweighted, exact) and samplers.json (MCMC). */
function collect(
  data: RunData,
  prefix: string,
): { series: CorrelationSeries[]; exact?: CorrelationSeries } {
  const flow: CorrelationSeries = {
    label: 'flow q (not reweighted)',
    r: [],
    value: [],
    error: [],
    shape: 'circle',
  };
  const reweighted: CorrelationSeries = {
    label: 'flow reweighted to p',
    r: [],
    value: [],
    error: [],
    shape: 'square',
  };
  const exact: CorrelationSeries = {
    label: 'exact',
    r: [],
    value: [],
    error: [],
    shape: 'diamond',
  };
  for (const row of data.estimates?.observables ?? []) {
    const r = distanceOf(row.name, prefix);
    if (r === undefined) continue;
    reweighted.r.push(r);
    reweighted.value.push(row.value);
    reweighted.error.push(row.stdErr ?? NaN);
    if (row.flowValue !== undefined) {
      flow.r.push(r);
      flow.value.push(row.flowValue);
      flow.error.push(row.flowStdErr ?? NaN);
    }
    if (row.exact !== undefined) {
      exact.r.push(r);
      exact.value.push(row.exact);
      exact.error.push(NaN);
    }
  }
  const series = [flow, reweighted];
  for (const sampler of data.samplers?.samplers ?? []) {
    const mcmc: CorrelationSeries = {
      label: `MCMC: ${sampler.sampler}`,
      r: [],
      value: [],
      error: [],
      shape: 'triangle',
    };
    for (const [name, entry] of Object.entries(sampler.observables)) {
      const r = distanceOf(name, prefix);
      if (r === undefined || entry === null) continue;
      mcmc.r.push(r);
      mcmc.value.push(entry.mean);
      mcmc.error.push(entry.stdErr ?? NaN);
    }
    series.push(mcmc);
  }
  return {
    series: series.filter((s) => s.r.length > 0),
    exact: exact.r.length > 0 ? exact : undefined,
  };
}

/**
 * `prefix[r]` versus the distance r, for every source that has it: the
 * flow's plain and reweighted estimates, MCMC samplers and the exact
 * values. Undefined when no source has it.
 */
export function correlationFigure(data: RunData, prefix: string): string | undefined {
  const { series, exact } = collect(data, prefix);
  if (series.length === 0 && exact === undefined) return undefined;
  const all = [...series, ...(exact ? [exact] : [])];
  const rMax = Math.max(...all.flatMap((s) => s.r));
  const values = all.flatMap((s) =>
    s.value.flatMap((v, i) => [v - (s.error[i] || 0), v + (s.error[i] || 0)]),
  );
  const domain = linearExtent(values, { include: [0] }) as [number, number];

  const layers: Layer[] = [];
  const entries: LegendEntry[] = [];
  const offset = (k: number) => (k - (series.length - 1) / 2) * 0.06;
  if (exact !== undefined) {
    const colour = seriesColour(6);
    layers.push(line(exact.r, exact.value, { colour, dash: '5 3', width: 1.2 }));
    layers.push(markers(exact.r, exact.value, { colour, shape: 'diamond', size: 3.5 }));
    entries.push({ label: 'exact', colour, mark: 'marker', shape: 'diamond' });
  }
  series.forEach((s, k) => {
    const colour = seriesColour(k);
    const r = s.r.map((value) => value + offset(k));
    layers.push(markers(r, s.value, { colour, shape: s.shape, size: 3 }, s.error));
    entries.push({ label: s.label, colour, mark: 'marker', shape: s.shape });
  });
  const avoid = series.map((s, k) => ({ xs: s.r.map((value) => value + offset(k)), ys: s.value }));
  if (exact !== undefined) avoid.push({ xs: exact.r, ys: exact.value });
  layers.push(legend(entries, avoid));
  const svg = panel(
    {
      id: `${prefix}-plot`,
      title: TITLES[prefix] ?? prefix,
      x: {
        label: 'distance r (lattice spacings)',
        domain: [-0.5, rMax + 0.5],
        ticks: Math.min(8, rMax + 1),
      },
      y: { label: prefix, domain },
    },
    layers,
  );
  const missingMcmc =
    data.samplers === undefined
      ? ' No MCMC values: samplers.json is missing.'
      : series.some((s) => s.label.startsWith('MCMC'))
        ? ''
        : ` No MCMC values: the samplers of samplers.json do not record ${prefix}[r].`;
  const caption =
    `${TITLES[prefix] ?? prefix} along the lattice axes versus distance r, with one-standard-error bars. ` +
    'The plain flow average is biased by KL(q || p); importance reweighting removes the bias.' +
    (exact === undefined ? ' No exact values are known for this model and size.' : '') +
    missingMcmc +
    ' Series are offset sideways a little so that their error bars do not overlap.';
  return figure(`${prefix}-vs-distance`, svg, caption);
}
