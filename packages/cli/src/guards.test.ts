import * as fs from 'fs';
import * as path from 'path';
import { TINY_RUN, runCli, temporaryFolder } from './testing/run-cli';

describe('earlier results are never destroyed', () => {
  const root = temporaryFolder();
  const run = path.join(root, 'run');
  const other = path.join(root, 'other');
  const snapshot = (dir: string) =>
    fs.readdirSync(dir).map((name) => [name, fs.readFileSync(path.join(dir, name)).toString('base64')]);

  beforeAll(async () => {
    expect((await runCli(['train', ...TINY_RUN, '--epochs', '2', '--out', run])).code).toBe(0);
    expect((await runCli(['train', ...TINY_RUN, '--L', '8', '--epochs', '1', '--out', other])).code).toBe(0);
  });

  it.each([
    ['analyze', (file: string) => ['analyze', run, '--out', file]],
    ['report', (file: string) => ['report', run, '--out', file]],
    ['compare-samplers', (file: string) => ['compare-samplers', '--flow', run, '--out', file]],
  ])('%s refuses an --out that names a run file', async (_name, args) => {
    const before = snapshot(run);
    for (const file of ['checkpoint.json', 'config.json', 'summary.json']) {
      const result = await runCli(args(path.join(run, file)));
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/^neuralrg: error: --out .* would overwrite a training run's/);
    }
    const folder = await runCli(args(run));
    expect(folder.stderr).toMatch(/--out must name a file/);
    expect(snapshot(run)).toEqual(before);
  });

  it('refuses a checkpoint copied in from another run', async () => {
    const copy = path.join(root, 'mixed');
    fs.cpSync(run, copy, { recursive: true });
    fs.copyFileSync(path.join(other, 'checkpoint.json'), path.join(copy, 'checkpoint.json'));
    const before = snapshot(copy);
    const result = await runCli(['train', '--resume', copy, '--epochs', '3']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/does not belong to this run: its energy is .*"L":8.*config.json says .*"L":4/);
    expect(snapshot(copy)).toEqual(before);
  });

  it('calls a checkpoint with a negative step corrupt and touches nothing', async () => {
    const copy = path.join(root, 'negative');
    fs.cpSync(run, copy, { recursive: true });
    const file = path.join(copy, 'checkpoint.json');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('"step":2', '"step":-3'));
    const before = snapshot(copy);
    const result = await runCli(['train', '--resume', copy]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/corrupt: step must be a non-negative integer, got -3/);
    expect(snapshot(copy)).toEqual(before);
  });

  it('a new run that fails before its first checkpoint leaves its folder reusable', async () => {
    const dir = path.join(root, 'diverged');
    const failed = await runCli(['train', ...TINY_RUN, '--lr', '1e30', '--epochs', '3', '--out', dir]);
    expect(failed.code).toBe(1);
    expect(fs.existsSync(path.join(dir, 'config.json'))).toBe(false);
    const again = await runCli(['train', ...TINY_RUN, '--epochs', '1', '--out', dir]);
    expect(again.code).toBe(0);
  });
});
