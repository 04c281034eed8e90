import * as fs from 'fs';
import * as path from 'path';
import type { EnergyModel } from '@neuralrg/energies';
import { RunError } from './errors';
import { MetricsLog } from './metrics-log';
import { RunFolder } from './run-folder';
import { FakeTrainer } from './testing/fake-trainer';
import { runCli, temporaryFolder } from './testing/run-cli';
import { trainSession } from './train-session';

describe('trainSession', () => {
  let dir: string;

  beforeEach(() => {
    dir = temporaryFolder();
  });

  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('keeps the last good checkpoint when a step diverges and says what to do', async () => {
    const folder = new RunFolder(dir);
    const trainer = new FakeTrainer(10, 6);
    let stderr = '';
    const run = {
      folder,
      trainer: trainer.asTrainer(),
      energy: {} as EnergyModel,
      backend: 'cpu' as const,
      checkpointEvery: 4,
      metrics: MetricsLog.create(folder.file('metrics')),
    };
    const io = {
      stdout: { write: () => true },
      stderr: { write: (text: string) => (stderr += text) },
      onInterrupt: () => () => undefined,
    };

    const session = trainSession(run, io, { progress: true, startedAt: process.hrtime.bigint() });

    await expect(session).rejects.toBeInstanceOf(RunError);
    await expect(session).rejects.toThrow(/loss is not finite at step 6.*checkpoint \(step 4\)/);
    expect(JSON.parse(fs.readFileSync(folder.file('checkpoint'), 'utf8'))).toEqual({ step: 4 });
    expect(fs.existsSync(folder.file('summary'))).toBe(false);
    expect(stderr).toContain('step  5/10');
  });

  it('exits with 1 and one error line through main', async () => {
    // A learning rate this large overflows the parameters within a few steps.
    const result = await runCli([
      'train', '--L', '2', '--T', '1', '--batch', '4', '--coupling-layers', '1', '--hidden', '2',
      '--lr', '1e30', '--epochs', '5', '--backend', 'cpu', '--out', path.join(dir, 'run'),
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr.split('\n').filter((line) => line.startsWith('neuralrg: error:')))
      .toHaveLength(1);
    expect(result.stderr).toContain('training diverged: loss is not finite at step');
    expect(fs.existsSync(path.join(dir, 'run', 'checkpoint.json'))).toBe(false);
  });
});
