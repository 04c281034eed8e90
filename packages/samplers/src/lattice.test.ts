import { ISING_CRITICAL_TEMPERATURE } from '@neuralrg/energies';
import { Rng } from '@neuralrg/tensor';
import { isingEnumeratedAverages } from './ising-enumeration';
import { IsingMetropolis } from './ising-metropolis';
import { IsingWolff } from './ising-wolff';
import { emulatedKernelRunner } from './kernel-runner';
import { selectLatticeEngine } from './lattice-engine';
import { runSampler } from './run-sampler';
import type { Sampler } from './sampler';
import { summariseRun } from './sampler-summary';
import { wolffKernelUpdate } from './wolff-kernel-update';
import { clusterFromBonds } from './wolff-reference';

const Tc = ISING_CRITICAL_TEMPERATURE;
const emulated = { name: 'emulated', runner: emulatedKernelRunner(), reason: 'test' };

/** Runs a sampler and checks both observables against enumeration within 4 error bars from tau_int. */
async function expectExact(sampler: Sampler, L: number, T: number, warmup: number, steps: number) {
  const { record, ended } = await runSampler(sampler, { warmup, steps });
  const exact = isingEnumeratedAverages(L, T);
  const summary = summariseRun(sampler, record, ended, {
    energy: exact.energyPerSite,
    absMagnetization: exact.absMagnetization,
  });
  for (const name of ['energy', 'absMagnetization']) {
    const report = summary.observables[name];
    expect(report).not.toBeNull();
    // A 4-sigma band: a correct sampler fails it with probability ~6e-5.
    expect(Math.abs(report?.zScore as number)).toBeLessThan(4);
    expect(report?.windowFound).toBe(true);
  }
  return summary;
}

describe('checkerboard Metropolis', () => {
  it.each([4, 6])(
    'gives the same spins on the TypeScript path and the kernels, L = %p',
    async (L) => {
      const reference = new IsingMetropolis({ L, T: 2, chains: 3, seed: 9 });
      const kernels = new IsingMetropolis({ L, T: 2, chains: 3, seed: 9, engine: emulated });
      for (let sweep = 0; sweep < 6; sweep++) {
        const a = await reference.step();
        const b = await kernels.step();
        expect(Array.from(b.acceptance)).toEqual(Array.from(a.acceptance));
        for (let c = 0; c < 3; c++)
          expect(kernels.configuration(c)).toEqual(reference.configuration(c));
      }
    },
  );

  it('samples the exact energy and |m| at L = 4, T_c', async () => {
    const summary = await expectExact(
      new IsingMetropolis({ L: 4, T: Tc, chains: 16, seed: 1 }),
      4,
      Tc,
      200,
      3000,
    );
    // Single-spin flips at T_c on a small, mostly ordered lattice: ~15%.
    expect(summary.acceptance).toBeGreaterThan(0.05);
    expect(summary.acceptance).toBeLessThan(0.5);
  });

  it('resumes from a saved state exactly', async () => {
    const straight = new IsingMetropolis({ L: 4, T: 3, chains: 2, seed: 4 });
    const first = new IsingMetropolis({ L: 4, T: 3, chains: 2, seed: 4 });
    for (let s = 0; s < 5; s++) {
      await straight.step();
      await first.step();
    }
    const resumed = new IsingMetropolis({ L: 4, T: 3, chains: 2, resume: first.saveState() });
    for (let s = 0; s < 5; s++) {
      const a = await straight.step();
      const b = await resumed.step();
      expect(b).toEqual(a);
    }
  });
});

