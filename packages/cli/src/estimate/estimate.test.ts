import * as fs from 'fs';
import * as path from 'path';
import { ISING_CRITICAL_TEMPERATURE, isingInternalEnergy } from '@neuralrg/energies';
import { encodeNpy } from '@neuralrg/trainer';
import { readJsonLines, runCli, temporaryFolder, TINY_RUN } from '../testing/run-cli';

/** Flags of a tiny flow for any model: fast on the cpu backend. */
const TINY_FLOW = ['--batch', '8', '--coupling-layers', '1', '--hidden', '4', '--eval-samples', '16', '--backend', 'cpu'];

describe('neuralrg estimate', () => {
  let root: string;
  let ising: string;

  beforeAll(async () => {
    root = temporaryFolder();
    ising = path.join(root, 'ising');
    const result = await runCli(['train', ...TINY_RUN, '--epochs', '3', '--out', ising, '--no-progress']);
    if (result.code !== 0) throw new Error(`tiny run failed: ${result.stderr}`);
  });

  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it('writes estimates.json and prints it with --json', async () => {
    const result = await runCli(['estimate', ising, '--samples', '200', '--batch', '50', '--bootstrap', '20', '--json']);
    expect(result.code).toBe(0);
    const printed = JSON.parse(result.stdout);
    const stored = JSON.parse(fs.readFileSync(path.join(ising, 'estimates.json'), 'utf8'));
    expect(stored).toEqual(printed);
    expect(printed).toMatchObject({
      format: 'neuralrg-estimates',
      version: 1,
      run: ising,
      step: 3,
      samples: 200,
      batch: 50,
      seed: 1,
      backend: 'cpu',
      bootstrapResamples: 20,
    });
    // The exact ln Z of the L = 4 dual and of the Ising model itself.
    expect(printed.exactLnZ).toBeGreaterThan(printed.ising.exactLnZ);
    expect(printed.ising.exactLnZ).toBeCloseTo(15.52191545875528, 9);
    expect(printed.klGap.value).toBeCloseTo(printed.freeEnergy.value + printed.exactLnZ, 9);
    expect(printed.ising.lnZ.value - printed.lnZ.value).toBeCloseTo(printed.ising.exactLnZ - printed.exactLnZ, 9);
    for (const key of ['essFraction', 'paretoK']) expect(Number.isFinite(printed[key])).toBe(true);
    const names = printed.observables.map((o: { name: string }) => o.name);
    expect(names).toEqual(expect.arrayContaining(['energyPerSite', 'absMagnetisation', 'specificHeat', 'correlation[2]']));
    const energy = printed.observables.find((o: { name: string }) => o.name === 'energyPerSite');
    // L = 4 is enumerated; it agrees with the derivative of Kaufman's ln Z.
    expect(energy.exact).toBeCloseTo(isingInternalEnergy(4, ISING_CRITICAL_TEMPERATURE), 9);
    expect(energy.deviation).toBeCloseTo((energy.value - energy.exact) / energy.stdErr, 9);
  });

  it('prints a table, and the same seed gives the same numbers', async () => {
    const first = await runCli(['estimate', ising, '--samples', '100', '--bootstrap', '10']);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/F_q = E_q\[ln q \+ E\]\s+-?\d+\.\d+ ± \d/);
    expect(first.stdout).toMatch(/energyPerSite\s+-?\d/);
    expect(first.stdout).toContain(`written to ${path.join(ising, 'estimates.json')}`);
    const a = JSON.parse(fs.readFileSync(path.join(ising, 'estimates.json'), 'utf8'));
    await runCli(['estimate', ising, '--samples', '100', '--bootstrap', '10']);
    const b = JSON.parse(fs.readFileSync(path.join(ising, 'estimates.json'), 'utf8'));
    expect(b.lnZ).toEqual(a.lnZ);
    expect(b.observables).toEqual(a.observables);
    expect(a.weights).toBe('raw');

    // --weights psis: the same draws and ln Z; the reweighted column is PSIS.
    const smoothed = await runCli(['estimate', ising, '--samples', '100', '--bootstrap', '10', '--weights', 'psis']);
    expect(smoothed.code).toBe(0);
    expect(smoothed.stdout).toMatch(/observable\s+reweighted \(PSIS\)/);
    const c = JSON.parse(fs.readFileSync(path.join(ising, 'estimates.json'), 'utf8'));
    expect(c.weights).toBe('psis');
    expect(c.lnZ).toEqual(a.lnZ);
    expect(c.observables.map((o: { flowValue: number }) => o.flowValue)).toEqual(
      a.observables.map((o: { flowValue: number }) => o.flowValue),
    );
  });

  it('rejects bad flags and folders with one-line errors', async () => {
    const small = await runCli(['estimate', ising, '--samples', '1']);
    expect(small.code).toBe(2);
    expect(small.stderr).toBe("neuralrg: error: --samples must be an integer >= 2, got '1'\n");
    const few = await runCli(['estimate', ising, '--samples', '10', '--bootstrap', '2']);
    expect(few.code).toBe(0);
    expect(few.stdout).toMatch(/Pareto k of the weights\s+n\/a \(needs 25 samples or more\)/);
    const fewSmoothed = await runCli(['estimate', ising, '--samples', '10', '--bootstrap', '2', '--weights', 'psis']);
    expect(fewSmoothed.stdout).toMatch(/too few samples to smooth: the values use the raw weights/);
    const weights = await runCli(['estimate', ising, '--weights', 'smooth']);
    expect(weights.code).toBe(2);
    expect(weights.stderr).toMatch(/--weights must be one of raw, psis, got 'smooth'|--weights.*'smooth'/);
    const missing = await runCli(['estimate', path.join(root, 'absent'), '--backend', 'cpu']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^neuralrg: error: run '.*absent' is not a folder/);
  });
});

