/**
 * Per-site kernels of the 2D Ising samplers, written in the subset of
 * JavaScript that gpu.js compiles (no closures, no calls to other
 * functions, numbers only): each returns the new value of one site of a
 * batch of B lattices of L x L sites held row-major in one flat array,
 * thread x = b * L*L + i * L + j. The same functions run on the CPU
 * through {@link emulatedKernelRunner}, which is how the tests check them
 * against the plain TypeScript samplers.
 *
 * Energy E(s) = -sum_x sum_mu s_x s_{x+mu} (J = 1, periodic), weight exp(-E/T).
 */

/** What gpu.js binds to `this` inside a kernel: the thread index. */
export interface KernelThread {
  thread: { x: number };
}

/**
 * One half of a checkerboard Metropolis sweep (N. Metropolis et al.,
 * J. Chem. Phys. 21, 1087 (1953)): a site whose colour (i + j) mod 2 is
 * `parity` flips with probability min(1, exp(-beta dE)),
 * dE = 2 s h, h the sum of its 4 neighbours; the other sites keep their
 * spin. Sites of one colour have no common bond, so they update in
 * parallel exactly as one after the other. exp(-4 beta) and exp(-8 beta)
 * come in as arguments; a flip with dE <= 0 is always taken.
 */
export function metropolisSiteKernel(
  this: KernelThread,
  spins: Float32Array,
  uniforms: Float32Array,
  L: number,
  parity: number,
  boltzmann4: number,
  boltzmann8: number,
): number {
  const index = this.thread.x;
  const size = L * L;
  const site = index % size;
  const base = index - site;
  const i = Math.floor(site / L);
  const j = site - i * L;
  const spin = spins[index];
  if ((i + j) % 2 !== parity) {
    return spin;
  }
  const up = base + ((i + L - 1) % L) * L + j;
  const down = base + ((i + 1) % L) * L + j;
  const left = base + i * L + ((j + L - 1) % L);
  const right = base + i * L + ((j + 1) % L);
  const delta = 2 * spin * (spins[up] + spins[down] + spins[left] + spins[right]);
  if (delta <= 0) {
    return -spin;
  }
  let probability = boltzmann8;
  if (delta < 6) {
    probability = boltzmann4;
  }
  if (uniforms[index] < probability) {
    return -spin;
  }
  return spin;
}

/**
 * Fortuin-Kasteleyn bonds of one site for a cluster update (R. H.
 * Swendsen and J.-S. Wang, PRL 58, 86 (1987)): the bond to the right
 * neighbour is open with probability p = 1 - exp(-2 beta) when the two
 * spins agree, likewise the bond to the neighbour below. Returns
 * right + 2 * down, each 0 or 1.
 */
export function bondSiteKernel(
  this: KernelThread,
  spins: Float32Array,
  uniformsRight: Float32Array,
  uniformsDown: Float32Array,
  L: number,
  addProbability: number,
): number {
  const index = this.thread.x;
  const size = L * L;
  const site = index % size;
  const base = index - site;
  const i = Math.floor(site / L);
  const j = site - i * L;
  const spin = spins[index];
  const right = base + i * L + ((j + 1) % L);
  const down = base + ((i + 1) % L) * L + j;
  let code = 0;
  if (spins[right] === spin && uniformsRight[index] < addProbability) {
    code = code + 1;
  }
  if (spins[down] === spin && uniformsDown[index] < addProbability) {
    code = code + 2;
  }
  return code;
}

/**
 * One step of connected-component labelling by minimum propagation: the
 * new label of a site is the smallest of its own label and the labels of
 * the neighbours it is bonded to (right and down from its own bond code,
 * left and up from theirs). Labels start as the flat site index, so a
 * label always names a site of the same cluster of the same lattice.
 */
export function labelPropagationKernel(
  this: KernelThread,
  labels: Float32Array,
  bonds: Float32Array,
  L: number,
): number {
  const index = this.thread.x;
  const size = L * L;
  const site = index % size;
  const base = index - site;
  const i = Math.floor(site / L);
  const j = site - i * L;
  const right = base + i * L + ((j + 1) % L);
  const down = base + ((i + 1) % L) * L + j;
  const left = base + i * L + ((j + L - 1) % L);
  const up = base + ((i + L - 1) % L) * L + j;
  const code = bonds[index];
  let label = labels[index];
  if (code % 2 === 1) {
    label = Math.min(label, labels[right]);
  }
  if (code >= 2) {
    label = Math.min(label, labels[down]);
  }
  if (bonds[left] % 2 === 1) {
    label = Math.min(label, labels[left]);
  }
  if (bonds[up] >= 2) {
    label = Math.min(label, labels[up]);
  }
  return label;
}

/**
 * Pointer jumping: a site takes the label of the site its label names.
 * That label belongs to the same cluster and is no larger, so alternating
 * with {@link labelPropagationKernel} converges to the cluster minimum in
 * far fewer steps than propagation alone on long clusters.
 */
export function labelJumpKernel(this: KernelThread, labels: Float32Array): number {
  const index = this.thread.x;
  const target = labels[index];
  return labels[target];
}

/**
 * The Wolff flip (U. Wolff, PRL 62, 361 (1989)) once the labels have
 * converged: in lattice b every site whose label equals the label of the
 * seed site seeds[b] (a flat index) changes sign. With the bonds of
 * {@link bondSiteKernel}, the cluster of a uniformly chosen seed has the
 * distribution of Wolff's grown cluster.
 */
export function clusterFlipKernel(
  this: KernelThread,
  spins: Float32Array,
  labels: Float32Array,
  seeds: Float32Array,
  L: number,
): number {
  const index = this.thread.x;
  const size = L * L;
  const lattice = Math.floor(index / size);
  const seed = seeds[lattice];
  if (labels[index] === labels[seed]) {
    return -spins[index];
  }
  return spins[index];
}
