import type { Rng } from '@neuralrg/tensor';
import type { SpinArray } from './spin-observables';

/**
 * One Wolff cluster update of one lattice (U. Wolff, PRL 62, 361 (1989)),
 * the plain TypeScript reference: pick a uniform seed site, grow the
 * cluster by adding each aligned neighbour with probability
 * p = 1 - exp(-2 beta), flipping sites as they join, with an explicit
 * stack. Rejection-free; each bond is tried at most once because a site
 * that joins is flipped at once and so no longer aligned with the
 * original spin.
 *
 * @param stack - scratch space of at least L*L entries.
 * @returns the cluster size.
 */
export function wolffUpdate(
  spins: SpinArray,
  L: number,
  lattice: number,
  addProbability: number,
  rng: Rng,
  stack: Int32Array,
): number {
  const size = L * L;
  const base = lattice * size;
  const seed = Math.min(size - 1, Math.floor(rng.uniform() * size));
  const old = spins[base + seed];
  spins[base + seed] = -old;
  stack[0] = seed;
  let top = 1;
  let clusterSize = 1;
  while (top > 0) {
    const site = stack[--top];
    const i = Math.floor(site / L);
    const j = site - i * L;
    for (let direction = 0; direction < 4; direction++) {
      const neighbour =
        direction === 0
          ? ((i + 1) % L) * L + j
          : direction === 1
            ? ((i + L - 1) % L) * L + j
            : direction === 2
              ? i * L + ((j + 1) % L)
              : i * L + ((j + L - 1) % L);
      if (spins[base + neighbour] === old && rng.uniform() < addProbability) {
        spins[base + neighbour] = -old;
        stack[top++] = neighbour;
        clusterSize += 1;
      }
    }
  }
  return clusterSize;
}

/**
 * The cluster of a seed site given every bond's uniform variate, by
 * depth-first search: the bond to the right neighbour of site k is open
 * when the spins agree and uniformsRight[k] < p, likewise downwards. The
 * reference that the label-propagation kernels are tested against.
 *
 * @returns a 0/1 mask over the L*L sites of the lattice.
 */
export function clusterFromBonds(
  spins: SpinArray,
  uniformsRight: Float32Array,
  uniformsDown: Float32Array,
  L: number,
  lattice: number,
  addProbability: number,
  seed: number,
): Uint8Array {
  const size = L * L;
  const base = lattice * size;
  const open = (a: number, b: number, u: number) =>
    spins[base + a] === spins[base + b] && u < addProbability;
  const inCluster = new Uint8Array(size);
  const stack = [seed];
  inCluster[seed] = 1;
  while (stack.length > 0) {
    const site = stack.pop() as number;
    const i = Math.floor(site / L);
    const j = site - i * L;
    const right = i * L + ((j + 1) % L);
    const left = i * L + ((j + L - 1) % L);
    const down = ((i + 1) % L) * L + j;
    const up = ((i + L - 1) % L) * L + j;
    const links: [number, boolean][] = [
      [right, open(site, right, uniformsRight[base + site])],
      [down, open(site, down, uniformsDown[base + site])],
      [left, open(left, site, uniformsRight[base + left])],
      [up, open(up, site, uniformsDown[base + up])],
    ];
    for (const [neighbour, linked] of links) {
      if (linked && inCluster[neighbour] === 0) {
        inCluster[neighbour] = 1;
        stack.push(neighbour);
      }
    }
  }
  return inCluster;
}
