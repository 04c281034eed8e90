/** A map from t in [0, 1] to a CSS colour. */
export interface ColourMap {
  name: 'sequential' | 'diverging' | 'grey';
  colour(t: number): string;
}

type Rgb = readonly [number, number, number];

function interpolate(anchors: readonly Rgb[], t: number): string {
  const clamped = Number.isFinite(t) ? Math.min(1, Math.max(0, t)) : 0;
  const position = clamped * (anchors.length - 1);
  const k = Math.min(anchors.length - 2, Math.floor(position));
  const f = position - k;
  const channel = (c: number) =>
    Math.round(anchors[k][c] + f * (anchors[k + 1][c] - anchors[k][c]));
  const hex = (value: number) => value.toString(16).padStart(2, '0');
  return `#${hex(channel(0))}${hex(channel(1))}${hex(channel(2))}`;
}

/**
 * Sequential map, dark purple through blue and green to yellow, sampled
 * from viridis (van der Walt and Smith, matplotlib, 2015; CC0): perceptually
 * uniform and readable in grey. For non-negative quantities (MI, std).
 */
const VIRIDIS: readonly Rgb[] = [
  [68, 1, 84],
  [71, 44, 122],
  [59, 81, 139],
  [44, 113, 142],
  [33, 144, 141],
  [39, 173, 129],
  [92, 200, 99],
  [170, 220, 50],
  [253, 231, 37],
];

/** Diverging map, blue through white to red: for signed quantities centred on 0. */
const BLUE_WHITE_RED: readonly Rgb[] = [
  [33, 102, 172],
  [103, 169, 207],
  [209, 229, 240],
  [247, 247, 247],
  [253, 219, 199],
  [239, 138, 98],
  [178, 24, 43],
];

export const SEQUENTIAL: ColourMap = { name: 'sequential', colour: (t) => interpolate(VIRIDIS, t) };
export const DIVERGING: ColourMap = {
  name: 'diverging',
  colour: (t) => interpolate(BLUE_WHITE_RED, t),
};
/** White (0) to black (1), as spins are drawn in samples.png (up = black). */
export const GREY: ColourMap = {
  name: 'grey',
  colour: (t) =>
    interpolate(
      [
        [255, 255, 255],
        [0, 0, 0],
      ],
      t,
    ),
};

/**
 * The colour range of some values: [min, max] for a sequential map,
 * symmetric [-m, m] with m = max |value| for a diverging one, so that
 * white is 0. Non-finite values are ignored; an empty or constant set
 * gets a unit-wide range.
 */
export function colourRange(values: Iterable<number>, map: ColourMap): [number, number] {
  let low = Infinity;
  let high = -Infinity;
  for (const value of values) {
    if (!Number.isFinite(value)) continue;
    low = Math.min(low, value);
    high = Math.max(high, value);
  }
  if (low > high) return map.name === 'diverging' ? [-1, 1] : [0, 1];
  if (map.name === 'diverging') {
    const m = Math.max(Math.abs(low), Math.abs(high)) || 1;
    return [-m, m];
  }
  if (low === high) return [low - 0.5, high + 0.5];
  return [low, high];
}
