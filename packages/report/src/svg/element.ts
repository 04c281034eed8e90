import { escapeHtml } from '../html/escape';

/** Attribute values of an element; undefined ones are left out. */
export type Attributes = Record<string, string | number | undefined>;

/**
 * A number as SVG writes it: at most 2 decimals (a hundredth of a pixel is
 * far below what a screen shows) and no "-0".
 */
export function svgNumber(value: number): string {
  if (!Number.isFinite(value)) {
    throw new RangeError(`an SVG coordinate must be finite, got ${value}`);
  }
  const rounded = Math.round(value * 100) / 100;
  return String(rounded === 0 ? 0 : rounded);
}

function attributeText(attributes: Attributes): string {
  let text = '';
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined) continue;
    const written = typeof value === 'number' ? svgNumber(value) : escapeHtml(value);
    text += ` ${name}="${written}"`;
  }
  return text;
}

/**
 * One SVG (or HTML) element as markup. Attribute values are escaped;
 * `children` is markup already built by this module (use {@link text} for
 * plain text).
 */
export function element(
  name: string,
  attributes: Attributes = {},
  children: string | string[] = '',
): string {
  const inner = Array.isArray(children) ? children.join('') : children;
  return `<${name}${attributeText(attributes)}>${inner}</${name}>`;
}

/** Plain text as element content, escaped. */
export function text(value: string): string {
  return escapeHtml(value);
}
