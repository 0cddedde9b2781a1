import type { SlugStyle } from './slugStyle';
import { countingSuffixes } from './suffixes';

/**
 * Hexo's heading ids with its default renderer, hexo-renderer-marked 7 (lib/renderer.js `heading`):
 * `slugize(stripHTML(unescapeHTML(html)).trim(), { transform: modifyAnchors })` with hexo-util's slugize
 * (lib/slugize.ts), and the nth repeat of an id gets `-n`. With the default `modifyAnchors: 0` the case is
 * kept. slugize maps Latin letters with diacritics to plain ones, drops control characters, turns every
 * run of whitespace and ASCII punctuation into one `-` and trims `-` at both ends; anything else stays, so
 * Chinese, full-width `：` and `，` and emoji are kept. The text has been through marked with Hexo's default
 * `smartypants: true` (the renderer's own inlineText tokenizer): `---`/`--` are dashes, `...` an ellipsis,
 * straight quotes curly ones, and slugize keeps all of those: `Don't` becomes `Don’t`.
 *
 * Hand-written rather than depending on hexo-util: its install runs a build script (which fails here) and
 * pulls in highlight.js, prismjs and htmlparser2, for a rule of a few lines.
 */
const CONTROL = /[\u0000-\u001f]/gu;
// Whitespace and the ASCII punctuation slugize replaces (every printable ASCII mark).
const SPECIAL = /[\s~`!@#$%^&*()\-_+=[\]{}|\\;:"'<>,.?/]+/gu;
// Latin letters that have no NFKD decomposition but that hexo-util's diacritics table maps.
const LATIN_EXTRA: Record<string, string> = { 'æ': 'ae', 'Æ': 'AE', 'œ': 'oe', 'Œ': 'OE', 'ø': 'o', 'Ø': 'O', 'ß': 's', 'đ': 'd', 'Đ': 'D', 'ł': 'l', 'Ł': 'L', 'ı': 'i' };

/** hexo-util's escapeDiacritic: Latin letters (accented, full-width, circled) to their ASCII base. */
function plainLatin(text: string): string {
  return text.replace(/[^\u0000-\u007e]/gu, (ch) => {
    if (LATIN_EXTRA[ch]) return LATIN_EXTRA[ch];
    const base = ch.normalize('NFKD').replace(/\p{M}/gu, '');
    return /^[A-Za-z]{1,2}$/.test(base) ? base : ch;
  });
}

/** SmartyPants as hexo-renderer-marked applies it (here to the whole text, there to each text run). */
function smartPunctuation(text: string): string {
  return text
    .replace(/---/g, '\u2014')
    .replace(/--/g, '\u2013')
    .replace(/(^|[-\u2014/([{"\s])'/g, '$1\u2018')
    .replace(/'/g, '\u2019')
    .replace(/(^|[-\u2014/([{\u2018\s])"/g, '$1\u201c')
    .replace(/"/g, '\u201d')
    .replace(/\.{3}/g, '\u2026');
}

export function hexoAnchor(text: string): string {
  return plainLatin(smartPunctuation(text).trim())
    .replace(CONTROL, '')
    .replace(SPECIAL, '-')
    .replace(/^-+|-+$/g, '');
}

export const hexoSlugStyle: SlugStyle = {
  id: 'hexo',
  label: 'Hexo',
  description: 'Hexo (hexo-renderer-marked + hexo-util slugize): case kept, ASCII punctuation and spaces to "-", full-width "：" kept.',
  create() {
    const dedupe = countingSuffixes();
    return { slug: (text) => dedupe(hexoAnchor(text)) };
  },
};
