import { element, svgNumber } from './element';
import type { Layer } from './panel';

/** How a line is drawn. */
export interface LineStyle {
  colour: string;
  width?: number;
  opacity?: number;
  /** SVG stroke-dasharray, e.g. "6 4". */
  dash?: string;
  /** Class for tests and styling. */
  className?: string;
}

/**
 * A polyline through (xs[i], ys[i]), clipped to the plot area. A point
 * with a non-finite coordinate, or one a log axis cannot place (<= 0),
 * breaks the line there instead of being drawn at a wrong place.
 */
export function line(xs: ArrayLike<number>, ys: ArrayLike<number>, style: LineStyle): Layer {
  return (frame) => {
    let d = '';
    let open = false;
    for (let i = 0; i < xs.length; i++) {
      const xValue = xs[i];
      const yValue = ys[i];
      const placeable =
        Number.isFinite(xValue) &&
        Number.isFinite(yValue) &&
        (frame.x.kind !== 'log' || xValue > 0) &&
        (frame.y.kind !== 'log' || yValue > 0);
      if (!placeable) {
        open = false;
        continue;
      }
      d += `${open ? 'L' : 'M'}${svgNumber(frame.x.map(xValue))} ${svgNumber(frame.y.map(yValue))}`;
      open = true;
    }
    if (d === '') return '';
    return element('path', {
      d,
      fill: 'none',
      stroke: style.colour,
      'stroke-width': style.width ?? 1.5,
      'stroke-opacity': style.opacity,
      'stroke-dasharray': style.dash,
      'stroke-linejoin': 'round',
      'clip-path': frame.clip,
      class: style.className ?? 'series-line',
    });
  };
}

/** A horizontal line across the plot area at data value y, e.g. an exact result. */
export function horizontalLine(y: number, style: LineStyle): Layer {
  return (frame) => {
    if (!Number.isFinite(y) || (frame.y.kind === 'log' && y <= 0)) return '';
    const py = frame.y.map(y);
    return element('line', {
      x1: frame.area.left,
      x2: frame.area.left + frame.area.width,
      y1: py,
      y2: py,
      stroke: style.colour,
      'stroke-width': style.width ?? 1.5,
      'stroke-dasharray': style.dash,
      'clip-path': frame.clip,
      class: style.className ?? 'reference-line',
    });
  };
}
