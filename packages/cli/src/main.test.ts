import * as fs from 'fs';
import * as path from 'path';
import { runCli } from './testing/run-cli';

describe('main', () => {
  it.each([
    [['--help'], 'Usage: neuralrg [options] [command]'],
    [['train', '--help'], 'Usage: neuralrg train [options]'],
    [['exact', '--help'], 'Usage: neuralrg exact [options]'],
    [['help', 'train'], '--checkpoint-every <n>'],
  ])('prints help for %j on stdout with exit code 0', async (args, expected) => {
    const result = await runCli(args);

    expect(result.code).toBe(0);
    expect(result.stdout).toContain(expected);
    expect(result.stderr).toBe('');
  });

  it('prints the package version', async () => {
    const file = path.join(__dirname, '..', 'package.json');
    const packageJson = JSON.parse(fs.readFileSync(file, 'utf8'));

    const result = await runCli(['--version']);

    expect(result).toEqual({ code: 0, stdout: `${packageJson.version}\n`, stderr: '' });
  });

  it('shows the help on stderr and exits with 2 when no command is given', async () => {
    const result = await runCli([]);

    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('Commands:');
  });
});
