import { BLACK, WHITE, renderSpinGrid, spinGridLayout } from './spin-grid';

describe('renderSpinGrid', () => {
  it('lays 64 tiles out as 8 x 8 with 2-pixel gaps', () => {
    expect(spinGridLayout(8, 64)).toMatchObject({ columns: 8, rows: 8, scale: 6, gap: 2 });
    expect(spinGridLayout(8, 64).width).toBe(8 * 48 + 9 * 2);
    expect(spinGridLayout(64, 64).scale).toBe(1);
  });

  it('draws an up spin as a black square at its site, in reading order of tiles', () => {
    const L = 2;
    const tiles = [Int8Array.from([-1, -1, -1, -1]), Int8Array.from([-1, 1, -1, -1])];
    const image = renderSpinGrid(tiles, L);
    const { scale, gap } = spinGridLayout(L, 2);
    const at = (x: number, y: number) => image.pixels[y * image.width + x];

    // Second tile, site (i = 0, j = 1): its top-left corner and its last pixel.
    const left = gap + (L * scale + gap) + scale;
    expect(at(left, gap)).toBe(BLACK);
    expect(at(left + scale - 1, gap + scale - 1)).toBe(BLACK);
    expect(at(left - 1, gap)).toBe(WHITE);
    expect(at(left, gap + scale)).toBe(WHITE);
    const black = image.pixels.filter((value) => value === BLACK).length;
    expect(black).toBe(scale * scale);
  });

  it('rejects a configuration of the wrong size', () => {
    expect(() => renderSpinGrid([new Int8Array(3)], 2)).toThrow('must have L * L = 4 spins, got 3');
  });
});
