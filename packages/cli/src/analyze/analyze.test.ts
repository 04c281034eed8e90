import * as fs from 'fs';
import * as path from 'path';
import { latentLevels } from '@neuralrg/bijectors';
import { runCli, temporaryFolder, TINY_RUN } from '../testing/run-cli';
import type { Analysis } from './analysis-schema';

/** Flags that keep a tiny analysis to a second or two on the cpu backend. */
const QUICK = ['--samples', '120', '--jacobian-samples', '8', '--backend', 'cpu', '--no-progress'];

describe('neuralrg analyze', () => {
  let root: string;
  let run: string;
  let analysis: Analysis;

  beforeAll(async () => {
    root = temporaryFolder();
    run = path.join(root, 'run');
    const trained = await runCli(['train', ...TINY_RUN, '--epochs', '3', '--out', run]);
    if (trained.code !== 0) throw new Error(`tiny run failed: ${trained.stderr}`);
    const result = await runCli(['analyze', run, ...QUICK, '--csv']);
    if (result.code !== 0) throw new Error(`analyze failed: ${result.stderr}`);
    analysis = JSON.parse(fs.readFileSync(path.join(run, 'analysis.json'), 'utf8')) as Analysis;
  });

  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it('records what was analysed and how', () => {
    expect(analysis).toMatchObject({
      format: 'neuralrg-analysis',
      version: 1,
      run: { step: 3, flow: { layout: 'mera', depth: 2, symmetric: true } },
      lattice: { L: 4, sites: 16, siteIndex: 'i * L + j', periodic: true },
      sampling: { samples: 120, seed: 1, backend: 'cpu', density: 'q_sym', reweighted: false },
      estimator: { name: 'KSG', algorithm: 1, k: 3, norm: 'max', units: 'nats' },
      levels: { depth: 2, siteLevels: Array.from(latentLevels(4, 2)) },
    });
    expect(analysis.sampling.essFraction).toBeGreaterThan(0);
    expect(analysis.sampling.essFraction).toBeLessThanOrEqual(1);
    expect(analysis.versions.tfjs).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('estimates every pair of sites, grouped by periodic distance', () => {
    const mi = analysis.mutualInformation;
    expect(mi.pairs).toHaveLength((16 * 15) / 2);
    for (const p of mi.pairs) {
      expect(Number.isFinite(p.physical) && Number.isFinite(p.latent)).toBe(true);
    }
    // On the 4 x 4 torus each site has 4 neighbours at 1, 4 at sqrt 2, 2 at 2,
    // 4 at sqrt 5 and 1 at sqrt 8: 16 * m / 2 pairs at each distance.
    expect(mi.byDistance.map((g) => [g.distance, g.pairs])).toEqual([
      [1, 32],
      [Math.SQRT2, 32],
      [2, 16],
      [Math.sqrt(5), 32],
      [Math.sqrt(8), 8],
    ]);
    const atOne = mi.pairs.filter((p) => p.euclideanDistance === 1).map((p) => p.physical);
    expect(mi.byDistance[0].physical?.mean).toBeCloseTo(atOne.reduce((a, b) => a + b, 0) / 32, 12);
    expect(mi.total.physical).toBeCloseTo(mi.pairs.reduce((a, p) => a + p.physical, 0), 9);
  });

  it('groups latent pairs by RG level', () => {
    const mi = analysis.mutualInformation;
    expect(mi.byLevel.map((g) => [g.level, g.sites.length, g.pairs])).toEqual([
      [0, 12, 66],
      [1, 3, 3],
      [2, 1, 0],
    ]);
    expect(mi.byLevel[2].latent).toBeNull();
    expect(mi.betweenLevels.reduce((a, g) => a + g.pairs, 0)).toBe(120);
  });

  it('writes the Jacobian of every latent next to its Haar function', () => {
    const { latents, samples } = analysis.jacobian;
    expect(samples).toBe(8);
    expect(latents).toHaveLength(16);
    expect(latents[0]).toMatchObject({ site: 0, level: 2, band: 'approximation' });
    for (const e of latents) {
      expect(e.mean).toHaveLength(16);
      expect(e.std).toHaveLength(16);
      // Orthonormal Haar functions: unit length.
      expect(e.haar.reduce((a, v) => a + v * v, 0)).toBeCloseTo(1, 12);
      expect(Math.abs(e.cosineToHaar)).toBeLessThanOrEqual(1 + 1e-12);
    }
    // Three training steps from an identity initialisation: z is close to x,
    // so dz_s/dx is close to the delta function of site s.
    for (const e of latents) expect(e.mean[e.site]).toBeGreaterThan(0.5);
  });

  it('writes the CSV files beside the JSON', () => {
    const pairs = fs.readFileSync(path.join(run, 'analysis-pairs.csv'), 'utf8').trim().split('\n');
    expect(pairs[0]).toBe(
      'site_a,site_b,row_a,col_a,row_b,col_b,euclidean_distance,manhattan_distance,level_a,level_b,mi_physical,mi_latent',
    );
    expect(pairs).toHaveLength(121);
    const jacobian = fs.readFileSync(path.join(run, 'analysis-jacobian.csv'), 'utf8').trim().split('\n');
    expect(jacobian).toHaveLength(1 + 16 * 16);
  });

  it('prints a JSON summary, writes --out, and is reproducible for a seed', async () => {
    const out = path.join(root, 'again.json');
    const result = await runCli(['analyze', run, ...QUICK, '--json', '--out', out, '--distance', 'manhattan']);

    expect(result.code).toBe(0);
    const summary = JSON.parse(result.stdout);
    expect(summary).toMatchObject({ out, samples: 120, k: 3 });
    expect(summary.cosineToHaarByLevel.map((c: { level: number }) => c.level)).toEqual([2, 1, 0]);
    const again = JSON.parse(fs.readFileSync(out, 'utf8')) as Analysis;
    expect(again.mutualInformation.groupedBy).toBe('manhattan');
    expect(again.mutualInformation.byDistance.map((g) => g.distance)).toEqual([1, 2, 3, 4]);
    // Same seed, same backend: the same draws and the same estimates.
    expect(again.mutualInformation.pairs).toEqual(analysis.mutualInformation.pairs);
    expect(fs.readdirSync(root).filter((f) => f.startsWith('.'))).toEqual([]);
  });

  it('draws from q itself with --no-flip and says so', async () => {
    const out = path.join(root, 'plain.json');
    const result = await runCli(['analyze', run, ...QUICK, '--no-flip', '--json', '--out', out]);

    expect(result.code).toBe(0);
    const plain = JSON.parse(fs.readFileSync(out, 'utf8')) as Analysis;
    expect(plain.sampling.density).toBe('q');
    expect(plain.sampling.description).not.toContain('negated');
    expect(plain.sampling.essFraction).toBeGreaterThan(0);
    expect(plain.sampling.essFraction).toBeLessThanOrEqual(1);
    // Same seed, same latent draws: only the signs of some rows differ.
    const flipped = analysis.mutualInformation.pairs.map((p) => p.physical);
    expect(plain.mutualInformation.pairs.map((p) => p.physical)).not.toEqual(flipped);
  });

  it('prints a readable table by default', async () => {
    const out = path.join(root, 'table.json');
    const result = await runCli(['analyze', run, ...QUICK, '--out', out]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('mutual information by euclidean distance');
    expect(result.stdout).toContain('vs Haar');
    expect(result.stdout).toContain('sum over all pairs');
    expect(result.stderr).toBe('');
  });

  it.each([
    [['--k', '0'], "--k must be a positive integer, got '0'"],
    [['--samples', '3'], '--samples 3 is too few for --k 3: the KSG estimator needs at least k + 1 = 4'],
    [['--samples', '10', '--jacobian-samples', '11'], '--jacobian-samples 11 exceeds --samples 10'],
    [['--algorithm', '3'], "--algorithm must be one of 1, 2, got '3'"],
    [['--distance', 'chebyshev'], "--distance must be one of euclidean, manhattan, got 'chebyshev'"],
  ])('refuses bad flags %j with a usage error', async (flags, message) => {
    const result = await runCli(['analyze', run, ...flags]);
    expect(result.code).toBe(2);
    expect(result.stderr.startsWith(`neuralrg: error: ${message}`)).toBe(true);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('fails clearly on a folder without a run', async () => {
    const result = await runCli(['analyze', path.join(root, 'missing'), '--backend', 'cpu']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^neuralrg: error: run folder '.*missing' does not exist/);
  });
});
