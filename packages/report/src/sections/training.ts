import { formatNumber, formatWithError } from '../format-number';
import { figure } from '../html/figure';
import type { RunData } from '../inputs/run-data';
import { movingAverage, smoothingWindow } from '../series/moving-average';
import { pick, thinIndices } from '../series/thin';
import { band } from '../svg/band';
import { linearExtent, logExtent } from '../svg/extent';
import { legend, LegendEntry } from '../svg/legend';
import { horizontalLine, line } from '../svg/line';
import { markers } from '../svg/markers';
import { seriesColour } from '../svg/palette';
import { Layer, panel } from '../svg/panel';
import { exactLnZ } from './exact-free-energy';
import { paragraph, Section } from './section';

/** The step axis: from 0 (or the first step) to the last step. */
function stepDomain(steps: Float64Array): [number, number] {
  const low = Math.min(0, steps[0]);
  return [low, Math.max(low + 1, steps[steps.length - 1])];
}

/** Most points a training curve draws; longer runs are thinned (see thinIndices). */
const MAX_POINTS = 1200;

/**
 * The upper end of the loss axis: the largest smoothed F_q after the
 * first 5% of the steps, when the early steps lie far above (more than
 * three times the later range); else undefined (nothing clipped). The
 * converged part of the curve is what the panel is for; the steep start
 * is still in the gap panel, on its log axis.
 */
function clippedTop(smoothed: Float64Array, low: number): number | undefined {
  const start = Math.floor(smoothed.length * 0.05);
  let lateTop = -Infinity;
  let allTop = -Infinity;
  smoothed.forEach((value, i) => {
    if (!Number.isFinite(value)) return;
    allTop = Math.max(allTop, value);
    if (i >= start) lateTop = Math.max(lateTop, value);
  });
  if (!Number.isFinite(lateTop) || allTop - low <= 3 * (lateTop - low)) return undefined;
  return lateTop + 0.25 * (lateTop - low);
}

function lossFigure(data: RunData, lnZ: number | undefined): string {
  const points = data.metrics;
  const steps = Float64Array.from(points, (p) => p.step);
  const values = Float64Array.from(points, (p) => p.freeEnergy);
  const errors = Float64Array.from(points, (p) => p.freeEnergyStdErr ?? NaN);
  const window = smoothingWindow(points.length);
  const smoothed = movingAverage(values, window);
  const smoothedError = movingAverage(errors, window);
  const lower = smoothed.map((v, i) => v - smoothedError[i]);
  const upper = smoothed.map((v, i) => v + smoothedError[i]);

  const exact = lnZ === undefined ? undefined : -lnZ;
  const bounds = linearExtent([...values, ...lower, ...upper], {
    include: exact === undefined ? [] : [exact],
    padding: 0,
  });
  if (bounds === undefined) return paragraph('No finite F_q in metrics.jsonl.');
  const top = clippedTop(smoothed, bounds[0]) ?? bounds[1];
  const pad = 0.05 * (top - bounds[0]);
  const domain: [number, number] = [bounds[0] - pad, top + (top < bounds[1] ? 0 : pad)];
  const clipped = top < bounds[1] ? points.filter((p) => p.freeEnergy > top) : [];
  const above = clipped.length;
  const early = clipped.filter((p) => p.step <= points[Math.floor(points.length / 10)].step).length;

  const kept = thinIndices(values, MAX_POINTS);
  const keptSmooth = thinIndices(smoothed, MAX_POINTS);
  const x = pick(steps, kept);
  const xs = pick(steps, keptSmooth);
  const colour = seriesColour(0);
  const layers: Layer[] = [
    band(xs, pick(lower, keptSmooth), pick(upper, keptSmooth), { colour, opacity: 0.25 }),
    line(x, pick(values, kept), { colour, width: 1, opacity: 0.3, className: 'raw-line' }),
    line(xs, pick(smoothed, keptSmooth), { colour, width: 2 }),
  ];
  const entries: LegendEntry[] = [
    { label: 'F_q per batch', colour, mark: 'line', opacity: 0.35 },
    { label: `F_q, ${window}-step average`, colour, mark: 'line' },
    { label: '± batch std. error', colour, mark: 'band' },
  ];
  if (exact !== undefined) {
    layers.push(horizontalLine(exact, { colour: seriesColour(1), dash: '6 4' }));
    entries.push({
      label: `exact -ln Z = ${formatNumber(exact)}`,
      colour: seriesColour(1),
      mark: 'dash',
    });
  }
  layers.push(legend(entries, [{ xs: x, ys: pick(values, kept) }]));
  const svg = panel(
    {
      id: 'loss',
      title: 'Variational free energy F_q',
      x: { label: 'step', domain: stepDomain(steps) },
      y: { label: 'F_q  (nats)', domain },
    },
    layers,
  );

  let caption =
    `F_q = E_q[ln q(x) + E(x)] on each step's batch (faint), its centred ${window}-step moving ` +
    'average (solid) and a band of ± the batch standard error, also averaged; F_q >= -ln Z for every q.';
  if (above > 0) {
    caption +=
      ` The y axis is clipped at ${formatNumber(domain[1], 4)}: ${above} batch values lie above it` +
      ` (${early} of them in the first 10% of the steps).`;
  }
  if (points.length > MAX_POINTS)
    caption += ` Drawn from ${kept.length} of ${points.length} steps (low and high of each bucket).`;
  return figure('loss', svg, caption);
}

