import * as fs from 'fs';
import * as path from 'path';
import { runCli, temporaryFolder } from './testing/run-cli';

/** Asserts the error contract: exactly one `neuralrg: error:` line, no stack trace. */
function expectOneErrorLine(stderr: string, ...fragments: string[]): void {
  const lines = stderr.split('\n').filter((line) => line !== '');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^neuralrg: error: /);
  for (const fragment of fragments) expect(lines[0]).toContain(fragment);
}

/** Whether the optional native package can be loaded from the tensor package. */
function resolvable(name: string): boolean {
  try {
    require.resolve(name, { paths: [path.join(__dirname, '../../tensor')] });
    return true;
  } catch {
    return false;
  }
}

describe('bad input', () => {
  let root: string;
  let out: string;
  const train = (...flags: string[]) => ['train', '--L', '8', '--T', '2.5', '--out', out, ...flags];

  beforeEach(() => {
    root = temporaryFolder();
    out = path.join(root, 'run');
  });

  afterEach(() => {
    // A rejected command line must not leave a run folder behind.
    expect(fs.existsSync(out)).toBe(false);
    fs.rmSync(root, { recursive: true, force: true });
  });

  /** `neuralrg train` with the given --L and --T. */
  const trainAt = (L: string, T: string) => ['train', '--L', L, '--T', T, '--out', out];
  /** `neuralrg exact` with the given --L and --T. */
  const exact = (L: string, T: string, ...flags: string[]) =>
    ['exact', '--L', L, '--T', T, ...flags];

  const usageCases: [string, () => string[], string[]][] = [
    ['an unknown train flag', () => train('--learning-rate', '0.1'), ["'--learning-rate'"]],
    ['an unknown exact flag', () => exact('8', '2', '--size', '3'), ["'--size'"]],
    ['an unknown command', () => ['fit'], ["'fit'"]],
    ['an odd L for train', () => trainAt('7', '2'), ['--L', "'7'", 'power of 2']],
    ['an even L, not a power of 2', () => trainAt('6', '2'), ['--L', "'6'", 'power of 2']],
    ['a non-numeric L', () => trainAt('eight', '2'), ['--L', "'eight'"]],
    ['a hexadecimal L', () => trainAt('0x10', '2'), ['--L', "'0x10'"]],
    ['a binary batch', () => train('--batch', '0b100'), ['--batch', "'0b100'"]],
    ['a kernel of 3', () => train('--kernel', '3'), ['--kernel', "'3'", '2, 4']],
    ['--block-size on a lattice', () => train('--block-size', '4'), ['--block-size', 'chains', '--kernel']],
    ['--kernel on a chain', () => ['train', '--energy', 'gff', '--L', '8', '--param', 'd=1', '--param', 'm2=1', '--out', out, '--kernel', '4'], ['--kernel', 'chain', '--block-size']],
    ['--layout conv on a chain', () => ['train', '--energy', 'gff', '--L', '8', '--param', 'd=1', '--param', 'm2=1', '--out', out, '--layout', 'conv'], ['--layout conv', 'square 2D lattice']],
    ['--repeats with --layout conv', () => train('--layout', 'conv', '--repeats', '2'), ['--repeats does not apply to --layout conv']],
    ['--block and --depth with --layout conv', () => train('--layout', 'conv', '--block', 'linear-lu', '--depth', '2'), ['--depth, --block do not apply']],
    ['a conv kernel wider than the lattice', () => train('--layout', 'conv', '--kernel', '9'), ['--kernel', 'at most the lattice side L = 8', "'9'"]],
    ['an even conv kernel', () => train('--layout', 'conv', '--kernel', '4'), ['--kernel must be odd', "'4'"]],
    ['a hexadecimal energy parameter', () => ['train', '--energy', 'gff', '--L', '8', '--param', 'd=2', '--param', 'm2=0x10', '--out', out], ["m2 must be a number, got '0x10'"]],
    ['an odd L for exact', () => exact('7', '2'), ['--L', "'7'", 'even integer']],
    ['L = 0 for exact', () => exact('0', '2'), ['--L', "'0'"]],
    ['T = 0', () => trainAt('8', '0'), ['--T', "'0'", 'positive']],
    ['a negative T', () => exact('8', '-1'), ['--T', "'-1'", 'positive']],
    ['a non-numeric T', () => exact('8', 'hot'), ['--T', "'hot'"]],
    ['a non-numeric T for train', () => trainAt('8', '2x'), ['--T', "'2x'"]],
    ['batch = 0', () => train('--batch', '0'), ['--batch', "'0'", 'positive integer']],
    ['a negative batch', () => train('--batch', '-4'), ['--batch', "'-4'"]],
    ['a fractional batch', () => train('--batch', '2.5'), ['--batch', "'2.5'"]],
    ['epochs = 0', () => train('--epochs', '0'), ['--epochs', "'0'", 'positive integer']],
    ['negative epochs', () => train('--epochs', '-10'), ['--epochs', "'-10'"]],
    ['an unknown energy', () => train('--energy', 'potts'), ['--energy', "'potts'", 'ising']],
    ['an unknown energy for exact', () => exact('8', '2', '--energy', 'xy'), ["'xy'", 'ising']],
    ['an unknown backend', () => train('--backend', 'cuda'), ['--backend', "'cuda'", 'wasm, cpu']],
    ['a missing --L', () => ['train', '--T', '2', '--out', out], ['--L is required']],
    ['a missing --out', () => ['train', '--L', '8', '--T', '2'], ['--out is required']],
    ['a bad hidden list', () => train('--hidden', '16,,16'), ['--hidden', "'16,,16'"]],
    ['a depth above log2 L', () => train('--depth', '4'), ['--depth', "'4'", 'log2 L = 3']],
    ['an unknown layout', () => train('--layout', 'tree'), ['--layout', "'tree'", 'mera']],
    ['a zero learning rate', () => train('--lr', '0'), ['--lr', "'0'"]],
    ['an unknown schedule', () => train('--schedule', 'step'), ['--schedule', "'step'", 'cosine']],
    ['--out with --resume', () => ['train', '--resume', root, '--out', out], ['--out', '--resume']],
  ];

  it.each(usageCases)('rejects %s with exit code 2 and one line', async (_, args, fragments) => {
    const result = await runCli(args());

    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expectOneErrorLine(result.stderr, ...fragments);
  });

  it('reports a missing checkpoint on --resume with exit code 1', async () => {
    const result = await runCli(['train', '--resume', root]);

    expect(result.code).toBe(1);
    expectOneErrorLine(result.stderr, path.join(root, 'checkpoint.json'), 'does not exist');
  });

  it('reports a missing run folder on --resume with exit code 1', async () => {
    const result = await runCli(['train', '--resume', out]);

    expect(result.code).toBe(1);
    expectOneErrorLine(result.stderr, `'${out}'`, 'not a folder');
  });

  const nativeInstalled = resolvable('@tensorflow/tfjs-node');
  (nativeInstalled ? it.skip : it)('says how to install a missing tensorflow backend', async () => {
    const result = await runCli(train('--backend', 'tensorflow'));

    expect(result.code).toBe(1);
    expectOneErrorLine(result.stderr, "backend 'tensorflow'", 'npm install @tensorflow/tfjs-node');
  });
});
