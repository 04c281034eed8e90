import { element, text } from '../svg/element';

/**
 * A figure of the page: one plot (SVG or image markup) with its caption.
 * `plot` names it in `data-plot`, which tests and readers use to find it.
 */
export function figure(plot: string, content: string, caption: string): string {
  return element('figure', { class: 'plot', 'data-plot': plot }, [
    content,
    element('figcaption', {}, text(caption)),
  ]);
}
