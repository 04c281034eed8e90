/**
 * "Nice" tick values covering [low, high]: multiples of a step 1, 2 or 5
 * times a power of ten (Heckbert, "Nice numbers for graph labels",
 * Graphics Gems, 1990), the smallest such step that puts at most
 * count + 1 ticks inside the interval. Returns the ticks and the step.
 */
export function niceTicks(low: number, high: number, count = 5): { ticks: number[]; step: number } {
  if (!(Number.isFinite(low) && Number.isFinite(high) && low < high)) {
    throw new RangeError(`tick interval must be finite with low < high, got [${low}, ${high}]`);
  }
  const raw = (high - low) / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(raw));
  const inside = (candidate: number) =>
    Math.floor(high / candidate + 1e-9) - Math.ceil(low / candidate - 1e-9) + 1;
  const step =
    [1, 2, 5, 10].map((m) => m * power).find((candidate) => inside(candidate) <= count + 1) ??
    10 * power;

  const ticks: number[] = [];
  const first = Math.ceil(low / step - 1e-9);
  const last = Math.floor(high / step + 1e-9);
  // toPrecision(12) drops the float noise of k * step (0.6000000000000001); + 0 turns -0 into 0.
  for (let k = first; k <= last; k++) ticks.push(Number((k * step).toPrecision(12)) + 0);
  return { ticks, step };
}

/**
 * Ticks of a logarithmic axis on [low, high] (both > 0): every power of
 * ten inside, thinned to at most `count` by taking every 2nd, 3rd, ...
 * decade; when the interval holds at most two powers of ten, also 2x and 5x
 * each power of ten.
 */
export function logTicks(low: number, high: number, count = 6): number[] {
  if (!(low > 0 && high > low && Number.isFinite(high))) {
    throw new RangeError(`log tick interval must satisfy 0 < low < high, got [${low}, ${high}]`);
  }
  const first = Math.ceil(Math.log10(low) - 1e-9);
  const last = Math.floor(Math.log10(high) + 1e-9);
  const decades = last - first + 1;
  const inside = (value: number) => value >= low * (1 - 1e-9) && value <= high * (1 + 1e-9);

  if (decades <= 2) {
    const ticks: number[] = [];
    for (let e = first - 1; e <= last; e++) {
      for (const m of [1, 2, 5]) if (inside(m * 10 ** e)) ticks.push(m * 10 ** e);
    }
    return ticks;
  }
  const stride = Math.ceil(decades / count);
  const ticks: number[] = [];
  for (let e = first; e <= last; e++) if ((e - first) % stride === 0) ticks.push(10 ** e);
  return ticks;
}
