import * as fs from 'fs';
import * as path from 'path';
import { runCli, temporaryFolder, TINY_RUN } from '../testing/run-cli';

/** One tiny real run, trained once for every test of this file (about a second on the cpu backend). */
let trained: string;

beforeAll(async () => {
  trained = path.join(temporaryFolder(), 'tiny');
  const result = await runCli([
    'train',
    ...TINY_RUN,
    '--epochs',
    '6',
    '--out',
    trained,
    '--no-progress',
  ]);
  expect(result.code).toBe(0);
});

/** A copy of the trained run, so that each test may change its files. */
function copyRun(): string {
  const copy = path.join(temporaryFolder(), 'run');
  fs.cpSync(trained, copy, { recursive: true });
  return copy;
}

const plots = (html: string) => [...html.matchAll(/data-plot="([^"]+)"/g)].map((m) => m[1]);

describe('neuralrg report', () => {
  it('writes RUN/report.html with the training plots and prints its path', async () => {
    const run = copyRun();
    const result = await runCli(['report', run]);

    expect(result).toEqual({ code: 0, stdout: `${path.join(run, 'report.html')}\n`, stderr: '' });
    const html = fs.readFileSync(path.join(run, 'report.html'), 'utf8');
    expect(plots(html)).toEqual(['loss', 'gap', 'samples', 'renormalised-fields']);
    expect(html).not.toContain('http-equiv="refresh"');
    expect(html).toMatch(/<td>this report<\/td><td>cpu<\/td><td>v\d+/);
    expect(fs.readdirSync(run).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('writes to --out and warns about a malformed input without failing', async () => {
    const run = copyRun();
    fs.writeFileSync(path.join(run, 'estimates.json'), '{"freeEnergy": ');
    const out = path.join(temporaryFolder(), 'nested', 'page.html');
    const result = await runCli(['report', run, '--out', out]);

    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`${out}\n`);
    expect(result.stderr).toMatch(/^neuralrg: warning: estimates\.json: is not valid JSON: .+\n$/);
    expect(fs.readFileSync(out, 'utf8')).toContain('Problems (1)');
  });

  it('leaves the flow alone with --no-flow, and warns about a corrupt checkpoint', async () => {
    const run = copyRun();
    const skipped = await runCli(['report', run, '--no-flow']);
    expect(skipped.code).toBe(0);
    expect(plots(fs.readFileSync(path.join(run, 'report.html'), 'utf8'))).toEqual([
      'loss',
      'gap',
      'samples',
    ]);

    fs.writeFileSync(path.join(run, 'checkpoint.json'), '{"format": "neuralrg-checkpoint"');
    const corrupt = await runCli(['report', run]);
    expect(corrupt.code).toBe(0);
    expect(corrupt.stderr).toMatch(
      /^neuralrg: warning: checkpoint\.json: the flow could not be loaded for the renormalised variables: .+\n$/,
    );
  });

  it('refuses a folder that is not a run, and bad flags', async () => {
    const empty = temporaryFolder();
    expect(await runCli(['report', empty])).toMatchObject({
      code: 1,
      stderr: `neuralrg: error: ${empty} is not a run folder: it has no config.json (neuralrg train writes one)\n`,
    });
    expect(await runCli(['report', path.join(empty, 'nope')])).toMatchObject({
      code: 1,
      stderr: `neuralrg: error: run folder ${path.join(empty, 'nope')} does not exist\n`,
    });
    expect((await runCli(['report', copyRun(), '--out', empty])).code).toBe(2);
    const interval = await runCli(['report', copyRun(), '--interval', '1']);
    expect(interval).toMatchObject({
      code: 2,
      stderr: 'neuralrg: error: --interval is only used with --watch\n',
    });
    expect((await runCli(['report', copyRun(), '--watch', '--interval', '0'])).stderr).toBe(
      "neuralrg: error: --interval must be a positive number, got '0'\n",
    );
  });

  it('with --watch, rewrites the page when the run changes and stops cleanly on Ctrl-C', async () => {
    const run = copyRun();
    const page = path.join(run, 'report.html');
    const metrics = path.join(run, 'metrics.jsonl');
    const lines = fs.readFileSync(metrics, 'utf8').trim().split('\n');
    fs.writeFileSync(metrics, `${lines.slice(0, 3).join('\n')}\n`);
    const seen: string[] = [];

    const result = await runCli(['report', run, '--watch', '--interval', '0.05'], {
      onStderr(text, interrupt) {
        if (text.startsWith('neuralrg: watching')) {
          seen.push(fs.readFileSync(page, 'utf8'));
          fs.appendFileSync(metrics, `${lines.slice(3).join('\n')}\n`);
        }
        if (text.startsWith('neuralrg: report updated')) {
          seen.push(fs.readFileSync(page, 'utf8'));
          interrupt();
        }
      },
    });

    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`${page}\n`);
    expect(result.stderr).toContain('neuralrg: report updated (6 steps)\n');
    expect(seen).toHaveLength(2);
    expect(seen[0]).toContain('<meta http-equiv="refresh" content="2">');
    expect(seen[0]).toContain('step 3 of 6');
    expect(seen[1]).toContain('step 6 of 6');
    const final = fs.readFileSync(page, 'utf8');
    expect(final).not.toContain('http-equiv="refresh"');
    expect(final).toContain('step 6 of 6');
  });
});
