import * as fs from 'fs';
import * as path from 'path';
import {
  fixtureAnalysis,
  fixtureEstimates,
  fixtureSamplers,
  temporaryFolder,
  writeFixtureRun,
} from '../testing/fixtures';
import { readRunFolder } from './read-run-folder';

function write(folder: string, file: string, content: string | Buffer): void {
  fs.writeFileSync(path.join(folder, file), content);
}

describe('readRunFolder', () => {
  it('reads every file of a complete run without problems', () => {
    const folder = writeFixtureRun(path.join(temporaryFolder(), 'run'));
    const data = readRunFolder(folder);
    expect(data.problems).toEqual([]);
    expect(data.missing).toEqual([]);
    expect(data.name).toBe('run');
    expect(data.metrics).toHaveLength(300);
    expect(data.summary?.freeEnergy?.stdErr).toBe(0.004);
    expect(data.samplesPng?.width).toBe(31);
    expect(data.estimates?.observables.map((o) => o.name)).toContain('correlation[2]');
    expect(data.samplers?.samplers.map((s) => s.sampler)).toEqual([
      'metropolis',
      'wolff',
      'flow-metropolis',
    ]);
    expect(data.samplers?.samplers[1].acceptance).toBeUndefined();
    expect(data.analysis?.pairs).toHaveLength(120);
    expect(data.analysis?.latents).toHaveLength(16);
  });

  it('lists absent files as missing, not as problems', () => {
    const folder = writeFixtureRun(temporaryFolder(), {
      omit: ['summary.json', 'samples.png', 'analysis.json'],
    });
    const data = readRunFolder(folder);
    expect(data.missing).toEqual(['summary.json', 'samples.png', 'analysis.json']);
    expect(data.problems).toEqual([]);
  });

  it('reports bad metrics lines by number and keeps the good ones', () => {
    const folder = writeFixtureRun(temporaryFolder());
    const lines = [
      '{"step":1,"freeEnergy":-10,"freeEnergyStdErr":0.1,"klGap":2}',
      'not json',
      '{"step":2,"freeEnergy":null}',
      '{"step":3,"freeEnergy":-11,"freeEnergyStdErr":"big"}',
      '{"step":3,"freeEnergy":-12}',
      '[1,2]',
      '{"step":4,"freeEnergy":-12.5}',
      '{"step":5,"freeEn',
    ];
    write(folder, 'metrics.jsonl', lines.join('\n'));
    const data = readRunFolder(folder);
    expect(data.metrics.map((p) => p.step)).toEqual([1, 3, 4]);
    expect(data.metrics[1].freeEnergyStdErr).toBeUndefined();
    const messages = data.problems.filter((p) => p.file === 'metrics.jsonl').map((p) => p.message);
    expect(messages).toEqual([
      'last line 8 has no newline yet (still being written?); left out',
      'line 2 is not valid JSON: "not json"',
      'line 3: freeEnergy must be a finite number, got null',
      'line 4: freeEnergyStdErr must be a finite number, got "big"',
      'line 5: step 3 does not follow step 3; left out',
      'line 6 must be an object, got an array of 2',
    ]);
  });

  it('reports a file that is not JSON and one of the wrong shape, and goes on', () => {
    const folder = writeFixtureRun(temporaryFolder());
    write(folder, 'summary.json', '{"freeEnergy": -1,');
    write(folder, 'estimates.json', '[]');
    const samplers = fixtureSamplers(4) as { samplers: Record<string, unknown>[] };
    samplers.samplers[0].acceptance = 'high';
    write(folder, 'samplers.json', JSON.stringify(samplers));
    const data = readRunFolder(folder);
    expect(data.summary).toBeUndefined();
    expect(data.estimates).toBeUndefined();
    expect(data.samplers?.samplers[0].acceptance).toBeUndefined();
    const byFile = (file: string) =>
      data.problems.filter((p) => p.file === file).map((p) => p.message);
    expect(byFile('summary.json')[0]).toMatch(/^is not valid JSON: /);
    expect(byFile('estimates.json')).toEqual(['the file must be an object, got an array of 0']);
    expect(byFile('samplers.json')).toEqual([
      'samplers[0].acceptance must be a finite number, got "high"',
    ]);
  });

  it('leaves out analysis arrays of the wrong length and out-of-range sites', () => {
    const folder = writeFixtureRun(temporaryFolder());
    const analysis = fixtureAnalysis(4) as {
      jacobian: { latents: { mean: number[] }[] };
      mutualInformation: { pairs: { siteA: number }[] };
    };
    analysis.jacobian.latents[0].mean = [1, 2, 3];
    analysis.mutualInformation.pairs[0].siteA = 99;
    write(folder, 'analysis.json', JSON.stringify(analysis));
    const data = readRunFolder(folder);
    expect(data.analysis?.latents).toHaveLength(15);
    expect(data.analysis?.pairs).toHaveLength(119);
    expect(data.problems.map((p) => p.message)).toEqual([
      'mutualInformation.pairs[0]: sites 99 and 1 must be integers in 0..15',
      'jacobian.latents[0].mean must hold 16 numbers, got 3',
    ]);
  });

  it('flags a file of another format or a newer version', () => {
    const folder = writeFixtureRun(temporaryFolder());
    write(
      folder,
      'estimates.json',
      JSON.stringify({ ...fixtureEstimates(4), format: 'something-else', version: 9 }),
    );
    const messages = readRunFolder(folder).problems.map((p) => p.message);
    expect(messages).toEqual([
      'format is "something-else", expected "neuralrg-estimates"; read as far as possible',
      'version 9 is newer than 1, the one this report knows; read as far as possible',
    ]);
  });

  it('rejects a PNG that is cut short or not a PNG', () => {
    const folder = writeFixtureRun(temporaryFolder());
    const png = fs.readFileSync(path.join(folder, 'samples.png'));
    write(folder, 'samples.png', png.subarray(0, png.length - 20));
    expect(readRunFolder(folder).problems).toEqual([
      { file: 'samples.png', message: 'is cut short (no IEND chunk at the end)' },
    ]);
    write(folder, 'samples.png', 'GIF89a not a png at all, but long enough to read');
    expect(readRunFolder(folder).problems[0].message).toBe('is not a PNG file (no PNG signature)');
  });

  it('caps the problems of one file and counts the rest', () => {
    const folder = writeFixtureRun(temporaryFolder());
    write(folder, 'metrics.jsonl', `${Array.from({ length: 50 }, () => 'x').join('\n')}\n`);
    const problems = readRunFolder(folder).problems;
    expect(problems).toHaveLength(21);
    expect(problems[20].message).toBe('... and 30 more problems like these');
  });

  it('throws a RangeError for a folder that does not exist', () => {
    expect(() => readRunFolder('/nonexistent/run')).toThrow(
      'run folder /nonexistent/run does not exist',
    );
  });
});
