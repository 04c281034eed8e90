import { formatTick } from '../format-number';
import { ColourMap } from './colour-map';
import { element, text } from './element';
import { niceTicks } from './ticks';

/** Where to draw a colour bar and what it shows. */
export interface ColourBarOptions {
  /** Unique on the page: names the gradient. */
  id: string;
  left: number;
  top: number;
  width?: number;
  height: number;
  map: ColourMap;
  range: readonly [number, number];
  label?: string;
}

/** A vertical colour bar, low at the bottom, with ticks on its right side. */
export function colourBar(options: ColourBarOptions): string {
  const width = options.width ?? 12;
  const { left, top, height, map } = options;
  const [low, high] = options.range;
  const gradientId = `${options.id}-gradient`;

  const stops: string[] = [];
  for (let k = 0; k <= 16; k++) {
    stops.push(
      element('stop', { offset: `${(100 * k) / 16}%`, 'stop-color': map.colour(1 - k / 16) }),
    );
  }
  const gradient = element('linearGradient', { id: gradientId, x1: 0, y1: 0, x2: 0, y2: 1 }, stops);

  const parts = [
    element('defs', {}, gradient),
    element('rect', {
      x: left,
      y: top,
      width,
      height,
      fill: `url(#${gradientId})`,
      class: 'colour-bar',
    }),
  ];
  if (high > low) {
    const { ticks, step } = niceTicks(low, high, 4);
    for (const value of ticks) {
      const y = top + height - ((value - low) / (high - low)) * height;
      parts.push(
        element('line', { x1: left + width, x2: left + width + 4, y1: y, y2: y, class: 'tick' }),
      );
      parts.push(
        element(
          'text',
          { x: left + width + 6, y: y + 4, class: 'tick-label' },
          text(formatTick(value, step)),
        ),
      );
    }
  }
  if (options.label !== undefined) {
    const x = left + width + 52;
    const y = top + height / 2;
    parts.push(
      element(
        'text',
        { x, y, class: 'axis-label', 'text-anchor': 'middle', transform: `rotate(-90 ${x} ${y})` },
        text(options.label),
      ),
    );
  }
  return element('g', { class: 'colour-bar-group' }, parts);
}
