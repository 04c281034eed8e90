import { Rng } from '@neuralrg/tensor';
import { periodicAdjacency } from './adjacency';
import { isingEnergyOfSpins } from './spin-energy';

describe('isingEnergyOfSpins', () => {
  test('gives -2N for the ground state, +2N for the checkerboard, +8 per isolated flip', () => {
    const L = 4;
    const N = L * L;
    const up = new Int8Array(N).fill(1);
    const checkerboard = Int8Array.from({ length: N }, (_, i) =>
      (Math.floor(i / L) + (i % L)) % 2 === 0 ? 1 : -1,
    );
    const oneFlip = Int8Array.from(up);
    oneFlip[5] = -1;
    const batch = new Int8Array(3 * N);
    batch.set(up, 0);
    batch.set(checkerboard, N);
    batch.set(oneFlip, 2 * N);
    expect(Array.from(isingEnergyOfSpins(batch, L))).toEqual([-2 * N, 2 * N, -2 * N + 8]);
  });

  test('equals -(1/2) s^T A s with the periodic adjacency, L = 2 included', () => {
    const rng = new Rng(7);
    for (const L of [2, 4, 6]) {
      const N = L * L;
      const adjacency = periodicAdjacency(L);
      for (let trial = 0; trial < 20; trial++) {
        const spins = Int8Array.from({ length: N }, () => (rng.uniform() < 0.5 ? 1 : -1));
        let quadratic = 0;
        for (let i = 0; i < N; i++) {
          for (let j = 0; j < N; j++) quadratic += spins[i] * adjacency[i * N + j] * spins[j];
        }
        expect(isingEnergyOfSpins(spins, L)[0]).toBe(-quadratic / 2);
      }
    }
  });

  test('rejects a length that is not a multiple of L*L and entries other than +-1', () => {
    expect(() => isingEnergyOfSpins(new Int8Array(15).fill(1), 4)).toThrow(
      'spins.length must be a multiple of L*L = 16, got 15',
    );
    expect(() => isingEnergyOfSpins(new Int8Array(4), 2)).toThrow(
      'spins[0] must be +1 or -1, got 0',
    );
    expect(() => isingEnergyOfSpins(new Int8Array(4).fill(1), 1.5)).toThrow(RangeError);
  });
});
