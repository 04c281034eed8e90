import type { PointSet } from '../svg/legend';

/**
 * The points of a polyline plus `steps` points on each segment between
 * them, so that a legend placed to avoid the points also avoids the line.
 */
export function densify(xs: readonly number[], ys: readonly number[], steps = 8): PointSet[] {
  const outX: number[] = [];
  const outY: number[] = [];
  for (let i = 0; i < xs.length; i++) {
    outX.push(xs[i]);
    outY.push(ys[i]);
    if (i + 1 === xs.length) break;
    for (let s = 1; s < steps; s++) {
      outX.push(xs[i] + ((xs[i + 1] - xs[i]) * s) / steps);
      outY.push(ys[i] + ((ys[i + 1] - ys[i]) * s) / steps);
    }
  }
  return [{ xs: outX, ys: outY }];
}
