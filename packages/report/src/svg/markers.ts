import { element, svgNumber } from './element';
import type { Layer } from './panel';

/** Marker shapes, so that series differ by more than colour. */
export type MarkerShape = 'circle' | 'square' | 'triangle' | 'diamond';

/** How markers are drawn. */
export interface MarkerStyle {
  colour: string;
  shape?: MarkerShape;
  /** Radius in pixels. */
  size?: number;
  opacity?: number;
  className?: string;
}

/** The outline of one marker centred at (x, y). */
export function markerPath(shape: MarkerShape, x: number, y: number, r: number): string {
  const [cx, cy, s] = [x, y, r].map(svgNumber);
  switch (shape) {
    case 'square':
      return `M${svgNumber(x - r)} ${svgNumber(y - r)}h${svgNumber(2 * r)}v${svgNumber(2 * r)}h${svgNumber(-2 * r)}Z`;
    case 'triangle':
      return (
        `M${cx} ${svgNumber(y - r * 1.2)}L${svgNumber(x + r * 1.15)} ${svgNumber(y + r * 0.8)}` +
        `L${svgNumber(x - r * 1.15)} ${svgNumber(y + r * 0.8)}Z`
      );
    case 'diamond':
      return `M${cx} ${svgNumber(y - r * 1.3)}L${svgNumber(x + r * 1.3)} ${cy}L${cx} ${svgNumber(y + r * 1.3)}L${svgNumber(x - r * 1.3)} ${cy}Z`;
    default:
      return `M${svgNumber(x - r)} ${cy}a${s} ${s} 0 1 0 ${svgNumber(2 * r)} 0a${s} ${s} 0 1 0 ${svgNumber(-2 * r)} 0Z`;
  }
}

/**
 * Markers at (xs[i], ys[i]) with optional symmetric error bars ys[i] +-
 * errors[i]. Points with non-finite values are skipped. On a log y axis a
 * value <= 0 cannot be placed: it is drawn as an open downward triangle
 * on the bottom edge (class "clipped-point"), so that it is visibly
 * clipped rather than silently dropped; callers say so in the caption.
 */
export function markers(
  xs: ArrayLike<number>,
  ys: ArrayLike<number>,
  style: MarkerStyle,
  errors?: ArrayLike<number>,
): Layer {
  return (frame) => {
    const r = style.size ?? 3;
    const bottom = frame.area.top + frame.area.height;
    let shapes = '';
    let clipped = '';
    let bars = '';
    for (let i = 0; i < xs.length; i++) {
      const x = xs[i];
      const y = ys[i];
      if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
      const px = frame.x.map(x);
      if (frame.y.kind === 'log' && y <= 0) {
        clipped += `M${svgNumber(px - r)} ${svgNumber(bottom - 2 * r)}h${svgNumber(2 * r)}l${svgNumber(-r)} ${svgNumber(2 * r)}Z`;
        continue;
      }
      const py = frame.y.map(y);
      shapes += markerPath(style.shape ?? 'circle', px, py, r);
      const error = errors?.[i];
      if (error !== undefined && Number.isFinite(error) && error > 0) {
        const low = y - error;
        const top = frame.y.map(y + error);
        const base = frame.y.kind === 'log' && low <= 0 ? bottom : frame.y.map(low);
        bars += `M${svgNumber(px)} ${svgNumber(top)}V${svgNumber(base)}`;
        bars += `M${svgNumber(px - r)} ${svgNumber(top)}h${svgNumber(2 * r)}M${svgNumber(px - r)} ${svgNumber(base)}h${svgNumber(2 * r)}`;
      }
    }
    const parts: string[] = [];
    if (bars !== '') {
      parts.push(
        element('path', {
          d: bars,
          stroke: style.colour,
          'stroke-width': 1,
          fill: 'none',
          class: 'error-bar',
        }),
      );
    }
    if (shapes !== '') {
      parts.push(
        element('path', {
          d: shapes,
          fill: style.colour,
          'fill-opacity': style.opacity,
          class: style.className ?? 'marker',
        }),
      );
    }
    if (clipped !== '') {
      parts.push(
        element('path', { d: clipped, fill: 'none', stroke: style.colour, class: 'clipped-point' }),
      );
    }
    return parts.length === 0 ? '' : element('g', { 'clip-path': frame.clip }, parts);
  };
}
