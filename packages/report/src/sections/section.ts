import { element, text } from '../svg/element';

/** One section of the page. */
export interface Section {
  /** Anchor id, also `data-section`. */
  id: string;
  title: string;
  /** Markup of the section's body. */
  body: string;
}

/** A section as markup: a heading and the body. */
export function sectionMarkup(section: Section): string {
  return element('section', { id: section.id, 'data-section': section.id }, [
    element('h2', {}, text(section.title)),
    section.body,
  ]);
}

/** A paragraph of plain text, escaped. */
export function paragraph(content: string, className?: string): string {
  return element('p', { class: className }, text(content));
}
