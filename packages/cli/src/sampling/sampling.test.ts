import * as fs from 'fs';
import * as path from 'path';
import { ISING_CRITICAL_TEMPERATURE } from '@neuralrg/energies';
import { TINY_RUN, runCli, temporaryFolder } from '../testing/run-cli';
import * as sampleState from './sample-state';
import type { SampleState } from './sample-state';
import type { SamplersReport } from './samplers-report';
import { samplersTable } from './samplers-table';

const QUICK = [
  '--sweeps',
  '40',
  '--warmup',
  '5',
  '--chains',
  '2',
  '--backend',
  'cpu',
  '--no-progress',
];

let flowDir: string;

beforeAll(async () => {
  flowDir = path.join(temporaryFolder(), 'flow');
  const trained = await runCli([
    'train',
    ...TINY_RUN,
    '--epochs',
    '2',
    '--out',
    flowDir,
    '--no-progress',
  ]);
  expect(trained.code).toBe(0);
});

describe('neuralrg compare-samplers', () => {
  it('runs all five samplers on the flow target and writes samplers.json', async () => {
    const result = await runCli(['compare-samplers', '--flow', flowDir, ...QUICK, '--json']);
    expect(result.stderr).not.toMatch(/error/);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as SamplersReport;
    expect(report.format).toBe('neuralrg-samplers');
    expect(report.version).toBe(1);
    expect(report.target).toEqual({
      model: 'ising',
      L: 4,
      T: ISING_CRITICAL_TEMPERATURE,
      sites: 16,
    });
    expect(report.samplers.map((s) => s.sampler)).toEqual([
      'metropolis',
      'wolff',
      'hmc',
      'latent-hmc',
      'flow-metropolis',
    ]);
    for (const s of report.samplers) {
      expect(s.steps).toBe(40);
      expect(s.chains).toBe(2);
      for (const name of ['energy', 'absMagnetization']) {
        const o = s.observables[name];
        expect(o).not.toBeNull();
        expect(Number.isFinite(o?.mean)).toBe(true);
        expect(o?.exact).toBe(report.exact.values[name]);
      }
    }
    expect(report.latticeEngine.name).toBe('typescript');
    // Flow Metropolis reports the Pareto k of its proposal weights, and the
    // table warns when it is above 0.5.
    const withK = (k: number): SamplersReport => ({
      ...report,
      samplers: report.samplers.map((s) =>
        s.sampler === 'flow-metropolis' ? { ...s, settings: { ...s.settings, paretoK: k } } : s,
      ),
    });
    expect(Number.isFinite(report.samplers[4].settings.paretoK)).toBe(true);
    expect(samplersTable(withK(0.65))).toMatch(/warning: flow-metropolis: Pareto k of its proposal weights is 0\.65 \(> 0\.5\)/);
    expect(samplersTable(withK(0.45))).not.toMatch(/Pareto k/);
    // HMC rows say how they were tuned, and warn about a warm-up cut short
    // or a step size that did not settle.
    const table = samplersTable(report);
    // Five warm-up steps are too few to adapt a step size: the one given is kept.
    expect(table).toMatch(
      /  hmc: HMC trajectory of 10 leapfrog steps; tfjs; step size 0\.10 as given \(warm-up too short to adapt it\), unit metric; ended/,
    );
    expect(table).not.toMatch(/warning: (hmc|latent-hmc): (the warm-up|acceptance|chain)/);
    // 40 steps per chain are too few to judge mixing, and the table says so.
    expect(table).toMatch(/warning: wolff: only 40 sampling steps per chain: too few to tell/);
    const hmcWith = (change: (s: SamplersReport['samplers'][number]) => object): SamplersReport => ({
      ...report,
      samplers: report.samplers.map((s) => (s.sampler === 'hmc' ? { ...s, ...change(s) } : s)),
    });
    const cut = samplersTable(
      hmcWith((s) => ({
        warmupSteps: 52,
        acceptance: 0.01,
        settings: {
          ...s.settings,
          stepSizeKept: false,
          warmupPlanned: 200,
          metric: 'dense',
          metricInUse: 'identity',
          metricUpdates: 1,
          metricReverted: true,
        },
      })),
    );
    expect(cut).toMatch(
      /unit metric \(dense asked, 1 estimate; the warm-up ended too soon after its last estimate, so the one before was kept\)/,
    );
    expect(cut).toMatch(
      /warning: hmc: the warm-up's time budget ran out after 52 of 200 steps, so its step sizes were adapted on those alone, and so was its metric/,
    );
    expect(cut).toMatch(/warning: hmc: acceptance 0\.010 is below 0\.2: the step size is too large/);
    // Chains that never moved give an R-hat of order 1e14: shown as > 100.
    const frozen = samplersTable(
      hmcWith((s) => ({
        observables: { ...s.observables, energy: { ...s.observables.energy, rhat: 4.7e14 } },
      })),
    );
    expect(frozen).toMatch(/\nhmc\s.*\s> 100\s+2\/2\n/);
    // A chain caught in a stiff region is named, even when the mean is fine.
    const caught = samplersTable(
      hmcWith((s) => ({
        acceptance: 0.6,
        acceptancePerChain: s.acceptancePerChain.map((a, c) => (c === 1 ? 0.04 : a)),
      })),
    );
    expect(caught).toMatch(/warning: hmc: chain 1 \(0\.04\) accepted under 0\.2 of its trajectories/);
    // A unit metric settles in a few dozen steps: 120 of 200 is no cause for a warning.
    expect(
      samplersTable(
        hmcWith((s) => ({ warmupSteps: 120, settings: { ...s.settings, warmupPlanned: 200 } })),
      ),
    ).not.toMatch(/warning: hmc: the warm-up/);
    const written = JSON.parse(
      fs.readFileSync(path.join(flowDir, 'samplers.json'), 'utf8'),
    ) as SamplersReport;
    expect(written).toEqual(report);
  });

  it('refuses a flag that none of the chosen samplers reads', async () => {
    const lattice = await runCli([
      'compare-samplers', '--L', '4', '--T', 'Tc', '--samplers', 'wolff,metropolis',
      '--metric', 'dense', '--warmup', '50', '--no-progress',
    ]);
    expect(lattice.code).toBe(2);
    expect(lattice.stderr).toMatch(
      /--metric does not apply to samplers wolff, metropolis; it is for hmc, latent-hmc/,
    );
    const global = await runCli([
      'compare-samplers', '--L', '4', '--T', 'Tc', '--samplers', 'hmc,wolff',
      '--global-every', '1', '--no-progress',
    ]);
    expect(global.code).toBe(2);
    expect(global.stderr).toMatch(/--global-every does not apply to samplers hmc, wolff; it is for latent-hmc/);
  });

  it('prints a table and skips the flow samplers without a flow', async () => {
    const out = path.join(temporaryFolder(), 'cmp.json');
    const result = await runCli([
      'compare-samplers',
      '--L',
      '4',
      '--T',
      'Tc',
      ...QUICK,
      '--out',
      out,
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^sampler\s+steps\s+accept\s+E\/N/m);
    expect(result.stdout).toMatch(/skipped latent-hmc: needs a trained flow/);
    const report = JSON.parse(fs.readFileSync(out, 'utf8')) as SamplersReport;
    expect(report.samplers.map((s) => s.sampler)).toEqual(['metropolis', 'wolff', 'hmc']);
    expect(report.skipped.map((s) => s.sampler)).toEqual(['latent-hmc', 'flow-metropolis']);
  });

  it('--from puts finished sample runs side by side, and refuses runs of different targets', async () => {
    const root = temporaryFolder();
    const run = async (sampler: string, dir: string, extra: string[] = []) => {
      const args = ['sample', '--sampler', sampler, '--out', path.join(root, dir), ...QUICK, ...extra];
      const result = await runCli(args);
      expect(result.code).toBe(0);
      return JSON.parse(fs.readFileSync(path.join(root, dir, 'sample.json'), 'utf8')) as SamplersReport;
    };
    const wolff = await run('wolff', 'wolff', ['--L', '4', '--T', 'Tc']);
    const flow = await run('flow-metropolis', 'fm', ['--flow', flowDir]);

    const out = path.join(root, 'cmp.json');
    const sources = `${path.join(root, 'wolff')},${path.join(root, 'fm', 'sample.json')}`;
    const merged = await runCli(['compare-samplers', '--from', sources, '--out', out]);
    expect(merged.stderr).not.toMatch(/error/);
    expect(merged.code).toBe(0);
    expect(merged.stdout).toMatch(/^1\s+wolff\s/m);
    expect(merged.stdout).toMatch(/^2\s+flow-metropolis\s/m);
    const report = JSON.parse(fs.readFileSync(out, 'utf8')) as SamplersReport;
    expect(report.samplers).toEqual([...wolff.samplers, ...flow.samplers]);
    expect(report.flow).toEqual(flow.flow);
    expect(report.sources).toHaveLength(2);
    // One flow reached through a link is still one flow.
    fs.symlinkSync(flowDir, path.join(root, 'flow-link'));
    await run('flow-metropolis', 'fm-link', ['--flow', path.join(root, 'flow-link')]);
    const linkedFlow = await runCli([
      'compare-samplers', '--from', `${path.join(root, 'fm')},${path.join(root, 'fm-link')}`,
    ]);
    expect(linkedFlow.stderr).not.toMatch(/error/);
    expect(linkedFlow.code).toBe(0);

    await run('metropolis', 'other-T', ['--L', '4', '--T', '3']);
    const mixed = await runCli(['compare-samplers', '--from', `${path.join(root, 'wolff')},${path.join(root, 'other-T')}`]);
    expect(mixed.code).toBe(1);
    expect(mixed.stderr).toMatch(/is for L = 4, T = 3, but .* is for L = 4, T = 2\.269.*compare runs of one target/);

    const extra = await runCli(['compare-samplers', '--from', path.join(root, 'wolff'), '--L', '4']);
    expect(extra.code).toBe(2);
    expect(extra.stderr).toMatch(/--from shows finished runs and takes only --out and --json; got --L/);
    const missing = await runCli(['compare-samplers', '--from', path.join(root, 'nothing')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/nothing does not exist; expected a folder of .neuralrg sample./);
    const onto = path.join(root, 'wolff', 'sample.json');
    const before = fs.readFileSync(onto, 'utf8');
    const clobber = await runCli(['compare-samplers', '--from', path.join(root, 'wolff'), '--out', onto]);
    expect(clobber.code).toBe(2);
    expect(fs.readFileSync(onto, 'utf8')).toBe(before);
    // Nor through a link to the folder, nor over the run's state.json.
    fs.symlinkSync(path.join(root, 'wolff'), path.join(root, 'link'));
    const linked = await runCli(['compare-samplers', '--from', path.join(root, 'wolff'), '--out', path.join(root, 'link', 'sample.json')]);
    expect(linked.code).toBe(2);
    const state = path.join(root, 'wolff', 'state.json');
    const stateBefore = fs.readFileSync(state, 'utf8');
    const overState = await runCli(['compare-samplers', '--from', path.join(root, 'wolff'), '--out', state]);
    expect(overState.code).toBe(2);
    expect(overState.stderr).toMatch(/would overwrite a sample run's state\.json/);
    expect(fs.readFileSync(state, 'utf8')).toBe(stateBefore);
    expect(fs.readFileSync(onto, 'utf8')).toBe(before);

    // The table numbers its rows and says which file and settings each came from.
    expect(merged.stdout).toMatch(/^#\s+sampler/m);
    expect(merged.stdout).toMatch(/from .*wolff.sample\.json: wolff \(seed 1, at most 40 steps or 30 s; row 1\)/);
    expect(report.sources!.map((source) => source.samplers)).toEqual([['wolff'], ['flow-metropolis']]);

    // Hand-edited or partial documents are named, not crashed on.
    const partial = (name: string, edit: (doc: Record<string, unknown>) => void) => {
      const doc = JSON.parse(fs.readFileSync(onto, 'utf8'));
      edit(doc);
      const file = path.join(root, `${name}.json`);
      fs.writeFileSync(file, JSON.stringify(doc));
      return file;
    };
    type Doc = Record<string, any>;
    const broken: [string, (doc: Doc) => void, RegExp][] = [
      ['no-target', (doc) => delete doc.target, /target\.L must be an even integer >= 2/],
      ['null-T', (doc) => (doc.target.T = null), /target\.T must be a positive number/],
      ['no-samplers', (doc) => delete doc.samplers, /holds no sampler results/],
      ['empty', (doc) => (doc.samplers = []), /holds no sampler results/],
      ['text-mean', (doc) => (doc.samplers[0].observables.energy.mean = 'x'), /samplers\[0\]\.observables\.energy\.mean must be a number/],
      ['no-stopped', (doc) => delete doc.samplers[0].stopped, /samplers\[0\]\.stopped must be a list/],
      ['bad-stop', (doc) => (doc.samplers[0].stopped = [1]), /samplers\[0\]\.stopped\[0\] must be an object/],
      ['no-settings', (doc) => (doc.samplers[0].settings = null), /samplers\[0\]\.settings must be an object/],
      ['text-acceptance', (doc) => (doc.samplers[0].acceptance = 'high'), /samplers\[0\]\.acceptance must be a number or null/],
      ['no-z', (doc) => delete doc.samplers[0].observables.energy.zScore, /energy\.zScore must be a number or null/],
      ['bad-skip', (doc) => (doc.skipped = [{}]), /skipped\[0\]\.sampler must be text/],
      ['bad-seed', (doc) => (doc.settings.seed = 'one'), /settings\.seed must be a count/],
    ];
    for (const [name, edit, message] of broken) {
      const result = await runCli(['compare-samplers', '--from', partial(name, edit)]);
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(new RegExp(`${name}\\.json is not a complete neuralrg-samplers file`));
      expect(result.stderr).toMatch(message);
    }
    const nullFile = path.join(root, 'null.json');
    fs.writeFileSync(nullFile, 'null');
    const nothing = await runCli(['compare-samplers', '--from', nullFile]);
    expect(nothing.code).toBe(1);
    expect(nothing.stderr).toMatch(/null\.json is not a neuralrg-samplers version 1 file \(format absent, version absent\)/);

    // One file twice is refused; a combined file keeps each row's own source.
    const twice = await runCli(['compare-samplers', '--from', `${path.join(root, 'wolff')},${path.join(root, 'link')}`]);
    expect(twice.code).toBe(2);
    expect(twice.stderr).toMatch(/--from names one file twice/);
    await run('wolff', 'wolff-7', ['--L', '4', '--T', 'Tc', '--seed', '7']);
    const pair = path.join(root, 'pair.json');
    const combined = await runCli(['compare-samplers', '--from', `${path.join(root, 'wolff')},${path.join(root, 'wolff-7')}`, '--out', pair]);
    expect(combined.code).toBe(0);
    const again = await runCli(['compare-samplers', '--from', `${pair},${path.join(root, 'fm')}`, '--json']);
    expect(again.code).toBe(0);
    const carried = (JSON.parse(again.stdout) as SamplersReport).sources!;
    const pairBefore = fs.readFileSync(pair, 'utf8');
    const overPair = await runCli(['compare-samplers', '--from', `${pair},${path.join(root, 'fm')}`, '--out', pair]);
    expect(overPair.code).toBe(2);
    expect(overPair.stderr).toMatch(/is one of the --from files/);
    expect(fs.readFileSync(pair, 'utf8')).toBe(pairBefore);
    expect(carried.map((source) => [path.basename(path.dirname(source.file)), source.settings.seed])).toEqual([
      ['wolff', 1],
      ['wolff-7', 7],
      ['fm', 1],
    ]);
  });
});

describe('neuralrg sample', () => {
  it('stops on Ctrl-C with its state saved, and resumes to the same result as a run without a stop', async () => {
    const base = temporaryFolder();
    const args = ['--sampler', 'wolff', '--L', '4', '--T', '3', ...QUICK];
    const straight = await runCli([
      'sample',
      ...args,
      '--out',
      path.join(base, 'straight'),
      '--json',
    ]);
    expect(straight.code).toBe(0);

    const dir = path.join(base, 'stopped');
    // Ctrl-C with the progress line that ends the warm-up: the run stops before sampling.
    const withProgress = args.filter((arg) => arg !== '--no-progress');
    const stopped = await runCli(['sample', ...withProgress, '--out', dir], {
      onStderr: (text, interrupt) => {
        if (/^\[wolff\]\s+warmup/.test(text)) interrupt();
      },
    });
    expect(stopped.code).toBe(130);
    expect(stopped.stderr).toMatch(
      /interrupted at step 0 \(after 5 of 5 warm-up steps\); state saved; continue with 'neuralrg sample --resume/,
    );
    const resumed = await runCli(['sample', '--resume', dir, '--no-progress', '--json']);
    expect(resumed.code).toBe(0);

    const read = (folder: string) =>
      JSON.parse(fs.readFileSync(path.join(folder, 'state.json'), 'utf8')) as SampleState;
    expect(read(dir).record.series).toEqual(read(path.join(base, 'straight')).record.series);
    const report = JSON.parse(resumed.stdout) as SamplersReport;
    expect(report.samplers[0].steps).toBe(40);
  });

  it('saves state.json as it goes, and a copy taken mid-run resumes to the same result', async () => {
    const base = temporaryFolder();
    const args = ['--sampler', 'metropolis', '--L', '4', '--T', '3', ...QUICK.filter((a) => a !== '--no-progress'), '--sweeps', '4000'];
    const straight = await runCli(['sample', ...args, '--out', path.join(base, 'straight'), '--no-progress']);
    expect(straight.code).toBe(0);

    // With --checkpoint-seconds 0, state.json is first saved after the
    // first warm-up step (how often after that depends on the time saves
    // take: see run-with-progress.test.ts). Keep a copy of that first save,
    // as a run killed there would leave it.
    const dir = path.join(base, 'running');
    const crashed = path.join(base, 'crashed');
    const saved: number[] = [];
    const write = sampleState.writeSampleState;
    const spy = jest.spyOn(sampleState, 'writeSampleState').mockImplementation((folder, state) => {
      write(folder, state);
      saved.push(state.record.steps);
      if (!fs.existsSync(crashed)) {
        fs.mkdirSync(crashed);
        fs.copyFileSync(path.join(dir, 'state.json'), path.join(crashed, 'state.json'));
      }
    });
    const full = await runCli(['sample', ...args, '--out', dir, '--checkpoint-seconds', '0']);
    spy.mockRestore();
    expect(full.code).toBe(0);
    expect(saved[0]).toBe(0);
    expect(saved[saved.length - 1]).toBe(4000);
    const read = (folder: string) =>
      JSON.parse(fs.readFileSync(path.join(folder, 'state.json'), 'utf8')) as SampleState;
    expect(read(crashed).record.warmupSteps).toBe(1);

    const resumed = await runCli(['sample', '--resume', crashed, '--no-progress']);
    expect(resumed.code).toBe(0);
    expect(read(crashed).record.series).toEqual(read(path.join(base, 'straight')).record.series);
    expect(read(dir).record.series).toEqual(read(path.join(base, 'straight')).record.series);
  });

  it('refuses a negative --checkpoint-seconds', async () => {
    const result = await runCli(['sample', '--sampler', 'wolff', '--L', '4', '--T', '3', '--out', path.join(temporaryFolder(), 'x'), '--checkpoint-seconds', '-1']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--checkpoint-seconds must be a number of seconds >= 0, got '-1'/);
  });

  it('continues a finished run to more sweeps', async () => {
    const dir = path.join(temporaryFolder(), 'run');
    expect(
      (
        await runCli([
          'sample',
          '--sampler',
          'metropolis',
          '--L',
          '4',
          '--T',
          'Tc',
          ...QUICK,
          '--out',
          dir,
        ])
      ).code,
    ).toBe(0);
    const more = await runCli([
      'sample',
      '--resume',
      dir,
      '--sweeps',
      '60',
      '--no-progress',
      '--json',
    ]);
    expect(more.code).toBe(0);
    expect((JSON.parse(more.stdout) as SamplersReport).samplers[0].steps).toBe(60);
    expect(fs.existsSync(path.join(dir, 'sample.json'))).toBe(true);
  });

  it('runs HMC with an adapted dense metric, and resumes an HMC run saved before per-chain step sizes', async () => {
    const dir = path.join(temporaryFolder(), 'dense');
    const dense = await runCli([
      'sample',
      '--sampler',
      'hmc',
      '--L',
      '4',
      '--T',
      'Tc',
      ...QUICK.filter((_, i, all) => all[i - 1] !== '--warmup' && all[i] !== '--warmup'),
      '--warmup',
      '100',
      '--metric',
      'dense',
      '--out',
      dir,
      '--json',
    ]);
    expect(dense.code).toBe(0);
    const settings = (JSON.parse(dense.stdout) as SamplersReport).samplers[0].settings;
    expect(settings).toMatchObject({
      metric: 'dense',
      metricInUse: 'dense',
      metricUpdates: 3,
      stepSizeAdaptation: 'shared',
    });

    // The layout of state.json before this release: one step size and one
    // adaptation, and no such settings.
    const old = path.join(temporaryFolder(), 'old');
    expect(
      (
        await runCli(['sample', '--sampler', 'hmc', '--L', '4', '--T', 'Tc', ...QUICK, '--out', old])
      ).code,
    ).toBe(0);
    const file = path.join(old, 'state.json');
    const state = JSON.parse(fs.readFileSync(file, 'utf8')) as SampleState;
    const { stepSizes, adaptations, metric, warmupSteps, ...data } = state.samplerState.data;
    expect([stepSizes, metric, warmupSteps].every((v) => v !== undefined)).toBe(true);
    state.samplerState.data = {
      ...data,
      stepSize: 0.25,
      adaptation: (adaptations as unknown[])[0],
    };
    const { stepSizeAdaptation, metric: metricSetting, ...oldSettings } = state.settings;
    expect([stepSizeAdaptation, metricSetting]).toEqual(['shared', 'identity']);
    state.settings = oldSettings as SampleState['settings'];
    fs.writeFileSync(file, JSON.stringify(state));
    const resumed = await runCli(['sample', '--resume', old, '--sweeps', '60', '--no-progress', '--json']);
    expect(resumed.stderr).toMatch(/^neuralrg: resuming at step 40 of ising L=4 [^\n]*\n$/);
    expect(resumed.code).toBe(0);
    const summary = (JSON.parse(resumed.stdout) as SamplersReport).samplers[0];
    expect(summary.steps).toBe(60);
    expect(summary.settings).toMatchObject({
      stepSizeAdaptation: 'shared',
      metric: 'identity',
      stepSize: 0.25,
    });
  });

  it('runs HMC with delayed rejection, says so in the table, and keeps it on resume', async () => {
    const dir = path.join(temporaryFolder(), 'dr');
    const first = await runCli([
      'sample', '--sampler', 'hmc', '--L', '4', '--T', 'Tc', ...QUICK,
      // A warm-up this short keeps the step as given: one that rejects often.
      '--step-size', '1.5', '--delayed-rejection', '4', '--out', dir,
    ]);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/a rejected one retried with a step 4 times smaller/);
    expect(first.stdout).toMatch(/, \S+ of retries accepted at \S+ extra batched leapfrog steps per trajectory/);
    const again = await runCli(['sample', '--resume', dir, '--delayed-rejection', '2']);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/drop --delayed-rejection/);
    const resumed = await runCli(['sample', '--resume', dir, '--sweeps', '60', '--no-progress', '--json']);
    expect(resumed.code).toBe(0);
    const settings = (JSON.parse(resumed.stdout) as SamplersReport).samplers[0].settings;
    expect(settings.delayedRejection).toBe(4);
    expect(settings.retries).toBeGreaterThan(0);
  });

  it.each([
    [
      ['--sampler', 'wolff', '--L', '4', '--T', 'Tc', '--chains', '0'],
      /--chains must be a positive integer, got '0'/,
    ],
    [
      ['--sampler', 'hmc', '--L', '4', '--T', 'Tc', '--step-size', '0'],
      /--step-size must be a positive number, got '0'/,
    ],
    [
      ['--sampler', 'hmc', '--L', '4', '--T', 'Tc', '--step-size', '-1'],
      /--step-size must be a positive number, got '-1'/,
    ],
    [
      ['--sampler', 'gibbs', '--L', '4', '--T', 'Tc'],
      /--sampler must be one of metropolis, wolff, hmc, latent-hmc, flow-metropolis, got 'gibbs'/,
    ],
    [
      ['--sampler', 'latent-hmc', '--L', '4', '--T', 'Tc'],
      /sampler 'latent-hmc' needs a trained flow: give --flow/,
    ],
    [
      ['--sampler', 'hmc', '--L', '4', '--T', 'Tc', '--metric', 'full'],
      /--metric must be one of identity, diagonal, dense, got 'full'/,
    ],
    [
      ['--sampler', 'hmc', '--L', '4', '--T', 'Tc', '--step-size-adaptation', 'each'],
      /--step-size-adaptation must be one of per-chain, shared, got 'each'/,
    ],
    [
      ['--sampler', 'hmc', '--L', '4', '--T', 'Tc', '--metric', 'dense', '--warmup', '50'],
      /--metric dense needs --warmup >= 100 to be estimated, got 50/,
    ],
    [
      ['--sampler', 'latent-hmc', '--L', '4', '--T', 'Tc', '--global-every', '1e20'],
      /--global-every must be at most 9007199254740991, got '1e20'/,
    ],
    [
      ['--sampler', 'hmc', '--L', '4', '--T', 'Tc', '--global-every', '1'],
      /--global-every does not apply to sampler 'hmc'; it is for latent-hmc/,
    ],
    [
      ['--sampler', 'wolff', '--L', '4', '--T', 'Tc', '--metric', 'dense'],
      /--metric does not apply to sampler 'wolff'; it is for hmc, latent-hmc/,
    ],
    [
      ['--sampler', 'hmc', '--L', '4', '--T', 'Tc', '--delayed-rejection', '1'],
      /--delayed-rejection must be 0 \(off\) or an integer from 2 to 64, the step reduction of the second try, got '1'/,
    ],
    [
      ['--sampler', 'hmc', '--L', '4', '--T', 'Tc', '--delayed-rejection', '1000000000'],
      /--delayed-rejection must be 0 \(off\) or an integer from 2 to 64, .* got '1000000000'/,
    ],
    [
      ['--sampler', 'wolff', '--L', '4', '--T', 'Tc', '--delayed-rejection', '4'],
      /--delayed-rejection does not apply to sampler 'wolff'; it is for hmc, latent-hmc/,
    ],
    [
      ['--sampler', 'hmc', '--L', '4', '--T', 'Tc', '--proposal-batch', '8'],
      /--proposal-batch does not apply to sampler 'hmc'; it is for flow-metropolis/,
    ],
    [['--sampler', 'wolff', '--L', '5', '--T', 'Tc'], /--L must be an even integer >= 2, got '5'/],
    [['--sampler', 'wolff', '--T', 'Tc'], /--L is required/],
  ])('refuses %j with a usage error', async (args, message) => {
    const dir = path.join(temporaryFolder(), 'bad');
    const result = await runCli([
      'sample',
      ...args,
      '--out',
      dir,
      '--backend',
      'cpu',
      '--no-progress',
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^neuralrg: error: /);
    expect(result.stderr).toMatch(message);
  });

  it('refuses a --L that differs from the flow, settings changed on resume, and a used folder', async () => {
    const other = await runCli([
      'sample',
      '--sampler',
      'flow-metropolis',
      '--flow',
      flowDir,
      '--L',
      '8',
      ...QUICK,
      '--out',
      path.join(temporaryFolder(), 'x'),
    ]);
    expect(other.code).toBe(2);
    expect(other.stderr).toMatch(/--L 8 differs from the flow in .* trained at L = 4/);

    const dir = path.join(temporaryFolder(), 'run');
    expect(
      (
        await runCli([
          'sample',
          '--sampler',
          'wolff',
          '--L',
          '4',
          '--T',
          'Tc',
          ...QUICK,
          '--out',
          dir,
        ])
      ).code,
    ).toBe(0);
    const changed = await runCli(['sample', '--resume', dir, '--chains', '4']);
    expect(changed.code).toBe(2);
    expect(changed.stderr).toMatch(/--resume continues a run with its own settings; drop --chains/);
    const again = await runCli([
      'sample',
      '--sampler',
      'wolff',
      '--L',
      '4',
      '--T',
      'Tc',
      ...QUICK,
      '--out',
      dir,
    ]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already holds a sample run \(state.json, sample.json\)/);

    const intoTraining = await runCli(['sample', '--sampler', 'wolff', '--L', '4', '--T', 'Tc', ...QUICK, '--out', flowDir]);
    expect(intoTraining.code).toBe(1);
    expect(intoTraining.stderr).toMatch(/is a training run's folder; .* pass the training run as --flow/);
    expect(fs.existsSync(path.join(flowDir, 'sample.json'))).toBe(false);
  });
});

test('flow samplers named without --flow are a usage error', async () => {
  const { runCli } = await import('../testing/run-cli');
  const result = await runCli(['compare-samplers', '--L', '4', '--T', 'Tc', '--samplers', 'flow-metropolis']);
  expect(result.code).toBe(2);
  expect(result.stderr).toMatch(/--samplers flow-metropolis needs a trained flow: give --flow RUN/);
});
