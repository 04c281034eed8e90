import type { BarSeries } from '../svg/bars';
import type { PointSet } from '../svg/legend';

/**
 * Points covering the bars of a grouped bar chart (categories at 0, 1, ...),
 * from the axis bottom `base` up to each value, geometrically spaced, for
 * a legend to avoid. Bar positions follow the layout of `bars`.
 */
export function barOutlines(series: readonly BarSeries[], base: number): PointSet[] {
  const xs: number[] = [];
  const ys: number[] = [];
  const width = 0.8 / Math.max(1, series.length);
  series.forEach((s, k) => {
    s.values.forEach((value, c) => {
      if (value === null || !(value > 0)) return;
      const centre = c - 0.4 + (k + 0.5) * width;
      const low = base > 0 ? Math.min(base, value) : value * 1e-3;
      for (let f = 0; f <= 8; f++) {
        const y = low * (value / low) ** (f / 8);
        for (const dx of [-width / 2, 0, width / 2]) {
          xs.push(centre + dx);
          ys.push(y);
        }
      }
    });
  });
  return [{ xs, ys }];
}
