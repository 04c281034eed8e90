import { element, text } from '../svg/element';
import { sectionMarkup, Section } from '../sections/section';
import { STYLE } from './style';

/** What the page frame needs besides its sections. */
export interface PageOptions {
  title: string;
  /** Lines under the title, plain text. */
  subtitle: string[];
  /** Seconds between reloads while a run is watched; no reload when undefined. */
  refreshSeconds?: number;
}

/**
 * Blocks every fetch, script, frame and font: the page only shows its own
 * markup, inline styles and data: images. A string that escaped escaping
 * still could not run or reach the network.
 */
const CONTENT_SECURITY_POLICY = "default-src 'none'; img-src data:; style-src 'unsafe-inline'";

/** The whole HTML document: head with the style, header, section links and the sections. */
export function page(options: PageOptions, sections: Section[]): string {
  const head = [
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    options.refreshSeconds === undefined
      ? ''
      : `<meta http-equiv="refresh" content="${Math.max(1, Math.round(options.refreshSeconds))}">`,
    element('title', {}, text(options.title)),
    element('style', {}, STYLE),
  ].join('\n');
  const live =
    options.refreshSeconds === undefined ? '' : element('span', { class: 'live' }, 'live');
  const header = element('header', {}, [
    element('h1', {}, text(options.title) + live),
    ...options.subtitle.map((line) => element('p', {}, text(line))),
  ]);
  const nav = element(
    'nav',
    {},
    sections.map((section) => element('a', { href: `#${section.id}` }, text(section.title))),
  );
  const main = element('main', {}, sections.map(sectionMarkup));
  return `<!DOCTYPE html>\n<html lang="en">\n<head>\n${head}\n</head>\n<body>\n${header}\n${nav}\n${main}\n</body>\n</html>\n`;
}
