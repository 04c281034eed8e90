import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseNpy } from '@neuralrg/trainer';
import { runCli } from './testing/run-cli';

describe('neuralrg dataset', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'neuralrg-dataset-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('writes dual configurations as .npy and checks their energy against the exact value', async () => {
    const file = path.join(dir, 'L4.npy');
    const args = ['dataset', '--L', '4', '--T', '2.5', '--samples', '4000', '--out', file, '--json'];
    const result = await runCli(args);

    expect(result.code).toBe(0);
    const summary = JSON.parse(result.stdout);
    const data = parseNpy(fs.readFileSync(file), file);
    expect(data.shape).toEqual([4000, 4, 4]);
    expect(Array.from(data.values).every(Number.isFinite)).toBe(true);
    expect(summary.samples).toBe(4000);
    // 4 standard errors: a false alarm below 1e-4 for a correct sampler.
    expect(Math.abs(summary.energyPerSite.deviation)).toBeLessThan(4);
    expect(summary.energyPerSite.exact).toBeCloseTo(-0.9, 0);
  });

  it('is the data that train --data reads for the same lattice', async () => {
    const file = path.join(dir, 'L2.npy');
    expect((await runCli(['dataset', '--L', '2', '--T', '3', '--samples', '64', '--out', file])).code).toBe(0);
    const train = await runCli([
      'train', '--L', '2', '--T', '3', '--data', file, '--epochs', '2', '--batch', '16',
      '--eval-samples', '64', '--out', path.join(dir, 'run'), '--no-progress',
    ]);
    expect(train.stderr).not.toMatch(/error/);
    expect(train.code).toBe(0);
    // The run's own loss, the held-out NLL, is in the table and in summary.json.
    expect(train.stdout).toMatch(/held-out NLL\s+-?\d+\.\d+ ± \d/);
    const summary = JSON.parse(fs.readFileSync(path.join(dir, 'run', 'summary.json'), 'utf8'));
    expect(Number.isFinite(summary.heldOutNll)).toBe(true);

    // The record beside the file names the target; another T is refused.
    const record = JSON.parse(fs.readFileSync(`${file}.json`, 'utf8'));
    expect(record).toMatchObject({ format: 'neuralrg-dataset', model: 'ising', L: 2, T: 3, samples: 64 });
    const otherT = await runCli(['train', '--L', '2', '--T', '2.5', '--data', file, '--epochs', '1', '--out', path.join(dir, 'other')]);
    expect(otherT.code).toBe(2);
    expect(otherT.stderr).toMatch(/--data .*L2\.npy holds Ising configurations drawn at L = 2, T = 3 .*this run is L = 2, T = 2\.5/);
    expect(fs.existsSync(path.join(dir, 'other'))).toBe(false);
    const gff = await runCli(['train', '--energy', 'gff', '--L', '2', '--param', 'd=2', '--param', 'm2=0.5', '--data', file, '--epochs', '1', '--out', path.join(dir, 'gff')]);
    expect(gff.code).toBe(2);
    expect(gff.stderr).toMatch(/holds Ising configurations .*; this run's energy is 'gff'/);
    // A record that no longer matches the file is named in a warning, not trusted.
    const copy = path.join(dir, 'changed.npy');
    const bytes = fs.readFileSync(file);
    bytes[bytes.length - 1] ^= 1;
    fs.writeFileSync(copy, bytes);
    fs.copyFileSync(`${file}.json`, `${copy}.json`);
    const stale = await runCli(['train', '--L', '2', '--T', '2.5', '--data', copy, '--epochs', '1', '--batch', '8', '--eval-samples', '16', '--out', path.join(dir, 'stale'), '--no-progress']);
    expect(stale.code).toBe(0);
    expect(stale.stderr).toMatch(/warning: .*changed\.npy\.json does not match .*changed\.npy \(its SHA-256 differs/);

    // A forward-KL run resumes: config.json records the data fingerprint
    // that its checkpoints carry.
    const config = JSON.parse(fs.readFileSync(path.join(dir, 'run', 'config.json'), 'utf8'));
    expect(config.data.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    const resumed = await runCli(['train', '--resume', path.join(dir, 'run'), '--epochs', '4', '--no-progress']);
    expect(resumed.stderr).not.toMatch(/error/);
    expect(resumed.code).toBe(0);

    // So does a folder whose config.json predates the fingerprint.
    delete config.data.fingerprint;
    fs.writeFileSync(path.join(dir, 'run', 'config.json'), JSON.stringify(config));
    const older = await runCli(['train', '--resume', path.join(dir, 'run'), '--epochs', '5', '--no-progress']);
    expect(older.stderr).not.toMatch(/error/);
    expect(older.code).toBe(0);

    // A changed data file is still refused, by the trainer's own check.
    const redrawn = ['dataset', '--L', '2', '--T', '3', '--samples', '64', '--seed', '2', '--out', file, '--force'];
    expect((await runCli(redrawn)).code).toBe(0);
    const changed = await runCli(['train', '--resume', path.join(dir, 'run'), '--epochs', '6', '--no-progress']);
    expect(changed.code).toBe(1);
    expect(changed.stderr).toMatch(/no longer holds the samples this run was trained on/);
  });

  it('never replaces an earlier file without --force, and names bad flags', async () => {
    const file = path.join(dir, 'kept.npy');
    fs.writeFileSync(file, 'earlier results');
    const refused = await runCli(['dataset', '--L', '4', '--T', '2', '--out', file]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/--out .*kept\.npy exists; choose another name or pass --force/);
    expect(fs.readFileSync(file, 'utf8')).toBe('earlier results');

    const forced = await runCli(['dataset', '--L', '4', '--T', '2', '--samples', '8', '--out', file, '--force']);
    expect(forced.code).toBe(0);
    expect(parseNpy(fs.readFileSync(file), file).shape).toEqual([8, 4, 4]);

    const bad: [string[], RegExp][] = [
      [['--L', '5', '--T', '2', '--out', path.join(dir, 'a.npy')], /--L/],
      [['--L', '4', '--T', '-1', '--out', path.join(dir, 'a.npy')], /--T/],
      [['--L', '4', '--T', '2', '--out', path.join(dir, 'a.csv')], /--out must name a \.npy file, got/],
      [['--L', '4', '--T', '2'], /--out/],
      [['--L', '4', '--T', '2', '--samples', '0', '--out', path.join(dir, 'a.npy')], /--samples must be a positive integer, got '0'/],
      [['--L', '4', '--T', '2', '--thin', '1.5', '--out', path.join(dir, 'a.npy')], /--thin must be a positive integer, got '1.5'/],
      // Flag values are checked before --out, so an existing file does not hide them.
      [['--L', '4', '--T', '2', '--thin', '0', '--out', file], /--thin must be a positive integer, got '0'/],
      [['--L', '8', '--T', '2', '--samples', '99999999999', '--out', path.join(dir, 'a.npy')], /--samples 99999999999 at L = 8 makes 6399999999936 values; at most 268435456/],
      [['--L', '4', '--T', '2', '--out', path.join(dir, 'folder.npy'), '--force'], /--out .*folder\.npy needs to write .*folder\.npy, which is a folder/],
      [['--L', '4', '--T', '2', '--out', path.join(dir, 'recorded.npy')], /--out .*recorded\.npy needs to write .*recorded\.npy\.json, which is a folder/],
      [['--L', '4', '--T', '2', '--out', path.join(file, 'inside', 'x.npy')], /--out .*x\.npy lies under .*kept\.npy, which is a file, not a folder/],
    ];
    fs.mkdirSync(path.join(dir, 'folder.npy'));
    fs.mkdirSync(path.join(dir, 'recorded.npy.json'));
    for (const [args, message] of bad) {
      const result = await runCli(['dataset', ...args]);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(message);
    }
    expect(fs.existsSync(path.join(dir, 'a.npy'))).toBe(false);
    expect(fs.readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);

    const few = await runCli(['dataset', '--L', '4', '--T', '2', '--samples', '3', '--out', path.join(dir, 'few.npy')]);
    expect(few.code).toBe(0);
    expect(few.stdout).toMatch(/3 Wolff chains, 10 cluster flips apart/);
    expect(few.stdout).toMatch(/energy check skipped: it needs at least 2 kept configurations per chain/);
  });
});
