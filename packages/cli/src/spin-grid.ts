/** An 8-bit grayscale image, row-major, 0 black and 255 white. */
export interface GrayImage {
  width: number;
  height: number;
  pixels: Uint8Array;
}

/** How a grid of spin configurations is laid out in pixels. */
export interface SpinGridLayout {
  L: number;
  columns: number;
  rows: number;
  /** Pixels per spin along each side. */
  scale: number;
  /** Grey frame pixels between tiles and around the grid. */
  gap: number;
  width: number;
  height: number;
}

export const BLACK = 0;
export const WHITE = 255;
/** Colour of the frame between tiles, so white (down) regions keep their edges. */
export const FRAME = 128;

/** Tiles are drawn about this many pixels wide, whatever L is. */
const TILE_PIXELS = 48;

/**
 * A near-square grid for `count` configurations of L x L spins; each spin
 * is a square of `scale` pixels (so that a tile is about 48 pixels), with
 * a 2-pixel grey frame between tiles and around the edge.
 */
export function spinGridLayout(L: number, count: number): SpinGridLayout {
  const columns = Math.ceil(Math.sqrt(count));
  const rows = Math.ceil(count / columns);
  const scale = Math.max(1, Math.ceil(TILE_PIXELS / L));
  const gap = 2;
  return {
    L,
    columns,
    rows,
    scale,
    gap,
    width: columns * L * scale + (columns + 1) * gap,
    height: rows * L * scale + (rows + 1) * gap,
  };
}

/**
 * Draws spin configurations as tiles, up spins (+1) black and down spins
 * (-1) white, in reading order, on a grey frame.
 *
 * @throws RangeError when a configuration does not have L * L spins.
 */
export function renderSpinGrid(configurations: readonly Int8Array[], L: number): GrayImage {
  const layout = spinGridLayout(L, configurations.length);
  const { width, scale, gap, columns } = layout;
  const pixels = new Uint8Array(width * layout.height).fill(FRAME);

  configurations.forEach((spins, n) => {
    if (spins.length !== L * L) {
      throw new RangeError(
        `configuration ${n} must have L * L = ${L * L} spins, got ${spins.length}`,
      );
    }
    const left = gap + (n % columns) * (L * scale + gap);
    const top = gap + Math.floor(n / columns) * (L * scale + gap);
    for (let i = 0; i < L; i++) {
      for (let j = 0; j < L; j++) {
        const colour = spins[i * L + j] === 1 ? BLACK : WHITE;
        for (let dy = 0; dy < scale; dy++) {
          const row = (top + i * scale + dy) * width + left + j * scale;
          pixels.fill(colour, row, row + scale);
        }
      }
    }
  });
  return { width, height: layout.height, pixels };
}
