import { element, text } from './element';
import { markerPath, MarkerShape } from './markers';
import type { Layer } from './panel';

/** One legend entry: a sample of the series' mark and its label. */
export interface LegendEntry {
  label: string;
  colour: string;
  /** How the sample is drawn: a line, a dashed line, a marker or a filled band. */
  mark: 'line' | 'dash' | 'marker' | 'band';
  shape?: MarkerShape;
  opacity?: number;
}

/** Rough width of text in the 11 px legend font, for sizing the box. */
const CHARACTER_WIDTH = 6.4;
const ROW = 16;

/** Corners a legend can sit in, in the order they are preferred. */
const CORNERS = ['top-right', 'top-left', 'bottom-right', 'bottom-left'] as const;
export type Corner = (typeof CORNERS)[number];

/** Data points a legend should not cover. */
export interface PointSet {
  xs: ArrayLike<number>;
  ys: ArrayLike<number>;
}

/**
 * A legend box in a corner of the plot area. With `avoid`, the corner
 * whose box covers the fewest of those data points is taken (the first in
 * top-right, top-left, bottom-right, bottom-left order among equals), so
 * that the legend does not hide data.
 */
export function legend(entries: LegendEntry[], avoid: PointSet[] = [], corner?: Corner): Layer {
  return (frame) => {
    if (entries.length === 0) return '';
    const width = 34 + CHARACTER_WIDTH * Math.max(...entries.map((entry) => entry.label.length));
    const height = ROW * entries.length + 8;
    const { area } = frame;
    const boxOf = (c: Corner) => ({
      left: c.endsWith('right') ? area.left + area.width - width - 6 : area.left + 6,
      top: c.startsWith('top') ? area.top + 6 : area.top + area.height - height - 6,
    });
    const covered = (c: Corner) => {
      const box = boxOf(c);
      let count = 0;
      for (const set of avoid) {
        for (let i = 0; i < set.xs.length; i++) {
          const [x, y] = [set.xs[i], set.ys[i]];
          if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
          if ((frame.x.kind === 'log' && x <= 0) || (frame.y.kind === 'log' && y <= 0)) continue;
          const [px, py] = [frame.x.map(x), frame.y.map(y)];
          if (
            px >= box.left - 4 &&
            px <= box.left + width + 4 &&
            py >= box.top - 4 &&
            py <= box.top + height + 4
          )
            count++;
        }
      }
      return count;
    };
    const chosen =
      corner ??
      CORNERS.reduce((best, c) => (covered(c) < covered(best) ? c : best), CORNERS[0] as Corner);
    const { left, top } = boxOf(chosen);

    const rows = entries.map((entry, k) => {
      const y = top + 4 + ROW * k + ROW / 2;
      const x = left + 6;
      let sample: string;
      if (entry.mark === 'marker') {
        sample = element('path', {
          d: markerPath(entry.shape ?? 'circle', x + 9, y, 3.5),
          fill: entry.colour,
        });
      } else if (entry.mark === 'band') {
        sample = element('rect', {
          x,
          y: y - 5,
          width: 18,
          height: 10,
          fill: entry.colour,
          'fill-opacity': entry.opacity ?? 0.25,
        });
      } else {
        sample = element('line', {
          x1: x,
          x2: x + 18,
          y1: y,
          y2: y,
          stroke: entry.colour,
          'stroke-width': 2,
          'stroke-opacity': entry.opacity,
          'stroke-dasharray': entry.mark === 'dash' ? '5 3' : undefined,
        });
      }
      return (
        sample + element('text', { x: x + 24, y: y + 4, class: 'legend-label' }, text(entry.label))
      );
    });
    return element('g', { class: 'legend' }, [
      element('rect', { x: left, y: top, width, height, class: 'legend-box' }),
      ...rows,
    ]);
  };
}