describe('Wolff cluster algorithm', () => {
  it('grows, with the label kernels, exactly the cluster of the bonds that the reference finds', async () => {
    const rng = new Rng(21);
    const L = 8;
    const lattices = 3;
    const size = L * L;
    for (const addProbability of [1 - Math.exp(-2 / Tc), 0.9, 1]) {
      for (let trial = 0; trial < 6; trial++) {
        const spins = new Float32Array(lattices * size).map(() => (rng.uniform() < 0.7 ? 1 : -1));
        const draws = {
          uniformsRight: rng.fillUniform(new Float32Array(lattices * size), 0, 1),
          uniformsDown: rng.fillUniform(new Float32Array(lattices * size), 0, 1),
          seeds: Float32Array.from(
            { length: lattices },
            (_, b) => b * size + Math.floor(rng.uniform() * size),
          ),
        };
        const result = await wolffKernelUpdate(
          emulated.runner,
          spins,
          L,
          lattices,
          addProbability,
          rng,
          draws,
        );
        for (let b = 0; b < lattices; b++) {
          const seed = draws.seeds[b] - b * size;
          const cluster = clusterFromBonds(
            spins,
            draws.uniformsRight,
            draws.uniformsDown,
            L,
            b,
            addProbability,
            seed,
          );
          const flipped = Uint8Array.from({ length: size }, (_, k) =>
            result.spins[b * size + k] !== spins[b * size + k] ? 1 : 0,
          );
          expect(flipped).toEqual(cluster);
          expect(result.clusterSizes[b]).toBe(cluster.reduce((a, v) => a + v, 0));
        }
      }
    }
  });

  it('samples the exact energy and |m| at L = 4, T_c (TypeScript path)', async () => {
    const sampler = new IsingWolff({ L: 4, T: Tc, chains: 16, seed: 2 });
    const summary = await expectExact(sampler, 4, Tc, 200, 3000);
    expect(summary.acceptance).toBe(1);
    const { values, width } = sampler.samples();
    expect(width).toBe(16);
    expect(values.every((s) => s === 1 || s === -1)).toBe(true);
    expect(summary.settings.meanClusterFraction).toBeGreaterThan(0.3);
  });

  it('samples the exact energy and |m| at L = 4, T = 3 (kernel path)', async () => {
    await expectExact(
      new IsingWolff({ L: 4, T: 3, chains: 8, seed: 3, engine: emulated }),
      4,
      3,
      100,
      800,
    );
  });

  it('samples the exact values on the L = 2 torus, where every bond is doubled', async () => {
    await expectExact(new IsingWolff({ L: 2, T: 2, chains: 8, seed: 5 }), 2, 2, 50, 2000);
  });
});

describe('lattice sampler input', () => {
  it('rejects bad options with errors that name them', () => {
    expect(() => new IsingMetropolis({ L: 5, T: 2, chains: 1 })).toThrow(
      /L must be an even integer >= 2.*got 5/,
    );
    expect(() => new IsingWolff({ L: 4, T: 0, chains: 1 })).toThrow(
      /temperature T must be a positive finite number, got 0/,
    );
    expect(() => new IsingWolff({ L: 4, T: 2, chains: 0 })).toThrow(
      /chains must be a positive integer, got 0/,
    );
    expect(
      () => new IsingMetropolis({ L: 4, T: 2, chains: 2, initial: new Int8Array(16).fill(1) }),
    ).toThrow(/initial must hold 2 chains x 16 spins = 32 values \(shape \[2, 16\]\), got 16/);
    expect(
      () => new IsingMetropolis({ L: 4, T: 2, chains: 1, initial: new Int8Array(16) }),
    ).toThrow(/initial spins\[0\] must be \+1 or -1, got 0/);
    const state = new IsingWolff({ L: 4, T: 2, chains: 1 }).saveState();
    expect(() => new IsingMetropolis({ L: 4, T: 2, chains: 1, resume: state })).toThrow(
      /resume state is for 1 chains of 'wolff', expected 1 of 'metropolis'/,
    );
  });
});

describe('lattice engine selection', () => {
  it('runs the TypeScript path on request and for kernel mode cpu', () => {
    expect(selectLatticeEngine('typescript', 'webasm').name).toBe('typescript');
    const cpu = selectLatticeEngine('auto', 'cpu');
    expect(cpu.name).toBe('typescript');
    expect(cpu.reason).toMatch(/kernel mode is 'cpu'/);
  });

  it('rejects an unknown engine', () => {
    expect(() => selectLatticeEngine('cuda' as never, 'webasm')).toThrow(
      /lattice engine must be one of auto, typescript, gpu.js, emulated, got 'cuda'/,
    );
  });
});
