import * as fs from 'fs';
import * as path from 'path';
import { TINY_RUN, runCli, temporaryFolder } from './testing/run-cli';

describe('bijector plugins by name', () => {
  const root = temporaryFolder();
  const out = path.join(root, 'plugin-run');

  it('trains a hierarchy of plugin blocks and records the plugin for --resume', async () => {
    const result = await runCli([
      'train', ...TINY_RUN, '--epochs', '3', '--out', out,
      '--plugin', 'neuralrg-plugin-sinh-arcsinh', '--block', 'sinh-arcsinh-realnvp',
    ]);
    expect(result.stderr).not.toMatch(/error/);
    expect(result.code).toBe(0);
    const config = JSON.parse(fs.readFileSync(path.join(out, 'config.json'), 'utf8'));
    expect(config.plugins).toEqual(['neuralrg-plugin-sinh-arcsinh']);
    expect(config.flow.block).toBe('sinh-arcsinh-realnvp');

    const resumed = await runCli(['train', '--resume', out, '--epochs', '4']);
    expect(resumed.code).toBe(0);
  });

  it('builds 4x4 blocks from --kernel 4, records it, and resumes with it', async () => {
    const run = path.join(root, 'kernel4');
    const result = await runCli(['train', ...TINY_RUN, '--epochs', '2', '--out', run, '--kernel', '4']);
    expect(result.stderr).not.toMatch(/error/);
    expect(result.code).toBe(0);
    const config = JSON.parse(fs.readFileSync(path.join(run, 'config.json'), 'utf8'));
    expect(config.flow.kernel).toBe(4);
    const resumed = await runCli(['train', '--resume', run, '--epochs', '3']);
    expect(resumed.stderr).not.toMatch(/error/);
    expect(resumed.code).toBe(0);
  });

  it('names an unknown block type and the plugin flag', async () => {
    const result = await runCli(['train', ...TINY_RUN, '--epochs', '1', '--out', path.join(root, 'x'), '--block', 'no-such-block']);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/^neuralrg: error: .*unknown bijector type 'no-such-block'.*--plugin/);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('names a plugin that cannot be found', async () => {
    const result = await runCli(['train', ...TINY_RUN, '--epochs', '1', '--out', path.join(root, 'y'), '--plugin', 'no-such-plugin-package']);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/plugin 'no-such-plugin-package' was not found/);
  });
});
