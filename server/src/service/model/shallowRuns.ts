/**
 * What a shallow parse (`FactDepth` 'shallow', the workspace index's) reads of inline content. The block
 * parse runs everywhere; inline content is parsed only where the index's facts live: headings (always),
 * fields (a paragraph opening with bold), and runs that may hold a link to another file, a `#` link (a TOC
 * without a heading is found by its links) or raw HTML (ids are anchors of other files' links). Summaries,
 * the bulk of an issue, are read only up to their field label. `test/unit/indexAgreement.test.ts` holds
 * the shallow and full builds to the same index entries and anchors.
 */
import type { FieldFact } from './facts';
import type { SourceMapper } from './sourcePositions';
import { findTags } from './tags';

/** Whether a run of inline content may hold a fact the index uses: a link to a file or an anchor, or raw HTML. */
export function mayHoldIndexedLink(content: string, hasReferences: boolean): boolean {
  if (content.includes('<')) return true;
  // A web link (`[x](https://…)` or a bare `https://…` autolink): papers' identities (paper-repeat).
  if (content.includes('://')) return true;
  if (!content.includes('[')) return false;
  // A reference link's destination is its definition's; an inline one's is written here, `.md` and `#`
  // possibly escaped (`\.md`) or as entities (`&#35;`).
  return hasReferences || /[#&\\]|md/i.test(content);
}

/** `**Label**` / `__Label__` (or `**Label:**`) when the label is plain text (no markup that would change it). */
const SIMPLE_LABEL = /^(\*\*|__)([^\s*_`\\&<[\]!~](?:[^*_`\\&<[\]!~\n]*[^\s*_`\\&<[\]!~])?)\1(?=[\s:：]|$)/;
/** What may start markup whose plain text differs from its source (emphasis, code, escapes, entities, HTML, links, images, strikethrough). */
const MARKUP_START = /^\s*[*_`\\&<[!~]/;

/**
 * The field a paragraph is, read from its source without an inline parse when that gives what the parse
 * would: a plain label, a colon, and tags (if any) in a value with nothing the parse would skip them in
 * (code, links, images, raw HTML: inlineFacts.ts reads tags from the source outside those, so with none of
 * them the tags are the source's). 'parse': read it from the parsed content instead. The value is its
 * source, not its plain text (the index does not read it). `source`: the text `mapper` maps into.
 */
export function simpleField(content: string, mapper: SourceMapper, source: string): FieldFact | 'none' | 'parse' {
  const simple = content.match(SIMPLE_LABEL);
  if (!simple) return 'parse';
  const rest = content.slice(simple[0].length);
  if (/^\s*[\\&<]/.test(rest)) return 'parse';
  const colonInLabel = /[:：]$/.test(simple[2]);
  const afterColon = rest.match(/^\s*[:：]\s*/);
  if (!colonInLabel && !afterColon) return MARKUP_START.test(rest) ? 'parse' : 'none';
  const value = colonInLabel ? rest : rest.slice(afterColon![0].length);
  // Code, links (bracketed, `<…>` or a bare URL, found at its `:`), images and raw HTML.
  const hasTags = rest.includes('#');
  if (hasTags && /[`[<:]/.test(value)) return 'parse';
  const labelStart = mapper(0);
  const labelEnd = mapper(simple[0].length);
  const end = mapper(content.length);
  return {
    label: colonInLabel ? simple[2].slice(0, -1).trim() : simple[2],
    start: labelStart,
    end,
    labelStart,
    labelEnd,
    value: value.trim(),
    valueStart: labelEnd,
    tags: hasTags ? findTags(source.slice(labelEnd, end)).map((t) => ({ name: t.name, start: labelEnd + t.start, end: labelEnd + t.end })) : [],
  };
}
