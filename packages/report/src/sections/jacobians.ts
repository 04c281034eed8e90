import { formatNumber } from '../format-number';
import { figure } from '../html/figure';
import type { AnalysisData, LatentJacobianData } from '../inputs/run-data';
import type { RunData } from '../inputs/run-data';
import { bars } from '../svg/bars';
import { DIVERGING, SEQUENTIAL } from '../svg/colour-map';
import { imageGrid, Tile } from '../svg/image-grid';
import { seriesColour } from '../svg/palette';
import { panel } from '../svg/panel';
import { paragraph, Section } from './section';

const BAND_NAMES: Record<string, string> = {
  approximation: 'approx.',
  'detail-j': 'd-j',
  'detail-i': 'd-i',
  'detail-ij': 'd-ij',
};

/** One latent per (level, band): the first in file order, i.e. the top-left block. */
function representatives(analysis: AnalysisData): Map<number, LatentJacobianData[]> {
  const byLevel = new Map<number, LatentJacobianData[]>();
  for (const latent of analysis.latents) {
    const list = byLevel.get(latent.level) ?? [];
    if (!list.some((other) => other.band === latent.band)) list.push(latent);
    byLevel.set(latent.level, list);
  }
  return new Map([...byLevel.entries()].sort((a, b) => a[0] - b[0]));
}

function levelFigure(analysis: AnalysisData, level: number, latents: LatentJacobianData[]): string {
  const L = analysis.L;
  const pairs: Tile[] = latents.flatMap((latent) => {
    const name = BAND_NAMES[latent.band] ?? latent.band;
    return [
      { rows: L, cols: L, values: latent.mean, label: `${name} mean` },
      { rows: L, cols: L, values: latent.haar, label: `${name} Haar` },
    ];
  });
  const spreads: Tile[] = latents.map((latent) => ({
    rows: L,
    cols: L,
    values: latent.std,
    label: `${BAND_NAMES[latent.band] ?? latent.band} std`,
  }));
  const meanSvg = imageGrid(pairs, {
    id: `jacobian-mean-${level}`,
    map: DIVERGING,
    columns: Math.min(8, pairs.length),
    tileSize: 84,
    scale: 'per-tile',
  });
  const stdSvg = imageGrid(spreads, {
    id: `jacobian-std-${level}`,
    map: SEQUENTIAL,
    columns: Math.min(8, spreads.length),
    tileSize: 84,
    colourLabel: 'std dz/dx',
  });
  const cosines = latents
    .map(
      (latent) =>
        `${latent.band} at site ${latent.site}: cos = ${latent.cosineToHaar === undefined ? '?' : formatNumber(latent.cosineToHaar, 3)}`,
    )
    .join('; ');
  return figure(
    `jacobian-level-${level}`,
    meanSvg + stdSvg,
    `RG level ${level}: for one latent variable z of each Haar band (the top-left block), the mean over samples ` +
      `of its gradient dz/dx over the ${L} x ${L} lattice next to the orthonormal Haar basis function of its site ` +
      '(blue negative, red positive, each tile on its own symmetric scale), and below, the standard deviation of ' +
      `dz/dx over the samples (one shared scale). ${cosines}.`,
  );
}

function cosineFigure(analysis: AnalysisData): string | undefined {
  const rows = [...analysis.cosineByLevel].sort((a, b) => a.level - b.level);
  if (rows.length === 0) return undefined;
  const svg = panel(
    {
      id: 'cosine-level',
      title: 'Alignment of latent gradients with the Haar basis',
      x: {
        label: 'RG level',
        domain: [-0.5, rows.length - 0.5],
        categories: rows.map((row) => `level ${row.level}`),
      },
      y: {
        label: 'mean |cos(E[dz/dx], Haar)|',
        domain: [Math.min(0, ...rows.map((row) => row.mean)), 1],
      },
      height: 260,
    },
    [
      bars([
        { label: 'mean |cosine|', colour: seriesColour(0), values: rows.map((row) => row.mean) },
      ]),
    ],
  );
  return figure(
    'cosine-to-haar',
    svg,
    'Mean over the latent variables of each level of |cos| between the mean gradient E[dz/dx] and the Haar ' +
      'basis function of the same site: 1 when the flow renormalises exactly like a Haar wavelet transform, ' +
      'about sqrt(2 / (pi L^2)) for an unrelated direction.',
  );
}

/** Jacobian mean/std maps by RG level next to the Haar basis, from analysis.json. */
export function jacobianSection(data: RunData): Section | undefined {
  const analysis = data.analysis;
  if (analysis === undefined) return undefined;
  if (analysis.latents.length === 0) {
    return {
      id: 'jacobians',
      title: 'Jacobians and wavelets',
      body: paragraph('analysis.json holds no Jacobians.'),
    };
  }
  const parts = [...representatives(analysis).entries()].map(([level, latents]) =>
    levelFigure(analysis, level, latents),
  );
  const cosine = cosineFigure(analysis);
  if (cosine !== undefined) parts.push(cosine);
  return { id: 'jacobians', title: 'Jacobians and wavelets', body: parts.join('') };
}
