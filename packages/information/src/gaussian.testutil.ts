import { SplitMix32 } from './random';

/**
 * n draws of (X, Y) with X, Y in d dimensions, standard normal margins and
 * corr(X_c, Y_c) = rho, independent over c: I(X; Y) = -(d/2) ln(1 - rho^2).
 */
export function correlatedNormals(
  n: number,
  d: number,
  rho: number,
  rng: SplitMix32,
): { x: number[][]; y: number[][] } {
  const x: number[][] = [];
  const y: number[][] = [];
  for (let i = 0; i < n; i++) {
    const xr: number[] = [];
    const yr: number[] = [];
    for (let c = 0; c < d; c++) {
      const a = rng.normal();
      xr.push(a);
      yr.push(rho * a + Math.sqrt(1 - rho * rho) * rng.normal());
    }
    x.push(xr);
    y.push(yr);
  }
  return { x, y };
}

/** The exact mutual information of {@link correlatedNormals}. */
export function gaussianMutualInformation(d: number, rho: number): number {
  return -0.5 * d * Math.log(1 - rho * rho);
}

/** Mean and standard error of the mean. */
export function meanAndError(values: number[]): { mean: number; error: number } {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const variance = values.reduce((a, b) => a + (b - mean) ** 2, 0) / (values.length - 1);
  return { mean, error: Math.sqrt(variance / values.length) };
}
