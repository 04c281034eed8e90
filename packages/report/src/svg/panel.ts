import { axesMarkup } from './axes';
import { element, text } from './element';
import { linearScale, logScale, Scale } from './scale';

/** One axis of a panel. */
export interface AxisOptions {
  label: string;
  domain: readonly [number, number];
  /** 'linear' (default) or 'log' (positive domain). */
  kind?: 'linear' | 'log';
  /** Approximate number of ticks. */
  ticks?: number;
  /** Category names at 0, 1, 2, ...: ticks at those positions, labelled by name. */
  categories?: readonly string[];
}

/** A panel: a titled plot area with two axes. */
export interface PanelOptions {
  /** Unique on the page: names the clip path of the plot area. */
  id: string;
  title?: string;
  width?: number;
  height?: number;
  x: AxisOptions;
  y: AxisOptions;
}

/** The plot area in pixels. */
export interface PlotArea {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** What a layer draws with: the two scales, the plot area and the clip path. */
export interface PanelFrame {
  x: Scale;
  y: Scale;
  area: PlotArea;
  /** `url(#...)` of a clip path to the plot area. */
  clip: string;
}

/** Draws part of a panel's data: markup inside the plot area. */
export type Layer = (frame: PanelFrame) => string;

const MARGIN = { left: 64, right: 16, top: 30, bottom: 46 };

function scaleOf(axis: AxisOptions, range: readonly [number, number]): Scale {
  return axis.kind === 'log' ? logScale(axis.domain, range) : linearScale(axis.domain, range);
}

/**
 * A complete `<svg>` panel: background, grid, axes with ticks and labels,
 * a title, and the layers drawn in order, clipped to the plot area.
 */
export function panel(options: PanelOptions, layers: Layer[]): string {
  const width = options.width ?? 560;
  const height = options.height ?? 320;
  const area: PlotArea = {
    left: MARGIN.left,
    top: MARGIN.top,
    width: width - MARGIN.left - MARGIN.right,
    height: height - MARGIN.top - MARGIN.bottom,
  };
  const x = scaleOf(options.x, [area.left, area.left + area.width]);
  const y = scaleOf(options.y, [area.top + area.height, area.top]);
  const clipId = `${options.id}-clip`;
  const frame: PanelFrame = { x, y, area, clip: `url(#${clipId})` };

  const clipPath = element(
    'clipPath',
    { id: clipId },
    element('rect', { x: area.left, y: area.top, width: area.width, height: area.height }),
  );
  const title =
    options.title === undefined
      ? ''
      : element('text', { x: area.left, y: 18, class: 'panel-title' }, text(options.title));
  return element(
    'svg',
    {
      xmlns: 'http://www.w3.org/2000/svg',
      viewBox: `0 0 ${width} ${height}`,
      width,
      height,
      role: 'img',
      'aria-label': options.title ?? `${options.y.label} versus ${options.x.label}`,
    },
    [
      element('defs', {}, clipPath),
      element('rect', { x: 0, y: 0, width, height, class: 'panel-background' }),
      axesMarkup(frame, options.x, options.y),
      ...layers.map((layer) => layer(frame)),
      title,
    ],
  );
}
