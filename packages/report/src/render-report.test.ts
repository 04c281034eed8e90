import * as fs from 'fs';
import * as path from 'path';
import { readRunFolder } from './inputs/read-run-folder';
import { renderReport } from './render-report';
import {
  fixtureConfig,
  FULL_RUN_PLOTS,
  temporaryFolder,
  writeFixtureRun,
} from './testing/fixtures';

const FIXED_TIME = new Date('2025-01-02T03:04:05.000Z');

function plotsOf(html: string): string[] {
  return [...html.matchAll(/data-plot="([^"]+)"/g)].map((match) => match[1]);
}

describe('renderReport', () => {
  it('draws every plot a complete run supports, with no stray undefined or NaN', () => {
    const html = renderReport(readRunFolder(writeFixtureRun(temporaryFolder())), {
      generatedAt: FIXED_TIME,
    });
    expect(plotsOf(html)).toEqual(FULL_RUN_PLOTS);
    expect(html).not.toMatch(/undefined|NaN|Infinity|\[object Object\]/);
    expect(html).toContain('2025-01-02T03:04:05.000Z');
  });

  it('is self-contained: no script, no external resource, a policy that forbids both', () => {
    const html = renderReport(readRunFolder(writeFixtureRun(temporaryFolder())));
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/(src|href)="(?!data:|#)/);
    expect(html).toContain(
      `content="default-src 'none'; img-src data:; style-src 'unsafe-inline'"`,
    );
    expect(html).toMatch(/<img src="data:image\/png;base64,iVBORw0KGgo/);
  });

  it('escapes run names, config keys and values, and problem messages', () => {
    const attack = `<script>alert(1)</script>"'&`;
    const parent = temporaryFolder();
    const folder = writeFixtureRun(path.join(parent, `run<b>"x'&`), {
      config: fixtureConfig(4, {
        note: attack,
        [`key${attack}`]: 1,
        energy: { name: attack, L: 4 },
      }),
    });
    fs.appendFileSync(path.join(folder, 'metrics.jsonl'), '<img src=x onerror=alert(2)>\n');
    const html = renderReport(readRunFolder(folder));

    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('<b>"x');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;&amp;');
    expect(html).toContain('run&lt;b&gt;&quot;x&#39;&amp;');
    expect(html).toContain('&lt;img src=x onerror=alert(2)&gt;');
    expect(html.match(/<title>[^<]*<\/title>/)?.[0]).toBe(
      '<title>neuralrg run run&lt;b&gt;&quot;x&#39;&amp;</title>',
    );
  });

  it('adds the self-reload tag only for a watched run', () => {
    const data = readRunFolder(writeFixtureRun(temporaryFolder()));
    expect(renderReport(data, { refreshSeconds: 3 })).toContain(
      '<meta http-equiv="refresh" content="3">',
    );
    expect(renderReport(data)).not.toContain('http-equiv="refresh"');
  });

  it('renders a run that has only config.json and metrics.jsonl, and names what is missing', () => {
    const folder = writeFixtureRun(temporaryFolder(), {
      omit: ['summary.json', 'samples.png', 'estimates.json', 'analysis.json', 'samplers.json'],
    });
    const html = renderReport(readRunFolder(folder));
    expect(plotsOf(html)).toEqual(['loss', 'gap']);
    expect(html).toContain('training not finished (no summary.json)');
    expect(html).toContain('<td>estimates.json</td><td>missing</td><td>neuralrg estimate RUN</td>');
    expect(html).toContain('None: every input file that exists was read in full.');
  });

  it('says so when a gap is <= 0 and is drawn clipped', () => {
    const html = renderReport(readRunFolder(writeFixtureRun(temporaryFolder())));
    const gapCaption = /data-plot="gap".*?<figcaption>(.*?)<\/figcaption>/s.exec(html)?.[1] ?? '';
    expect(gapCaption).toMatch(/\d+ batch values are &lt;= 0 .* drawn clipped/);
    expect(html).toContain('class="clipped-point"');
  });

  it('leaves the gap out, with a note, for a model without exact ln Z', () => {
    const folder = writeFixtureRun(temporaryFolder(), { omit: ['summary.json', 'estimates.json'] });
    const lines = fs.readFileSync(path.join(folder, 'metrics.jsonl'), 'utf8').trim().split('\n');
    const withoutGap = lines.map((line) => {
      const record = JSON.parse(line) as Record<string, unknown>;
      delete record.klGap;
      return JSON.stringify(record);
    });
    fs.writeFileSync(path.join(folder, 'metrics.jsonl'), `${withoutGap.join('\n')}\n`);
    const html = renderReport(readRunFolder(folder));
    expect(plotsOf(html)).not.toContain('gap');
    expect(html).toContain('No gap: the exact ln Z of this model is not known');
    expect(html).not.toContain('exact -ln Z');
  });

  it('shows a run with no steps yet', () => {
    const folder = writeFixtureRun(temporaryFolder(), { omit: ['metrics.jsonl', 'summary.json'] });
    const html = renderReport(readRunFolder(folder));
    expect(html).toContain('No training steps recorded yet');
    expect(html).toContain('no steps yet');
  });
});
