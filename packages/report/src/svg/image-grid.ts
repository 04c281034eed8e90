import { cellsMarkup, Matrix } from './cells';
import { colourBar } from './colour-bar';
import { ColourMap, colourRange } from './colour-map';
import { element, text } from './element';

/** One tile of an image grid: a matrix and its caption. */
export interface Tile extends Matrix {
  label?: string;
}

/** An image grid: tiles in rows, one colour scale for all or one per tile. */
export interface ImageGridOptions {
  /** Unique on the page. */
  id: string;
  title?: string;
  map: ColourMap;
  /** Tiles per row. */
  columns: number;
  /** Side of a tile's longer edge in pixels. */
  tileSize?: number;
  /**
   * 'shared' (default): one colour range for every tile, with a colour bar;
   * 'per-tile': each tile scaled to its own range (shapes, not sizes, compare).
   */
  scale?: 'shared' | 'per-tile';
  /** A fixed shared range; by default from all values. */
  range?: readonly [number, number];
  colourLabel?: string;
}

/** A complete `<svg>` of tiles with labels under them, and a colour bar when the scale is shared. */
export function imageGrid(tiles: Tile[], options: ImageGridOptions): string {
  if (!Number.isInteger(options.columns) || options.columns < 1) {
    throw new RangeError(`image grid columns must be a positive integer, got ${options.columns}`);
  }
  const tileSize = options.tileSize ?? 72;
  const gap = 10;
  const labelHeight = tiles.some((tile) => tile.label !== undefined) ? 16 : 0;
  const top = options.title === undefined ? 6 : 28;
  const shared = (options.scale ?? 'shared') === 'shared';
  const allValues = tiles.flatMap((tile) => Array.from(tile.values));
  const sharedRange = options.range ?? colourRange(allValues, options.map);

  const columns = Math.min(options.columns, Math.max(1, tiles.length));
  const rows = Math.ceil(tiles.length / columns);
  const gridWidth = columns * (tileSize + gap);
  const width = 6 + gridWidth + (shared ? 96 : 0);
  const height = top + rows * (tileSize + gap + labelHeight) + 4;

  const parts = [element('rect', { x: 0, y: 0, width, height, class: 'panel-background' })];
  tiles.forEach((tile, k) => {
    const cell = tileSize / Math.max(tile.rows, tile.cols);
    const left = 6 + (k % columns) * (tileSize + gap);
    const y = top + Math.floor(k / columns) * (tileSize + gap + labelHeight);
    const range = shared ? sharedRange : colourRange(Array.from(tile.values), options.map);
    parts.push(cellsMarkup(tile, { left, top: y, cell, map: options.map, range }));
    parts.push(
      element('rect', {
        x: left,
        y,
        width: tile.cols * cell,
        height: tile.rows * cell,
        class: 'frame',
      }),
    );
    if (tile.label !== undefined) {
      parts.push(
        element(
          'text',
          {
            x: left + tileSize / 2,
            y: y + tileSize + 13,
            class: 'tile-label',
            'text-anchor': 'middle',
          },
          text(tile.label),
        ),
      );
    }
  });
  if (shared && tiles.length > 0) {
    parts.push(
      colourBar({
        id: options.id,
        left: 6 + gridWidth + 4,
        top,
        height: Math.min(rows * (tileSize + gap + labelHeight) - gap - labelHeight, 200),
        map: options.map,
        range: sharedRange,
        label: options.colourLabel,
      }),
    );
  }
  if (options.title !== undefined) {
    parts.push(element('text', { x: 6, y: 18, class: 'panel-title' }, text(options.title)));
  }
  return element(
    'svg',
    {
      xmlns: 'http://www.w3.org/2000/svg',
      viewBox: `0 0 ${width} ${height}`,
      width,
      height,
      role: 'img',
      'aria-label': options.title ?? 'image grid',
    },
    parts,
  );
}
