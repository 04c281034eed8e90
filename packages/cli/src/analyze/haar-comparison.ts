import { BANDS, basisFunction2d, describeCoefficients2d } from '@neuralrg/wavelets';
import type { LatentJacobian, LevelCosine } from './analysis-schema';
import type { JacobianStatistics } from './jacobian';

function cosine(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let dot = 0;
  let aa = 0;
  let bb = 0;
  for (let t = 0; t < a.length; t++) {
    dot += a[t] * b[t];
    aa += a[t] * a[t];
    bb += b[t] * b[t];
  }
  return aa > 0 && bb > 0 ? dot / Math.sqrt(aa * bb) : 0;
}

function supportWeight(values: ArrayLike<number>, basis: ArrayLike<number>): number {
  let inside = 0;
  let all = 0;
  for (let t = 0; t < values.length; t++) {
    const w = values[t] * values[t];
    all += w;
    if (Math.abs(basis[t]) > 1e-12) inside += w;
  }
  return all > 0 ? inside / all : 0;
}

/**
 * Every latent variable's mean and spread of dz_site/dx, next to the
 * orthonormal 2D Haar basis function of the same site in the 'lattice'
 * layout of @neuralrg/wavelets: the same RG level, band and block as the
 * latent variable the MERA-like flow leaves on that site. Ordered coarse
 * to fine, then by band and block.
 *
 * @param depth - RG levels of the flow (0 when it has no decimation:
 *   every latent is then compared with the delta function of its site).
 */
export function compareWithHaar(
  L: number,
  depth: number,
  jacobian: JacobianStatistics,
): LatentJacobian[] {
  const size = L * L;
  const infos = describeCoefficients2d(L, L, depth);
  const entries = infos.map((info): LatentJacobian => {
    const s = info.site;
    const mean = Array.from(jacobian.mean.subarray(s * size, (s + 1) * size));
    const haar = Array.from(basisFunction2d(L, L, s, { layout: 'lattice', levels: depth }));
    return {
      site: s,
      row: Math.floor(s / L),
      col: s % L,
      level: info.level,
      band: info.band,
      blockRow: info.p,
      blockCol: info.q,
      mean,
      std: Array.from(jacobian.std.subarray(s * size, (s + 1) * size)),
      haar,
      cosineToHaar: cosine(mean, haar),
      haarSupportWeight: supportWeight(mean, haar),
    };
  });
  const band = (e: LatentJacobian) => BANDS.indexOf(e.band);
  return entries.sort(
    (a, b) =>
      b.level - a.level ||
      band(a) - band(b) ||
      a.blockRow - b.blockRow ||
      a.blockCol - b.blockCol,
  );
}

/**
 * Mean |cosine| to the Haar function over the latents of each level,
 * coarse first (the sign of a latent variable is a convention of the flow).
 */
export function cosineByLevel(latents: readonly LatentJacobian[]): LevelCosine[] {
  const levels = [...new Set(latents.map((e) => e.level))].sort((a, b) => b - a);
  return levels.map((level) => {
    const group = latents.filter((e) => e.level === level);
    const total = group.reduce((s, e) => s + Math.abs(e.cosineToHaar), 0);
    return { level, meanAbsoluteCosine: total / group.length, latents: group.length };
  });
}
