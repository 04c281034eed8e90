import { ColourMap } from './colour-map';
import { element } from './element';

/** A row-major matrix of values. */
export interface Matrix {
  rows: number;
  cols: number;
  /** rows * cols values, row-major; non-finite ones are drawn as missing. */
  values: ArrayLike<number>;
}

/** Where and how to draw a matrix's cells. */
export interface CellsOptions {
  left: number;
  top: number;
  /** Side of one cell in pixels. */
  cell: number;
  map: ColourMap;
  range: readonly [number, number];
}

/**
 * The cells of a matrix as rectangles coloured by value. Neighbouring
 * cells of a row with the same colour are merged into one rectangle; a
 * non-finite value is drawn grey with class "missing-cell".
 */
export function cellsMarkup(matrix: Matrix, options: CellsOptions): string {
  const { rows, cols, values } = matrix;
  if (values.length !== rows * cols) {
    throw new RangeError(
      `matrix must hold rows * cols = ${rows * cols} values, got ${values.length}`,
    );
  }
  const [low, high] = options.range;
  const span = high - low || 1;
  const colourAt = (k: number) =>
    Number.isFinite(values[k]) ? options.map.colour((values[k] - low) / span) : 'missing';

  const parts: string[] = [];
  for (let i = 0; i < rows; i++) {
    let j = 0;
    while (j < cols) {
      const colour = colourAt(i * cols + j);
      let end = j + 1;
      while (end < cols && colourAt(i * cols + end) === colour) end++;
      parts.push(
        element('rect', {
          x: options.left + j * options.cell,
          y: options.top + i * options.cell,
          width: (end - j) * options.cell,
          height: options.cell,
          fill: colour === 'missing' ? '#bbbbbb' : colour,
          class: colour === 'missing' ? 'missing-cell' : undefined,
        }),
      );
      j = end;
    }
  }
  return element('g', { class: 'cells', 'shape-rendering': 'crispEdges' }, parts);
}
