import { formatNumber, formatTick } from '../format-number';
import { element, text } from './element';
import type { AxisOptions, PanelFrame } from './panel';
import type { Scale } from './scale';

/** A tick label; a power of ten on a log axis is written 10 with a raised exponent. */
function tickLabel(scale: Scale, value: number, ticks: number[]): string {
  if (scale.kind === 'log') {
    const exponent = Math.round(Math.log10(value));
    if (Math.abs(value - 10 ** exponent) <= 1e-9 * value && Math.abs(exponent) > 1) {
      return `10${element('tspan', { dy: -6, 'font-size': '75%' }, String(exponent))}`;
    }
    return text(formatNumber(value, 3));
  }
  const step = ticks.length > 1 ? ticks[1] - ticks[0] : Math.abs(value) || 1;
  return text(formatTick(value, step));
}

/** Rough width of an 11 px tick label character. */
const CHARACTER_WIDTH = 6.4;

/**
 * A category label that fits `width` pixels: on one line when it fits,
 * else broken at spaces and hyphens into lines (tspans) under each other.
 */
function categoryLabel(label: string, x: number, width: number): string {
  if (label.length * CHARACTER_WIDTH <= width) return text(label);
  const words = label.split(/(?<=[ -])/);
  const lines: string[] = [];
  for (const word of words) {
    const last = lines.length - 1;
    if (last >= 0 && (lines[last] + word).length * CHARACTER_WIDTH <= width) lines[last] += word;
    else lines.push(word);
  }
  return lines
    .map((line, k) => element('tspan', { x, dy: k === 0 ? 0 : 12 }, text(line.trim())))
    .join('');
}

/**
 * Grid lines, the frame of the plot area, tick marks with labels on the
 * bottom and left edges, and the two axis labels.
 */
export function axesMarkup(frame: PanelFrame, xAxis: AxisOptions, yAxis: AxisOptions): string {
  const { area, x, y } = frame;
  const bottom = area.top + area.height;
  const right = area.left + area.width;
  const parts: string[] = [];

  const categories = xAxis.categories;
  const xTicks = categories === undefined ? x.ticks(xAxis.ticks) : categories.map((_, k) => k);
  for (const value of xTicks) {
    const px = x.map(value);
    const slot = categories === undefined ? 0 : area.width / categories.length - 4;
    const label =
      categories === undefined
        ? tickLabel(x, value, xTicks)
        : categoryLabel(categories[value], px, slot);
    if (categories === undefined) {
      parts.push(element('line', { x1: px, y1: area.top, x2: px, y2: bottom, class: 'grid' }));
    }
    parts.push(element('line', { x1: px, y1: bottom, x2: px, y2: bottom + 5, class: 'tick' }));
    parts.push(
      element(
        'text',
        { x: px, y: bottom + 18, class: 'tick-label', 'text-anchor': 'middle' },
        label,
      ),
    );
  }
  const yTicks = y.ticks(yAxis.ticks);
  for (const value of yTicks) {
    const py = y.map(value);
    parts.push(element('line', { x1: area.left, y1: py, x2: right, y2: py, class: 'grid' }));
    parts.push(
      element('line', { x1: area.left - 5, y1: py, x2: area.left, y2: py, class: 'tick' }),
    );
    parts.push(
      element(
        'text',
        { x: area.left - 8, y: py + 4, class: 'tick-label', 'text-anchor': 'end' },
        tickLabel(y, value, yTicks),
      ),
    );
  }

  parts.push(
    element('rect', {
      x: area.left,
      y: area.top,
      width: area.width,
      height: area.height,
      class: 'frame',
    }),
  );
  parts.push(
    element(
      'text',
      {
        x: area.left + area.width / 2,
        y: bottom + 38,
        class: 'axis-label',
        'text-anchor': 'middle',
      },
      text(xAxis.label),
    ),
  );
  const yMiddle = area.top + area.height / 2;
  parts.push(
    element(
      'text',
      {
        x: 14,
        y: yMiddle,
        class: 'axis-label',
        'text-anchor': 'middle',
        transform: `rotate(-90 14 ${yMiddle})`,
      },
      text(yAxis.label),
    ),
  );
  return element('g', { class: 'axes' }, parts);
}
