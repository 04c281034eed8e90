import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { chromium } from 'playwright-core';
import type { BrowserContext, Page } from 'playwright-core';

/** Debian's chromium; never a browser downloaded by a tool. */
export const CHROMIUM = '/usr/bin/chromium';

/** Flags for headless Chromium in a container, with nothing that phones home. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const INSTALL_HINT =
  `Chromium is not installed at ${CHROMIUM}: install Debian's package as root with ` +
  '`apt-get update && apt-get install -y --no-install-recommends chromium` ' +
  '(.ci/run does this), or set NEURALRG_SKIP_BROWSER=1 to skip the browser test';

/** What a page did while it was open. */
export interface PageLog {
  consoleErrors: string[];
  /** Every request other than the report file itself (none expected). */
  requests: string[];
  dialogs: string[];
}

/** An open report in headless Chromium. */
export interface OpenReport {
  page: Page;
  log: PageLog;
  close(): Promise<void>;
}

/**
 * Opens an HTML file in headless Chromium with a new empty profile. Every
 * request other than the file itself is recorded and aborted, so that a
 * page reaching for the network fails the test instead of touching it.
 */
export async function openReport(
  file: string,
  viewport = { width: 1280, height: 900 },
): Promise<OpenReport> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'neuralrg-chromium-'));
  const context: BrowserContext = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport,
    offline: true,
  });
  const url = pathToFileURL(file).href;
  const log: PageLog = { consoleErrors: [], requests: [], dialogs: [] };
  await context.route('**/*', async (route) => {
    if (route.request().url() === url) return route.continue();
    log.requests.push(route.request().url());
    return route.abort();
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('console', (message) => {
    if (message.type() === 'error') log.consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => log.consoleErrors.push(error.message));
  page.on('dialog', (dialog) => {
    log.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('request', (request) => {
    if (request.url() !== url && !request.url().startsWith('data:'))
      log.requests.push(request.url());
  });
  await page.goto(url, { waitUntil: 'load' });
  return {
    page,
    log,
    close: async () => {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** What the browser measured of one figure. */
export interface RenderedPlot {
  plot: string;
  svgs: { width: number; height: number; drawn: number }[];
  images: { naturalWidth: number; naturalHeight: number; complete: boolean }[];
}

/**
 * For each figure of the page: the on-screen size of each SVG and the
 * number of its drawing elements (path, rect, line, text, polyline,
 * circle) with a non-empty box, and the decoded size of each image.
 */
export async function measurePlots(page: Page): Promise<RenderedPlot[]> {
  return page.$$eval('figure.plot', (figures) =>
    figures.map((figure) => ({
      plot: figure.getAttribute('data-plot') ?? '',
      svgs: Array.from(figure.querySelectorAll('svg')).map((svg) => {
        const box = svg.getBoundingClientRect();
        const shapes = Array.from(
          svg.querySelectorAll('path, rect, line, text, polyline, circle'),
        ) as SVGGraphicsElement[];
        const drawn = shapes.filter((shape) => {
          const b = shape.getBBox();
          return b.width > 0 || b.height > 0;
        }).length;
        return { width: box.width, height: box.height, drawn };
      }),
      images: Array.from(figure.querySelectorAll('img')).map((image) => ({
        naturalWidth: image.naturalWidth,
        naturalHeight: image.naturalHeight,
        complete: image.complete,
      })),
    })),
  );
}
