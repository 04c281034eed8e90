import * as fs from 'fs';
import * as path from 'path';
import { PNG } from 'pngjs';
import { readJsonLines, runCli, temporaryFolder, TINY_RUN } from './testing/run-cli';

const FILES = ['config.json', 'metrics.jsonl', 'checkpoint.json', 'summary.json', 'samples.png'];

describe('neuralrg train', () => {
  let root: string;
  let out: string;

  beforeAll(async () => {
    root = temporaryFolder();
    out = path.join(root, 'run');
    const result = await runCli(['train', ...TINY_RUN, '--epochs', '6', '--out', out]);
    if (result.code !== 0) throw new Error(`tiny run failed: ${result.stderr}`);
  });

  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it('writes the five run files', () => {
    expect(fs.readdirSync(out).sort()).toEqual([...FILES].sort());
  });

  it('writes the resolved config with its backend', () => {
    const config = JSON.parse(fs.readFileSync(path.join(out, 'config.json'), 'utf8'));

    expect(config.energy).toEqual({ name: 'ising', L: 4, T: 2 / Math.log(1 + Math.SQRT2) });
    expect(config).toMatchObject({ backend: 'cpu', batch: 8, epochs: 6, evalSamples: 16 });
    expect(config.flow).toMatchObject({ couplingLayers: 1, hidden: [4], layout: 'mera' });
  });

  it('logs one metrics line per step with the gap to the exact ln Z', () => {
    const records = readJsonLines(path.join(out, 'metrics.jsonl'));

    expect(records.map((r) => r.step)).toEqual([1, 2, 3, 4, 5, 6]);
    for (const record of records) {
      for (const key of ['freeEnergy', 'freeEnergyStdErr', 'klGap', 'seconds']) {
        expect(Number.isFinite(record[key])).toBe(true);
      }
      expect(record.klGap).toBeGreaterThan(-3 * record.freeEnergyStdErr);
    }
  });

  it('saves the final checkpoint', () => {
    const checkpoint = JSON.parse(fs.readFileSync(path.join(out, 'checkpoint.json'), 'utf8'));

    expect(checkpoint.format).toBe('neuralrg-checkpoint');
    expect(checkpoint.step).toBe(6);
  });

  it('writes a summary with exact values, estimates, timings and versions', () => {
    const summary = JSON.parse(fs.readFileSync(path.join(out, 'summary.json'), 'utf8'));

    expect(summary.step).toBe(6);
    expect(summary.exact.lnZIsing).toBeCloseTo(15.52191545875528, 9);
    expect(summary.exact.lnZcont).toBe(summary.exact.lnZ);
    expect(summary.exact.lnZcont).toBeGreaterThan(summary.exact.lnZIsing);
    expect(summary.klGap).toBeCloseTo(summary.freeEnergy + summary.exact.lnZ, 9);
    for (const key of ['freeEnergyStdErr', 'lnZ', 'lnZStdErr', 'wallSeconds', 'trainSeconds']) {
      expect(Number.isFinite(summary[key])).toBe(true);
    }
    expect(summary.essFraction).toBeGreaterThan(0);
    expect(summary.essFraction).toBeLessThanOrEqual(1);
    expect(summary.evalSamples).toBe(16);
    expect(summary.secondsPerStep).toBeCloseTo(summary.trainSeconds / 6, 9);
    expect(summary.backend).toBe('cpu');
    expect(summary.versions).toEqual({
      node: process.version,
      neuralrg: expect.stringMatching(/^\d+\.\d+\.\d+/),
      tfjs: expect.stringMatching(/^\d+\.\d+\.\d+/),
    });
  });

  it('draws an 8 x 8 grid of decoded spins in black and white on a grey frame', () => {
    const png = PNG.sync.read(fs.readFileSync(path.join(out, 'samples.png')));
    // L = 4: 12 pixels a spin, 48 a tile, 2-pixel gaps: 8 * 48 + 9 * 2.
    expect([png.width, png.height]).toEqual([402, 402]);

    const colours = new Set<string>();
    for (let p = 0; p < png.width * png.height; p++) {
      colours.add(png.data.subarray(4 * p, 4 * p + 4).join(','));
    }
    expect([...colours].sort()).toEqual(['0,0,0,255', '128,128,128,255', '255,255,255,255']);
  });

  it('refuses to train into a folder that holds a run, and changes nothing', async () => {
    const before = FILES.map((name) => fs.readFileSync(path.join(out, name)));

    const result = await runCli(['train', ...TINY_RUN, '--epochs', '2', '--out', out]);

    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/^neuralrg: error: --out '.*' already holds a run/);
    expect(result.stderr).toContain('--resume');
    FILES.forEach((name, i) => {
      expect(fs.readFileSync(path.join(out, name)).equals(before[i])).toBe(true);
    });
  });

  it('refuses a folder that holds only metrics from a run that never checkpointed', async () => {
    const partial = path.join(root, 'partial');
    fs.mkdirSync(partial);
    fs.writeFileSync(path.join(partial, 'metrics.jsonl'), '{"step":1}\n');

    const result = await runCli(['train', ...TINY_RUN, '--epochs', '2', '--out', partial]);

    expect(result.code).toBe(1);
    expect(result.stderr).toContain('metrics.jsonl');
    expect(fs.readdirSync(partial)).toEqual(['metrics.jsonl']);
  });
});
