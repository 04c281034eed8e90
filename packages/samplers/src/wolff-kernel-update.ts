import type { Rng } from '@neuralrg/tensor';
import type { KernelRunner } from './kernel-runner';
import {
  bondSiteKernel,
  clusterFlipKernel,
  labelJumpKernel,
  labelPropagationKernel,
} from './lattice-kernels';

/** What {@link wolffKernelUpdate} draws, so that tests can replay it on the reference. */
export interface WolffDraws {
  uniformsRight: Float32Array;
  uniformsDown: Float32Array;
  /** Flat seed index per lattice. */
  seeds: Float32Array;
}

/**
 * One Wolff update of every lattice of a batch, in data-parallel form for
 * the kernels: open Fortuin-Kasteleyn bonds everywhere (bondSiteKernel),
 * label the clusters by minimum propagation with pointer jumping until no
 * label changes, then flip the cluster of a uniform seed site in each
 * lattice. The cluster that holds a given site has the same law under
 * these bonds as under Wolff's growth, so this is Wolff's algorithm;
 * it draws 2 uniforms per site and one per lattice.
 *
 * @returns the new spins and each lattice's cluster size.
 */
export async function wolffKernelUpdate(
  runner: KernelRunner,
  spins: Float32Array,
  L: number,
  lattices: number,
  addProbability: number,
  rng: Rng,
  draws?: WolffDraws,
): Promise<{ spins: Float32Array; clusterSizes: Float64Array }> {
  const size = L * L;
  const total = lattices * size;
  const uniformsRight = draws?.uniformsRight ?? rng.fillUniform(new Float32Array(total), 0, 1);
  const uniformsDown = draws?.uniformsDown ?? rng.fillUniform(new Float32Array(total), 0, 1);
  let seeds = draws?.seeds;
  if (seeds === undefined) {
    seeds = new Float32Array(lattices);
    for (let b = 0; b < lattices; b++) {
      seeds[b] = b * size + Math.min(size - 1, Math.floor(rng.uniform() * size));
    }
  }

  const bonds = Float32Array.from(
    await runner.run(bondSiteKernel, total, [
      spins,
      uniformsRight,
      uniformsDown,
      L,
      addProbability,
    ]),
  );
  let labels = new Float32Array(total);
  for (let k = 0; k < total; k++) labels[k] = k;
  for (;;) {
    const spread = Float32Array.from(
      await runner.run(labelPropagationKernel, total, [labels, bonds, L]),
    );
    const jumped = Float32Array.from(await runner.run(labelJumpKernel, total, [spread]));
    const changed = jumped.some((label, k) => label !== labels[k]);
    labels = jumped;
    if (!changed) break;
  }
  const flipped = Float32Array.from(
    await runner.run(clusterFlipKernel, total, [spins, labels, seeds, L]),
  );

  const clusterSizes = new Float64Array(lattices);
  for (let k = 0; k < total; k++) {
    if (flipped[k] !== spins[k]) clusterSizes[Math.floor(k / size)] += 1;
  }
  return { spins: flipped, clusterSizes };
}
