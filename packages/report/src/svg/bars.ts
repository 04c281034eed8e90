import { element, svgNumber } from './element';
import type { Layer } from './panel';

/** One group's bars: a value per category (null: nothing measured), with optional errors. */
export interface BarSeries {
  label: string;
  colour: string;
  values: readonly (number | null)[];
  errors?: readonly (number | null)[];
}

/**
 * Grouped bars over categories 0, 1, ...: within a category, one bar per
 * series side by side. Bars rise from the bottom of the plot area (from 0
 * on a linear axis whose domain includes it). A null or non-finite value,
 * or one <= 0 on a log axis, gets no bar but a small "n/a" mark, so that
 * a missing value is not mistaken for a small one.
 */
export function bars(series: BarSeries[]): Layer {
  return (frame) => {
    const { x, y, area } = frame;
    const bottom = area.top + area.height;
    const slot = Math.abs(x.map(1) - x.map(0)) * 0.8;
    const barWidth = slot / Math.max(1, series.length);
    const base = y.kind === 'linear' && y.domain[0] <= 0 && y.domain[1] >= 0 ? y.map(0) : bottom;
    const parts: string[] = [];

    series.forEach((s, k) => {
      s.values.forEach((value, c) => {
        const left = x.map(c) - slot / 2 + k * barWidth;
        const drawable =
          value !== null && Number.isFinite(value) && (y.kind === 'linear' || value > 0);
        if (!drawable) {
          parts.push(
            element(
              'text',
              {
                x: left + barWidth / 2,
                y: bottom - 4,
                class: 'bar-missing',
                'text-anchor': 'middle',
              },
              'n/a',
            ),
          );
          return;
        }
        const top = Math.max(area.top, Math.min(bottom, y.map(value)));
        parts.push(
          element('rect', {
            x: left + 1,
            y: Math.min(top, base),
            width: Math.max(1, barWidth - 2),
            height: Math.max(0.5, Math.abs(base - top)),
            fill: s.colour,
            class: 'bar',
          }),
        );
        const error = s.errors?.[c];
        if (error !== undefined && error !== null && Number.isFinite(error) && error > 0) {
          const high = y.map(value + error);
          const lowValue = value - error;
          const low = y.kind === 'log' && lowValue <= 0 ? bottom : y.map(lowValue);
          const cx = left + barWidth / 2;
          const d =
            `M${svgNumber(cx)} ${svgNumber(high)}V${svgNumber(low)}` +
            `M${svgNumber(cx - 3)} ${svgNumber(high)}h6M${svgNumber(cx - 3)} ${svgNumber(low)}h6`;
          parts.push(
            element('path', {
              d,
              stroke: '#222',
              'stroke-width': 1,
              fill: 'none',
              class: 'error-bar',
            }),
          );
        }
      });
    });
    return element('g', { 'clip-path': frame.clip }, parts);
  };
}
