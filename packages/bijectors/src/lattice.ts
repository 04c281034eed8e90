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

/**
 * Site indices of the blocks of one tiling of a periodic chain of N sites
 * at RG level k, for blocks of `size` sites (2 or 4) spaced d = size^k
 * apart; the shifted tiling starts half a block later. Within a block of
 * 4 the order is a, a+2d, a+d, a+3d, so the two halves of a coupling
 * interleave; the first site is the one a decimator keeps.
 */
export function chainBlockSites(N: number, level: number, shifted: boolean, size = 2): Int32Array {
  if (size !== 2 && size !== 4) {
    throw new RangeError(`chain block size must be 2 or 4, got ${size}`);
  }
  const d = size ** level;
  const step = size * d;
  if (step > N) throw new RangeError(`level ${level} with blocks of ${size} needs N >= ${step}, got N = ${N}`);
  const offset = shifted ? (size / 2) * d : 0;
  const order = size === 2 ? [0, 1] : [0, 2, 1, 3];
  const out: number[] = [];
  for (let a = offset; a < N + offset; a += step) {
    for (const j of order) out.push((a + j * d) % N);
  }
  return Int32Array.from(out);
}

/** Checks that N is a power of `base` (>= base), as the 1D layout needs. */
export function checkPowerOf(N: number, base: number, what = 'chain length N'): void {
  let n = N;
  while (Number.isInteger(n) && n > 1 && n % base === 0) n /= base;
  if (!Number.isInteger(N) || N < base || n !== 1) {
    throw new RangeError(`${what} must be a power of ${base} for the hierarchical layout, got ${N}`);
  }
}
