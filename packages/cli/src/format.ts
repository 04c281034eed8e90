/** A duration for people: 0.42s, 12s, 3m05s, 1h02m. */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '?';
  if (seconds < 10) return `${seconds.toFixed(seconds < 1 ? 2 : 1)}s`;
  const whole = Math.round(seconds);
  if (whole < 60) return `${whole}s`;
  const minutes = Math.floor(whole / 60);
  if (minutes < 60) return `${minutes}m${String(whole % 60).padStart(2, '0')}s`;
  return `${Math.floor(minutes / 60)}h${String(minutes % 60).padStart(2, '0')}m`;
}

/** A value with its standard error, both to `digits` decimals: -148.532 ± 0.004. */
export function withError(value: number, stdErr: number, digits: number): string {
  return `${value.toFixed(digits)} ± ${stdErr.toFixed(digits)}`;
}
