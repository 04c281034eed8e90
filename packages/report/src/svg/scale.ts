import { logTicks, niceTicks } from './ticks';

/** A map from data values to pixels along one axis, with its ticks. */
export interface Scale {
  kind: 'linear' | 'log';
  /** Data interval [low, high], low < high. */
  domain: readonly [number, number];
  /** Pixel interval; may run backwards (y grows downwards on screen). */
  range: readonly [number, number];
  /** The pixel position of a data value (outside the domain too). */
  map(value: number): number;
  ticks(count?: number): number[];
}

function checkDomain(domain: readonly [number, number], what: string): void {
  const [low, high] = domain;
  if (!(Number.isFinite(low) && Number.isFinite(high) && low < high)) {
    throw new RangeError(`${what} domain must be finite with low < high, got [${low}, ${high}]`);
  }
}

/** A linear scale: pixel = r0 + (value - d0) (r1 - r0) / (d1 - d0). */
export function linearScale(
  domain: readonly [number, number],
  range: readonly [number, number],
): Scale {
  checkDomain(domain, 'linear scale');
  const [d0, d1] = domain;
  const [r0, r1] = range;
  return {
    kind: 'linear',
    domain,
    range,
    map: (value) => r0 + ((value - d0) * (r1 - r0)) / (d1 - d0),
    ticks: (count = 5) => niceTicks(d0, d1, count).ticks,
  };
}

/**
 * A logarithmic scale on a positive domain: linear in log10(value). Values
 * <= 0 have no position; callers clip them first (see clipBelow).
 */
export function logScale(
  domain: readonly [number, number],
  range: readonly [number, number],
): Scale {
  checkDomain(domain, 'log scale');
  if (!(domain[0] > 0))
    throw new RangeError(`log scale domain must be positive, got [${domain[0]}, ${domain[1]}]`);
  const l0 = Math.log10(domain[0]);
  const l1 = Math.log10(domain[1]);
  const [r0, r1] = range;
  return {
    kind: 'log',
    domain,
    range,
    map: (value) => r0 + ((Math.log10(value) - l0) * (r1 - r0)) / (l1 - l0),
    ticks: (count = 6) => logTicks(domain[0], domain[1], count),
  };
}
