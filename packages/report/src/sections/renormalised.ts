import { formatNumber } from '../format-number';
import { figure } from '../html/figure';
import type { RenormalisedFields } from '../inputs/run-data';
import { DIVERGING } from '../svg/colour-map';
import { imageGrid, Tile } from '../svg/image-grid';
import type { Section } from './section';

function rms(values: readonly number[]): number {
  return Math.sqrt(values.reduce((sum, v) => sum + v * v, 0) / Math.max(1, values.length));
}

/** The renormalised variables of a few samples, one row per sample, one column per scale. */
export function renormalisedSection(fields: RenormalisedFields | undefined): Section | undefined {
  if (fields === undefined || fields.scales.length === 0) return undefined;
  const samples = Math.min(...fields.scales.map((scale) => scale.fields.length));
  if (samples === 0) return undefined;
  const tiles: Tile[] = [];
  for (let s = 0; s < samples; s++) {
    for (const scale of fields.scales) {
      tiles.push({
        rows: scale.size,
        cols: scale.size,
        values: scale.fields[s],
        label:
          s === 0
            ? scale.scale === 0
              ? `x, ${scale.size}x${scale.size}`
              : `scale ${scale.scale}, ${scale.size}x${scale.size}`
            : undefined,
      });
    }
  }
  const svg = imageGrid(tiles, {
    id: 'renormalised',
    map: DIVERGING,
    columns: fields.scales.length,
    tileSize: 96,
    scale: 'per-tile',
  });
  const spread = fields.scales
    .map(
      (scale) =>
        `scale ${scale.scale}: ${formatNumber(rms(scale.fields.slice(0, samples).flat()), 3)}`,
    )
    .join(', ');
  return {
    id: 'renormalised',
    title: 'Renormalised variables',
    body: figure(
      'renormalised-fields',
      svg,
      `${samples} flow samples (rows; generator seed ${fields.seed}${fields.step === undefined ? '' : `, flow at step ${fields.step}`}) ` +
        'followed through the renormalisation direction of the hierarchy: the physical field x, then, after each RG ' +
        'level (disentanglers and decimator), the variables that go on to the next level, on the coarse lattice. ' +
        `Blue negative, red positive, each tile on its own symmetric scale; root mean square per scale: ${spread}.`,
    ),
  };
}
