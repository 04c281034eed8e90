/** A number with `digits` significant digits, trailing zeros dropped, exponent form when very large or small. */
export function formatNumber(value: number, digits = 6): string {
  if (!Number.isFinite(value)) return String(value);
  if (value === 0) return '0';
  const magnitude = Math.abs(value);
  if (magnitude >= 1e6 || magnitude < 1e-4) {
    return value.toExponential(Math.max(0, digits - 1)).replace(/\.?0+e/, 'e');
  }
  return String(Number(value.toPrecision(digits)));
}

/**
 * A tick label: as many decimals as the tick step needs (a step of 0.05
 * gives 2), exponent form for very large or small values.
 */
export function formatTick(value: number, step: number): string {
  if (Math.abs(value) < step * 1e-9) return '0';
  const magnitude = Math.abs(value);
  if (magnitude >= 1e6 || magnitude < 1e-4) return formatNumber(value, 3);
  const decimals = Math.max(0, Math.min(10, -Math.floor(Math.log10(step) + 1e-9)));
  return value.toFixed(decimals);
}

/**
 * A value with its standard error, "v ± e": the error to 2 significant
 * digits and the value to the same decimal place (the usual convention of
 * the Particle Data Group, simplified). A missing or non-finite error gives
 * the value alone.
 */
export function formatWithError(value: number, stdErr: number | undefined): string {
  if (!Number.isFinite(value)) return String(value);
  if (stdErr === undefined || !Number.isFinite(stdErr) || stdErr <= 0) return formatNumber(value);
  const decimals = Math.max(0, 1 - Math.floor(Math.log10(stdErr)));
  if (decimals > 12 || Math.abs(value) >= 1e9) {
    return `${formatNumber(value)} ± ${formatNumber(stdErr, 2)}`;
  }
  return `${value.toFixed(decimals)} ± ${stdErr.toFixed(decimals)}`;
}
