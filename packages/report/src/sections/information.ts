import { formatNumber } from '../format-number';
import { figure } from '../html/figure';
import type { AnalysisData, MiDistanceGroup } from '../inputs/run-data';
import type { RunData } from '../inputs/run-data';
import { SEQUENTIAL } from '../svg/colour-map';
import { linearExtent } from '../svg/extent';
import { imageGrid, Tile } from '../svg/image-grid';
import { densify } from '../series/densify';
import { legend, LegendEntry, PointSet } from '../svg/legend';
import { line } from '../svg/line';
import { markers } from '../svg/markers';
import { seriesColour } from '../svg/palette';
import { Layer, panel } from '../svg/panel';
import { paragraph, Section } from './section';

/** Largest number of sites whose full pair matrix is drawn (L = 16). */
const MAX_MATRIX_SITES = 256;

function distanceLabel(analysis: AnalysisData): string {
  return `${analysis.groupedBy ?? 'euclidean'} distance (lattice spacings, periodic)`;
}

function miVersusDistance(analysis: AnalysisData): string | undefined {
  const groups = analysis.byDistance;
  if (groups.length === 0) return undefined;
  const r = groups.map((g) => g.distance);
  const layers: Layer[] = [];
  const entries: LegendEntry[] = [];
  const values: number[] = [];
  const avoid: PointSet[] = [];
  (['physical', 'latent'] as const).forEach((kind, k) => {
    const colour = seriesColour(k);
    const mean = groups.map((g) => g[kind].mean);
    const spread = groups.map((g) => g[kind].std);
    mean.forEach((m, i) => values.push(m - spread[i], m + spread[i]));
    avoid.push(...densify(r, mean));
    layers.push(line(r, mean, { colour, width: 1.2 }));
    layers.push(markers(r, mean, { colour, shape: k === 0 ? 'circle' : 'square' }, spread));
    entries.push({
      label: kind === 'physical' ? 'I(x_a; x_b), physical' : 'I(z_a; z_b), latent',
      colour,
      mark: 'marker',
      shape: k === 0 ? 'circle' : 'square',
    });
  });
  layers.push(legend(entries, avoid));
  const rMax = Math.max(...r);
  const svg = panel(
    {
      id: 'mi-distance',
      title: 'Mutual information versus distance',
      x: { label: distanceLabel(analysis), domain: [0, rMax + 0.5] },
      y: {
        label: 'mutual information (nats)',
        domain: linearExtent(values, { include: [0] }) as [number, number],
      },
    },
    layers,
  );
  return figure(
    'mi-vs-distance',
    svg,
    'Mean KSG mutual information of the pairs of sites at each distance, for the physical variables x and for the ' +
      'latent variables z = g^-1(x) of the same samples; bars are ± the spread (std) over those pairs. ' +
      'A flow that renormalises well leaves the latent variables nearly independent: I(z_a; z_b) near 0. ' +
      'KSG estimates can dip slightly below 0.',
  );
}

function miByLevel(analysis: AnalysisData): string | undefined {
  const levels = analysis.byLevel.filter((level) => level.byDistance.length > 0);
  if (levels.length === 0) return undefined;
  const layers: Layer[] = [];
  const entries: LegendEntry[] = [];
  const values: number[] = [];
  const avoid: PointSet[] = [];
  let rMax = 0;
  levels.forEach((level, k) => {
    const colour = seriesColour(k);
    const groups: MiDistanceGroup[] = level.byDistance;
    const r = groups.map((g) => g.distance);
    rMax = Math.max(rMax, ...r);
    for (const kind of ['physical', 'latent'] as const) {
      const mean = groups.map((g) => g[kind].mean);
      values.push(...mean);
      avoid.push(...densify(r, mean));
      const style =
        kind === 'physical' ? { colour, width: 1, dash: '4 3' } : { colour, width: 1.8 };
      layers.push(line(r, mean, style));
      layers.push(
        markers(r, mean, { colour, shape: kind === 'physical' ? 'circle' : 'square', size: 2.5 }),
      );
    }
    entries.push({ label: `level ${level.level}: z (solid), x (dashed)`, colour, mark: 'line' });
  });
  layers.push(legend(entries, avoid));
  const svg = panel(
    {
      id: 'mi-level',
      title: 'Mutual information by RG level',
      x: { label: distanceLabel(analysis), domain: [0, rMax + 0.5] },
      y: {
        label: 'mutual information (nats)',
        domain: linearExtent(values, { include: [0] }) as [number, number],
      },
    },
    layers,
  );
  return figure(
    'mi-by-level',
    svg,
    'For the pairs whose latent variables both leave the hierarchy at the same RG level: the mean mutual ' +
      'information of the latent variables (solid) and of the physical variables at the same sites (dashed), versus distance.',
  );
}

