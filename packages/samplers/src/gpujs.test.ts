import { ISING_CRITICAL_TEMPERATURE } from '@neuralrg/energies';
import { Rng } from '@neuralrg/tensor';
import { loadGpuJs } from './gpujs-runner';
import { IsingMetropolis } from './ising-metropolis';
import { IsingWolff } from './ising-wolff';
import { selectLatticeEngine } from './lattice-engine';
import { wolffKernelUpdate } from './wolff-kernel-update';
import { clusterFromBonds } from './wolff-reference';

// gpu.js is optional (see gpujs-runner.ts): where it is installed these
// tests run the kernels on it; elsewhere they check the fallback.
const gpu = loadGpuJs();
const withGpuJs = gpu.available ? describe : describe.skip;
const withoutGpuJs = gpu.available ? describe.skip : describe;

withGpuJs('lattice kernels on gpu.js (webasm)', () => {
  it('give the same Metropolis spins as the TypeScript reference', async () => {
    const engine = selectLatticeEngine('gpu.js', 'webasm');
    expect(engine.name).toMatch(/^gpu\.js .* webasm$/);
    const reference = new IsingMetropolis({
      L: 8,
      T: ISING_CRITICAL_TEMPERATURE,
      chains: 4,
      seed: 3,
    });
    const kernels = new IsingMetropolis({
      L: 8,
      T: ISING_CRITICAL_TEMPERATURE,
      chains: 4,
      seed: 3,
      engine,
    });
    for (let sweep = 0; sweep < 20; sweep++) {
      await reference.step();
      await kernels.step();
    }
    for (let c = 0; c < 4; c++)
      expect(kernels.configuration(c)).toEqual(reference.configuration(c));
    engine.runner?.dispose();
  });

  it('grow the Wolff cluster the reference finds', async () => {
    const engine = selectLatticeEngine('gpu.js', 'webasm');
    const rng = new Rng(5);
    const L = 8;
    const size = L * L;
    const spins = new Float32Array(2 * size).map(() => (rng.uniform() < 0.6 ? 1 : -1));
    const draws = {
      uniformsRight: rng.fillUniform(new Float32Array(2 * size), 0, 1),
      uniformsDown: rng.fillUniform(new Float32Array(2 * size), 0, 1),
      seeds: Float32Array.from([7, size + 40]),
    };
    const p = 0.8;
    const result = await wolffKernelUpdate(engine.runner!, spins, L, 2, p, rng, draws);
    for (let b = 0; b < 2; b++) {
      const cluster = clusterFromBonds(
        spins,
        draws.uniformsRight,
        draws.uniformsDown,
        L,
        b,
        p,
        draws.seeds[b] - b * size,
      );
      const flipped = Uint8Array.from({ length: size }, (_, k) =>
        result.spins[b * size + k] !== spins[b * size + k] ? 1 : 0,
      );
      expect(flipped).toEqual(cluster);
    }
    const wolff = new IsingWolff({ L, T: 2.5, chains: 2, engine });
    await wolff.step();
    engine.runner?.dispose();
  });
});

withoutGpuJs('lattice engine without gpu.js', () => {
  it('falls back to the TypeScript path and says why', () => {
    const engine = selectLatticeEngine('auto', 'webasm');
    expect(engine.name).toBe('typescript');
    expect(engine.reason).toMatch(/gpu\.js is not installed/);
    expect(selectLatticeEngine('auto', 'webgpu').name).toBe('typescript');
  });

  it('refuses an explicit request for gpu.js', () => {
    expect(() => selectLatticeEngine('gpu.js', 'webasm')).toThrow(
      /the gpu.js lattice engine cannot run: the optional package gpu.js is not installed/,
    );
  });
});
