import type { SlugStyle } from './slugStyle';
import { firstFreeSuffixes } from './suffixes';

/**
 * Hugo's heading ids with its default `markup.goldmark.parser.autoHeadingIDType = "github"`, after
 * `sanitizeAnchorNameWithHook` and `idFactory.Generate` in Hugo's markup/goldmark/autoid.go: goldmark hands
 * over the heading's source line (yuin/goldmark parser/atx_heading.go, generateAutoHeadingID), so Markdown
 * markup is seen as characters; each `-`, space or tab becomes `-` (no collapsing, no trimming), letters
 * (any script), decimal digits and `_` are kept lower-cased, everything else (punctuation, full-width
 * punctuation, emoji, combining marks) is dropped; an empty id is `heading`; a taken id gets the first
 * free `-1`, `-2`, ….
 * Hand-written: Hugo is Go, there is no package of it for Node.
 */
export function hugoAnchor(source: string): string {
  let out = '';
  for (const ch of source) {
    if (ch === '-' || ch === ' ' || ch === '\t') out += '-';
    else if (ch === '_' || /[\p{L}\p{Nd}]/u.test(ch)) out += ch.toLowerCase();
  }
  return out || 'heading';
}

export const hugoSlugStyle: SlugStyle = {
  id: 'hugo',
  label: 'Hugo (goldmark)',
  description: 'Hugo (goldmark, autoHeadingIDType "github"): letters, digits and "_" kept lower-cased, spaces and "-" to "-", the rest dropped.',
  create() {
    const dedupe = firstFreeSuffixes();
    // goldmark reads the heading's last source line only (a setext heading may span several).
    return { slug: (text, source) => dedupe(hugoAnchor(source === undefined ? text : source.slice(source.lastIndexOf('\n') + 1))) };
  },
};