function miMatrices(analysis: AnalysisData): string | undefined {
  const sites = analysis.L * analysis.L;
  if (analysis.pairs.length === 0) return undefined;
  if (sites > MAX_MATRIX_SITES) {
    return paragraph(
      `The ${sites} x ${sites} pair matrices are not drawn: more than ${MAX_MATRIX_SITES} sites.`,
    );
  }
  const physical = new Float64Array(sites * sites).fill(NaN);
  const latent = new Float64Array(sites * sites).fill(NaN);
  for (const pair of analysis.pairs) {
    for (const [a, b] of [
      [pair.siteA, pair.siteB],
      [pair.siteB, pair.siteA],
    ]) {
      physical[a * sites + b] = pair.physical;
      latent[a * sites + b] = pair.latent;
    }
  }
  const tiles: Tile[] = [
    { rows: sites, cols: sites, values: physical, label: 'I(x_a; x_b)' },
    { rows: sites, cols: sites, values: latent, label: 'I(z_a; z_b)' },
  ];
  const svg = imageGrid(tiles, {
    id: 'mi-matrix',
    map: SEQUENTIAL,
    columns: 2,
    tileSize: 256,
    colourLabel: 'nats',
  });
  const missing = (sites * (sites - 1)) / 2 - analysis.pairs.length;
  return figure(
    'mi-matrices',
    svg,
    `Mutual information of every pair of sites a, b (row and column: site index i * L + j, L = ${analysis.L}), ` +
      'physical (left) and latent (right), on one colour scale. Grey: the diagonal' +
      (missing > 0 ? ` and ${missing} pairs analysis.json does not hold.` : '.'),
  );
}

function levelMatrix(analysis: AnalysisData): string | undefined {
  const entries = analysis.betweenLevels;
  if (entries.length === 0) return undefined;
  const levels = Math.max(...entries.flatMap((e) => [e.levelA, e.levelB])) + 1;
  if (!Number.isFinite(levels) || levels > 16) return undefined;
  const physical = new Float64Array(levels * levels).fill(NaN);
  const latent = new Float64Array(levels * levels).fill(NaN);
  for (const e of entries) {
    for (const [a, b] of [
      [e.levelA, e.levelB],
      [e.levelB, e.levelA],
    ]) {
      physical[a * levels + b] = e.physical;
      latent[a * levels + b] = e.latent;
    }
  }
  const svg = imageGrid(
    [
      { rows: levels, cols: levels, values: physical, label: 'x, mean I' },
      { rows: levels, cols: levels, values: latent, label: 'z, mean I' },
    ],
    { id: 'mi-levels', map: SEQUENTIAL, columns: 2, tileSize: 140, colourLabel: 'nats' },
  );
  return figure(
    'mi-level-matrix',
    svg,
    `Mean mutual information of pairs with one site at RG level a (row) and the other at level b (column), ` +
      `levels 0 (finest) to ${levels - 1} (coarsest), for x and for z.`,
  );
}

/** Mutual information of physical and latent variables, from analysis.json. */
export function informationSection(data: RunData): Section | undefined {
  const analysis = data.analysis;
  if (analysis === undefined) return undefined;
  const figures = [
    miVersusDistance(analysis),
    miByLevel(analysis),
    miMatrices(analysis),
    levelMatrix(analysis),
  ].filter((part): part is string => part !== undefined);
  const about =
    `From ${analysis.samples ?? '?'} samples of ${analysis.density ?? 'the flow'} (not reweighted; ` +
    `ESS / n of the weights p/q on them: ${analysis.essFraction === undefined ? '?' : formatNumber(analysis.essFraction, 3)}). ` +
    'Kraskov-Stoegbauer-Grassberger estimates, in nats.';
  return {
    id: 'information',
    title: 'Mutual information',
    body:
      paragraph(about) +
      (figures.length > 0
        ? figures.join('')
        : paragraph('analysis.json holds no mutual information.')),
  };
}
