import { element, svgNumber } from './element';
import type { Layer } from './panel';

/**
 * A filled band between lower[i] and upper[i] over xs[i], e.g. a value
 * plus and minus its standard error. Non-finite points split the band.
 * On a log y axis a non-positive lower edge is drawn at the bottom of the
 * plot area (the band is clipped there, not dropped).
 */
export function band(
  xs: ArrayLike<number>,
  lower: ArrayLike<number>,
  upper: ArrayLike<number>,
  style: { colour: string; opacity?: number; className?: string },
): Layer {
  return (frame) => {
    const bottom = frame.area.top + frame.area.height;
    const yPixel = (value: number) =>
      frame.y.kind === 'log' && value <= 0 ? bottom : frame.y.map(value);
    const pieces: string[] = [];
    let run: number[] = [];

    const flush = () => {
      if (run.length >= 2) {
        const top = run.map(
          (i) => `${svgNumber(frame.x.map(xs[i]))} ${svgNumber(yPixel(upper[i]))}`,
        );
        const base = [...run]
          .reverse()
          .map((i) => `${svgNumber(frame.x.map(xs[i]))} ${svgNumber(yPixel(lower[i]))}`);
        pieces.push(`M${top.join('L')}L${base.join('L')}Z`);
      }
      run = [];
    };
    for (let i = 0; i < xs.length; i++) {
      const ok =
        Number.isFinite(xs[i]) &&
        Number.isFinite(lower[i]) &&
        Number.isFinite(upper[i]) &&
        (frame.y.kind !== 'log' || upper[i] > 0);
      if (ok) run.push(i);
      else flush();
    }
    flush();
    if (pieces.length === 0) return '';
    return element('path', {
      d: pieces.join(''),
      fill: style.colour,
      'fill-opacity': style.opacity ?? 0.2,
      stroke: 'none',
      'clip-path': frame.clip,
      class: style.className ?? 'series-band',
    });
  };
}
