/**
 * Site indices of the k x k blocks of one tiling of a periodic L x L
 * lattice at RG level `level` (site (i, j) is index i * L + j). Block sites
 * are d = 2^level apart; block corners sit at multiples of k d, plus k d / 2
 * in both directions for the shifted tiling. For k = 2 the order within a
 * block is (a, b), (a+d, b+d), (a, b+d), (a+d, b): the two diagonals are the
 * two halves of a coupling, and the first site is the one a decimator
 * keeps. For k = 4 the first half is the block's even checkerboard, led by
 * the four sites on the grid of spacing 2d that go on to the next level;
 * the odd checkerboard is the second half.
 */
export function blockSites(L: number, level: number, shifted: boolean, kernel = 2): Int32Array {
  if (kernel !== 2 && kernel !== 4) {
    throw new RangeError(`lattice kernel must be 2 or 4, got ${kernel}`);
  }
  const d = 1 << level;
  const step = kernel * d;
  if (step > L) {
    throw new RangeError(`level ${level} with ${kernel}x${kernel} blocks needs L >= ${step}, got L = ${L}`);
  }
  const offset = shifted ? (kernel / 2) * d : 0;
  // Offsets (in units of d) within a block, in the order described above.
  const order: Array<[number, number]> =
    kernel === 2
      ? [[0, 0], [1, 1], [0, 1], [1, 0]]
      : [
          ...[[0, 0], [0, 2], [2, 0], [2, 2], [1, 1], [1, 3], [3, 1], [3, 3]],
          ...[[0, 1], [0, 3], [2, 1], [2, 3], [1, 0], [1, 2], [3, 0], [3, 2]],
        ] as Array<[number, number]>;
  const out: number[] = [];
  const site = (i: number, j: number) => (i % L) * L + (j % L);
  for (let a = offset; a < L + offset; a += step) {
    for (let b = offset; b < L + offset; b += step) {
      for (const [p, q] of order) out.push(site(a + p * d, b + q * d));
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