describe('neuralrg train with other energies and training modes', () => {
  let root: string;

  beforeAll(() => {
    root = temporaryFolder();
  });

  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it('trains the Gaussian free field from --param, and estimates it against exact values', async () => {
    const out = path.join(root, 'gff');
    const train = await runCli([
      'train', '--energy', 'gff', '--L', '4', '--param', 'm2=0.5', '--epochs', '3', '--out', out, '--no-progress', ...TINY_FLOW,
    ]);
    expect(train.stderr).not.toMatch(/error/);
    expect(train.code).toBe(0);
    const config = JSON.parse(fs.readFileSync(path.join(out, 'config.json'), 'utf8'));
    expect(config.energy).toEqual({ name: 'gff', L: 4, m2: 0.5 });
    const estimate = await runCli(['estimate', out, '--samples', '64', '--bootstrap', '5', '--json']);
    expect(estimate.code).toBe(0);
    const printed = JSON.parse(estimate.stdout);
    expect(printed.observables.find((o: { name: string }) => o.name === 'energyPerSite').exact).toBe(0.5);
    expect(printed.ising).toBeUndefined();
  });

  it('rejects bad energy parameters as usage errors naming them', async () => {
    const out = path.join(root, 'bad');
    const negative = await runCli(['train', '--energy', 'gff', '--L', '4', '--param', 'm2=-1', '--out', out]);
    expect(negative.code).toBe(2);
    expect(negative.stderr).toBe(
      "neuralrg: error: energy 'gff': gff mass squared m2 must be a positive finite number, got -1\n",
    );
    const phi4 = await runCli(['train', '--energy', 'phi4', '--L', '4', '--param', 'kappa=0.2', '--param', 'lambda=0', '--out', out]);
    expect(phi4.stderr).toBe(
      "neuralrg: error: energy 'phi4': phi4 quartic coupling lambda must be a positive finite number, got 0\n",
    );
    const kappa = await runCli(['train', '--energy', 'phi4', '--L', '4', '--param', 'kappa=-1', '--param', 'lambda=1', '--out', out]);
    expect(kappa.stderr).toMatch(/phi4 hopping parameter kappa must be >= 0 \(the ferromagnetic form\), got -1/);
    const malformed = await runCli(['train', '--energy', 'gff', '--L', '4', '--param', 'm2', '--out', out]);
    expect(malformed.stderr).toBe("neuralrg: error: --param must be key=value, e.g. --param m2=0.5, got 'm2'\n");
    const temperature = await runCli(['train', '--L', '4', '--T', '-2', '--out', out]);
    expect(temperature.code).toBe(2);
    expect(fs.existsSync(out)).toBe(false);
  });

  it('fits samples from a file with --data, reporting the held-out NLL', async () => {
    const out = path.join(root, 'fit');
    const file = path.join(root, 'samples.npy');
    const values = Float32Array.from({ length: 40 * 16 }, (_, i) => Math.sin(i) * 0.5);
    fs.writeFileSync(file, encodeNpy(values, [40, 4, 4]));
    const train = await runCli([
      'train', '--energy', 'gff', '--L', '4', '--param', 'm2=0.5', '--data', file, '--holdout', '0.25',
      '--epochs', '2', '--out', out, '--no-progress', ...TINY_FLOW,
    ]);
    expect(train.code).toBe(0);
    const config = JSON.parse(fs.readFileSync(path.join(out, 'config.json'), 'utf8'));
    expect(config).toMatchObject({ mode: 'forward-kl', data: { file, holdoutFraction: 0.25 } });
    const records = readJsonLines(path.join(out, 'metrics.jsonl'));
    expect(Number.isFinite(records[1].nll)).toBe(true);
    expect(Number.isFinite(records[1].heldOutNll)).toBe(true);
  });

  it('says what shape a data file should have', async () => {
    const file = path.join(root, 'wrong.csv');
    fs.writeFileSync(file, '1,2,3\n4,5,6\n');
    const result = await runCli(['train', ...TINY_RUN, '--data', file, '--out', path.join(root, 'wrong')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      `neuralrg: error: data file ${file} has shape [2, 3]; expected [n, 4, 4] or [n, 16] with n >= 1 ` +
        "for energy 'ising' (configuration shape [4, 4])\n",
    );
  });

  it('trains a user energy module, with stl, clipping and early stopping', async () => {
    const module = path.join(root, 'quadratic.js');
    fs.writeFileSync(
      module,
      `exports.createEnergy = (params, { tf }) => ({
  shape: [4, 4],
  z2Symmetric: true,
  exactLnZ: 8 * Math.log(2 * Math.PI / params.k),
  energy: (x) => tf.tidy(() => tf.mul(tf.sum(tf.square(x), 1), params.k / 2)),
});
`,
    );
    const out = path.join(root, 'module');
    const train = await runCli([
      'train', '--energy-module', module, '--param', 'k=2', '--gradient-estimator', 'stl', '--clip-norm', '10',
      '--early-stop', '2', '--early-stop-delta', '1000', '--epochs', '50', '--out', out, '--no-progress', ...TINY_FLOW,
    ]);
    expect(train.stderr).not.toMatch(/error/);
    expect(train.code).toBe(0);
    const config = JSON.parse(fs.readFileSync(path.join(out, 'config.json'), 'utf8'));
    expect(config.energy).toEqual({ name: 'module', module, k: 2 });
    expect(config).toMatchObject({ gradientEstimator: 'stl', clipNorm: 10, earlyStopping: { patience: 2, minDelta: 1000, window: 2 } });
    // Windows of 2 steps: the best at step 2, stopped at step 4.
    expect(readJsonLines(path.join(out, 'metrics.jsonl')).map((r) => r.step)).toEqual([1, 2, 3, 4]);
    const estimate = await runCli(['estimate', out, '--samples', '32', '--bootstrap', '5', '--json']);
    expect(estimate.code).toBe(0);
    expect(JSON.parse(estimate.stdout).exactLnZ).toBeCloseTo(8 * Math.log(Math.PI), 9);
  });

  it('keeps run-defining flags off --resume', async () => {
    const result = await runCli(['train', '--resume', path.join(root, 'gff'), '--param', 'm2=1']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--param cannot be given with --resume/);
  });
});
