/**
 * Site indices of the 2x2 blocks of one tiling of a periodic L x L
 * lattice at RG level k (site (i, j) is index i * L + j). Block sites are
 * d = 2^k apart; block corners sit at multiples of 2d, plus d in both
 * directions for the shifted tiling. Within a block the order is
 * (a, b), (a+d, b+d), (a, b+d), (a+d, b): the two diagonals are the two
 * halves of a coupling, and the first site is the one a decimator keeps.
 */
export function blockSites(L: number, level: number, shifted: boolean): Int32Array {
  const d = 1 << level;
  const step = 2 * d;
  if (step > L) {
    throw new RangeError(`level ${level} needs L >= ${step}, got L = ${L}`);
  }
  const offset = shifted ? d : 0;
  const out: number[] = [];
  const site = (i: number, j: number) => ((i + L) % L) * L + ((j + L) % L);
  for (let a = offset; a < L; a += step) {
    for (let b = offset; b < L; b += step) {
      out.push(site(a, b), site(a + d, b + d), site(a, b + d), site(a + d, b));
    }
  }
  return Int32Array.from(out);
}

/** Checks that L is a power of 2, at least 2, as the MERA layout needs. */
export function checkPowerOfTwo(L: number): void {
  if (!Number.isInteger(L) || L < 2 || (L & (L - 1)) !== 0) {
    throw new RangeError(`lattice size L must be a power of 2 (>= 2) for the MERA layout, got ${L}`);
  }
}
