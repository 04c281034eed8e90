/**
 * Colours of data series, in order: distinguishable for the common forms
 * of colour blindness (Okabe and Ito, "Color universal design", 2008).
 */
export const SERIES_COLOURS = [
  '#0072B2', // blue
  '#D55E00', // vermillion
  '#009E73', // bluish green
  '#CC79A7', // reddish purple
  '#E69F00', // orange
  '#56B4E9', // sky blue
  '#000000', // black
] as const;

/** The colour of series `index`, cycling through {@link SERIES_COLOURS}. */
export function seriesColour(index: number): string {
  return SERIES_COLOURS[
    ((index % SERIES_COLOURS.length) + SERIES_COLOURS.length) % SERIES_COLOURS.length
  ];
}
