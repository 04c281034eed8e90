import * as fs from 'fs';
import * as path from 'path';
import { readRunFolder } from './inputs/read-run-folder';
import { renderReport } from './render-report';
import { CHROMIUM, INSTALL_HINT, measurePlots, openReport } from './testing/browser';
import {
  fixtureConfig,
  FULL_RUN_PLOTS,
  temporaryFolder,
  writeFixtureRun,
} from './testing/fixtures';

const skip = process.env.NEURALRG_SKIP_BROWSER === '1';
const present = fs.existsSync(CHROMIUM);
if (skip && !present) {
  process.stdout.write(`browser test skipped: NEURALRG_SKIP_BROWSER=1 and no ${CHROMIUM}\n`);
}
const describeBrowser = skip && !present ? describe.skip : describe;

/**
 * The attack string of the escaping check: if it reached the page as
 * markup, the script would open a dialog (caught below) even though the
 * page's Content-Security-Policy should stop it too.
 */
const ATTACK = `<script>alert(1)</script>"'`;

describeBrowser('the report in headless Chromium', () => {
  it('shows every plot rendered, with no console error and no network request', async () => {
    if (!present) throw new Error(INSTALL_HINT);
    const parent = temporaryFolder();
    const folder = writeFixtureRun(path.join(parent, 'tiny-run'), {
      config: fixtureConfig(4, { note: ATTACK }),
    });
    const file = path.join(folder, 'report.html');
    fs.writeFileSync(file, renderReport(readRunFolder(folder)));

    const report = await openReport(file);
    try {
      const plots = await measurePlots(report.page);
      expect(plots.map((p) => p.plot)).toEqual(FULL_RUN_PLOTS);
      for (const plot of plots) {
        const what = `plot ${plot.plot}`;
        expect([what, plot.svgs.length + plot.images.length]).not.toEqual([what, 0]);
        for (const svg of plot.svgs) {
          expect([what, svg.width > 0 && svg.height > 0]).toEqual([what, true]);
          // A panel with axes alone has ~30 elements; data adds more. 10 is a floor any real plot clears.
          expect([what, svg.drawn >= 10]).toEqual([what, true]);
        }
        for (const image of plot.images) {
          expect([
            what,
            image.complete && image.naturalWidth > 0 && image.naturalHeight > 0,
          ]).toEqual([what, true]);
        }
      }
      const samples = plots.find((p) => p.plot === 'samples');
      expect(samples?.images[0].naturalWidth).toBe(31);

      const text = await report.page.locator('[data-section="configuration"]').innerText();
      expect(text).toContain(ATTACK);
      expect(report.log.dialogs).toEqual([]);
      expect(report.log.consoleErrors).toEqual([]);
      expect(report.log.requests).toEqual([]);

      const shot = path.join(temporaryFolder('neuralrg-report-shot-'), 'report.png');
      await report.page.screenshot({ path: shot, fullPage: true });
      expect(fs.statSync(shot).size).toBeGreaterThan(50_000);
      process.stdout.write(`report screenshot: ${shot}\n`);
    } finally {
      await report.close();
    }
  });
});
