const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * Text made safe for HTML and SVG: as element content and as a quoted
 * attribute value. Every one of & < > " ' is replaced by its entity, so
 * a string from a run folder (a run name, a config value, a file name)
 * can never open a tag, close an attribute or start an entity.
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ENTITIES[character]);
}