function gapFigure(data: RunData): string {
  const points = data.metrics.filter((p) => p.klGap !== undefined);
  const steps = Float64Array.from(points, (p) => p.step);
  const gaps = Float64Array.from(points, (p) => p.klGap as number);
  const window = smoothingWindow(points.length);
  const smoothed = movingAverage(gaps, window);
  const final = data.summary?.klGap;
  const finalError = data.summary?.freeEnergy?.stdErr;

  const domain = logExtent([...gaps, ...smoothed], { include: final === undefined ? [] : [final] });
  if (domain === undefined)
    return paragraph('Every batch gap is <= 0: nothing to draw on a log axis.');
  const nonPositive = points.filter((p) => (p.klGap as number) <= 0).length;

  const kept = thinIndices(gaps, MAX_POINTS);
  const keptSmooth = thinIndices(smoothed, MAX_POINTS);
  const colour = seriesColour(0);
  const layers: Layer[] = [
    line(pick(steps, kept), pick(gaps, kept), {
      colour,
      width: 1,
      opacity: 0.3,
      className: 'raw-line',
    }),
    line(pick(steps, keptSmooth), pick(smoothed, keptSmooth), { colour, width: 2 }),
  ];
  const clipped = kept.filter((i) => gaps[i] <= 0);
  if (clipped.length > 0) {
    layers.push(
      markers(pick(steps, clipped), pick(gaps, clipped), { colour: seriesColour(1), size: 3 }),
    );
  }
  const entries: LegendEntry[] = [
    { label: 'gap per batch', colour, mark: 'line', opacity: 0.35 },
    { label: `${window}-step average`, colour, mark: 'line' },
  ];
  if (final !== undefined) {
    layers.push(horizontalLine(final, { colour: seriesColour(2), dash: '6 4' }));
    entries.push({
      label: `final: ${formatWithError(final, finalError)}`,
      colour: seriesColour(2),
      mark: 'dash',
    });
  }
  layers.push(legend(entries, [{ xs: pick(steps, kept), ys: pick(gaps, kept) }]));
  const svg = panel(
    {
      id: 'gap',
      title: 'Gap F_q + ln Z = KL(q || p)',
      x: { label: 'step', domain: stepDomain(steps) },
      y: { label: 'F_q + ln Z  (nats)', domain, kind: 'log' },
    },
    layers,
  );

  let caption =
    'The gap F_q + ln Z (exact ln Z) is KL(q || p) >= 0 in nats, on a log axis: per batch (faint) ' +
    `and its ${window}-step moving average (solid).`;
  if (final !== undefined)
    caption += ' Dashed: the final gap from the evaluation samples of summary.json.';
  if (nonPositive > 0) {
    caption +=
      ` ${nonPositive} batch values are <= 0 — batch noise, since the true gap is never negative — ` +
      'and are drawn clipped as open triangles on the bottom edge.';
  }
  return figure('gap', svg, caption);
}

/** Loss versus step against the exact -ln Z, and the gap on a log axis. */
export function trainingSection(data: RunData): Section {
  if (data.metrics.length === 0) {
    return {
      id: 'training',
      title: 'Training',
      body: paragraph('No training steps recorded yet (metrics.jsonl is empty or missing).'),
    };
  }
  const lnZ = exactLnZ(data);
  const hasGap = data.metrics.some((p) => p.klGap !== undefined);
  const last = data.metrics[data.metrics.length - 1];
  const parts = [
    paragraph(
      `${data.metrics.length} steps recorded, last step ${last.step}: F_q = ${formatWithError(last.freeEnergy, last.freeEnergyStdErr)} on its batch.`,
    ),
    lossFigure(data, lnZ),
    hasGap
      ? gapFigure(data)
      : paragraph(
          'No gap: the exact ln Z of this model is not known, so metrics.jsonl has no klGap.',
        ),
  ];
  return { id: 'training', title: 'Training', body: parts.join('') };
}
