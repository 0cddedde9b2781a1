import type { SlugStyle } from './slugStyle';
import { countingSuffixes } from './suffixes';

/**
 * Jekyll with kramdown's own parser (`kramdown: input: kramdown`, the non-GFM setting), after kramdown's
 * `Converter::Base#basic_generate_id` and `#generate_id` (lib/kramdown/converter/base.rb): from the
 * heading's source text, drop everything before its first ASCII letter, keep only ASCII letters, digits,
 * spaces and `-`, spaces to `-` (runs are not collapsed), lower case; an empty id is `section`; the nth
 * repeat gets `-n`. So a Chinese heading becomes `section`, `section-1`, ….
 * (Jekyll's default GFM input uses kramdown-parser-gfm's GitHub-like ids: choose "github" for those.)
 * Hand-written: kramdown is Ruby.
 */
export function kramdownId(source: string): string {
  return source
    .replace(/^[^a-zA-Z]+/, '')
    .replace(/[^a-zA-Z0-9 -]/g, '')
    .replace(/ /g, '-')
    .toLowerCase();
}

export const jekyllSlugStyle: SlugStyle = {
  id: 'jekyll',
  label: 'Jekyll (kramdown)',
  description: 'Jekyll with kramdown input (not GFM): ASCII letters, digits and "-" only, so Chinese headings become "section", "section-1".',
  create() {
    const dedupe = countingSuffixes();
    return { slug: (text, source) => dedupe(kramdownId(source ?? text) || 'section') };
  },
};
