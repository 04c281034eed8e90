import { IsingMetropolis } from '@neuralrg/samplers';
import type { CliIo } from '../io';
import { runWithProgress } from './run-with-progress';

const quietIo: CliIo = {
  stdout: { write: () => true },
  stderr: { write: () => true },
  onInterrupt: () => () => undefined,
};

/**
 * Runs 200 Metropolis sweeps with a checkpoint on a fake clock: every
 * clock reading advances it by `tick` seconds, and a save costs
 * `saveCost` seconds on top. Returns the record's step at every save.
 */
async function savesOf(everySeconds: number, tick: number, saveCost: (steps: number) => number): Promise<number[]> {
  let now = 0;
  const clock = () => (now += tick);
  const saved: number[] = [];
  const sampler = new IsingMetropolis({ L: 4, T: 3, chains: 2, seed: 1 });
  await runWithProgress(
    sampler,
    {
      warmup: 0,
      sweeps: 200,
      seconds: 1e6,
      progress: false,
      checkpoint: {
        everySeconds,
        clock,
        save: (_sampler, record) => {
          saved.push(record.steps);
          now += saveCost(record.steps);
        },
      },
    },
    quietIo,
  );
  sampler.dispose();
  return saved;
}

describe('saves while a sampler runs', () => {
  test('at most every everySeconds', async () => {
    // One clock reading per step, 0.1 s apart: a save every 5 s of clock
    // is one every 50 steps or so (the run's last state is saved by its caller).
    const saved = await savesOf(5, 0.1, () => 0);
    expect(saved.length).toBe(3);
    for (let i = 1; i < saved.length; i++) expect(saved[i] - saved[i - 1]).toBeGreaterThanOrEqual(49);
  });

  test('never more often than keeps saving under a tenth of the time', async () => {
    // everySeconds 0 would save after every step, but each save costs 1 s
    // against 0.01 s per step: the next save waits 10 s, about 1000 steps,
    // so only the first step's save happens in 200 steps.
    expect(await savesOf(0, 0.01, () => 1)).toEqual([1]);
    // Cheap saves (1 ms, plus one 10 ms tick of the clock) are spaced by
    // 0.11 s: every 11 steps or so.
    const cheap = await savesOf(0, 0.01, () => 0.001);
    expect(cheap.length).toBeGreaterThan(15);
    expect(cheap.slice(1).every((s, i) => s - cheap[i] <= 12)).toBe(true);
    // A save that grows with the record spaces the saves out as it grows.
    const growing = await savesOf(0, 0.01, (steps) => 0.001 * steps);
    const gaps = growing.slice(1).map((s, i) => s - growing[i]);
    expect(gaps[gaps.length - 1]).toBeGreaterThan(3 * gaps[0]);
  });
});
