/** Periodic distances between two sites of an L x L torus (site (i, j) = i * L + j). */
export interface SiteDistance {
  /** Minimum-image Euclidean distance sqrt(di^2 + dj^2). */
  euclidean: number;
  /** Minimum-image Manhattan distance di + dj. */
  manhattan: number;
}

/** The distances of two sites on the torus, each offset taken the short way round. */
export function siteDistance(L: number, a: number, b: number): SiteDistance {
  const wrap = (d: number) => Math.min(d, L - d);
  const di = wrap(Math.abs(Math.floor(a / L) - Math.floor(b / L)));
  const dj = wrap(Math.abs((a % L) - (b % L)));
  return { euclidean: Math.sqrt(di * di + dj * dj), manhattan: di + dj };
}
