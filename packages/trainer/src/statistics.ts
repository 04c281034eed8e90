/** Mean and standard error of the mean, sigma / sqrt(n), of a sample. */
export function meanAndStdErr(values: ArrayLike<number>): { mean: number; stdErr: number } {
  const n = values.length;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += values[i];
  const mean = sum / n;
  let squares = 0;
  for (let i = 0; i < n; i++) squares += (values[i] - mean) ** 2;
  const variance = n > 1 ? squares / (n - 1) : 0;
  return { mean, stdErr: Math.sqrt(variance / n) };
}

/** ln( (1/n) sum_i exp(a_i) ), computed without overflow. */
export function logMeanExp(values: ArrayLike<number>): number {
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) max = Math.max(max, values[i]);
  if (!Number.isFinite(max)) return max;
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += Math.exp(values[i] - max);
  return max + Math.log(sum / values.length);
}

/** Whether every entry is a finite number. */
export function allFinite(values: ArrayLike<number>): boolean {
  for (let i = 0; i < values.length; i++) if (!Number.isFinite(values[i])) return false;
  return true;
}
