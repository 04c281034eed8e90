import * as fs from 'fs';
import * as path from 'path';
import {
  readJsonLines,
  runCli,
  temporaryFolder,
  TINY_RUN,
  withoutTimings,
} from './testing/run-cli';

const read = (dir: string, name: string) => fs.readFileSync(path.join(dir, name), 'utf8');
const metricsOf = (dir: string) =>
  readJsonLines(path.join(dir, 'metrics.jsonl')).map(withoutTimings);
const checkpointOf = (dir: string) => {
  const checkpoint = JSON.parse(read(dir, 'checkpoint.json'));
  delete checkpoint.trainSeconds;
  return checkpoint;
};
const summaryOf = (dir: string) => JSON.parse(read(dir, 'summary.json'));

describe('neuralrg train --resume', () => {
  let root: string;
  let full: string;

  /** Trains a tiny run of `epochs` steps into `dir`, failing the test on a non-zero exit. */
  async function train(dir: string, epochs: number): Promise<void> {
    const result = await runCli(['train', ...TINY_RUN, '--schedule', 'constant', '--epochs', String(epochs), '--out', dir]);
    if (result.code !== 0) throw new Error(`training ${dir} failed: ${result.stderr}`);
  }

  /** Expects `dir` to hold exactly the results of the uninterrupted 6-step run. */
  function expectSameAsFullRun(dir: string): void {
    expect(metricsOf(dir)).toEqual(metricsOf(full));
    expect(checkpointOf(dir)).toEqual(checkpointOf(full));
    const summary = summaryOf(dir);
    const reference = summaryOf(full);
    for (const key of ['step', 'freeEnergy', 'lnZ', 'essFraction', 'klGap']) {
      expect(summary[key]).toBe(reference[key]);
    }
    expect(read(dir, 'samples.png')).toEqual(read(full, 'samples.png'));
  }

  beforeAll(async () => {
    root = temporaryFolder();
    full = path.join(root, 'full');
    await train(full, 6);
  });

  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it('continues 3 steps to 6 exactly as a run of 6 steps', async () => {
    const dir = path.join(root, 'split');
    await train(dir, 3);

    const result = await runCli(['train', '--resume', dir, '--epochs', '6']);

    expect(result.code).toBe(0);
    expect(JSON.parse(read(dir, 'config.json')).epochs).toBe(6);
    expectSameAsFullRun(dir);
  });

  it('drops metrics past the checkpoint left by a crash', async () => {
    const dir = path.join(root, 'crashed');
    await train(dir, 3);
    const file = path.join(dir, 'metrics.jsonl');
    fs.appendFileSync(file, '{"step":4,"freeEnergy":0}\n{"step":5,"freeEnergy":0}\n{"step":6,"fr');

    const result = await runCli(['train', '--resume', dir, '--epochs', '6']);

    expect(result.code).toBe(0);
    expectSameAsFullRun(dir);
  });

  it('saves a checkpoint on Ctrl-C, exits with 130, and resumes to the same result', async () => {
    const dir = path.join(root, 'interrupted');
    const interrupted = await runCli(['train', ...TINY_RUN, '--schedule', 'constant', '--epochs', '6', '--out', dir], {
      onStderr: (text, interrupt) => {
        if (text.startsWith('step 3/6')) interrupt();
      },
    });

    expect(interrupted.code).toBe(130);
    expect(interrupted.stderr).toContain('interrupted at step 3');
    expect(JSON.parse(read(dir, 'checkpoint.json')).step).toBe(3);
    expect(fs.existsSync(path.join(dir, 'summary.json'))).toBe(false);

    const resumed = await runCli(['train', '--resume', dir]);

    expect(resumed.code).toBe(0);
    expectSameAsFullRun(dir);
  });

  it('rejects a corrupt checkpoint with one clear line and leaves it untouched', async () => {
    const dir = path.join(root, 'corrupt');
    await train(dir, 3);
    const file = path.join(dir, 'checkpoint.json');
    const text = fs.readFileSync(file);
    fs.writeFileSync(file, text.subarray(0, text.length >> 1));
    const names = ['checkpoint.json', 'metrics.jsonl', 'config.json'];
    const before = names.map((name) => read(dir, name));

    const result = await runCli(['train', '--resume', dir, '--epochs', '6']);

    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/^neuralrg: error: checkpoint .*checkpoint\.json is corrupt/);
    expect(names.map((name) => read(dir, name))).toEqual(before);
  });

  it('refuses to change how the run is defined, or to go back before the checkpoint', async () => {
    const lr = await runCli(['train', '--resume', full, '--lr', '0.1']);
    expect(lr.code).toBe(2);
    expect(lr.stderr).toMatch(/^neuralrg: error: --lr cannot be given with --resume/);

    const epochs = await runCli(['train', '--resume', full, '--epochs', '4']);
    expect(epochs.code).toBe(2);
    expect(epochs.stderr).toContain('--epochs 4 is below the 6 steps');
  });
});
