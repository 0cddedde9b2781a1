/**
 * Splits a document into sections at ATX heading lines, so that each section can be parsed (and its
 * parse cached) on its own. Hand-written because no Markdown library splits without parsing everything,
 * which is the cost this avoids. The split is conservative: only at a heading line that follows a blank
 * line (so no open paragraph, HTML block or table can continue across it), never inside front matter,
 * a fenced code block or a multi-line HTML comment / raw block. The parse of a section then equals the
 * parse of that stretch of the whole document; a property test checks it against whole-document parses.
 */

export interface SectionSpan {
  start: number;
  end: number;
}

// Only at column 0: an indented `#` line after a blank line may still belong to a list item
// (`1. item`, blank, `   # heading`), which a split would cut in two.
const ATX_HEADING = /^#{1,6}(?:[ \t]|$)/;
const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})/;
const FENCE_CLOSE = /^ {0,3}(`{3,}|~{3,})[ \t]*$/;
const RAW_BLOCK_OPEN = /^ {0,3}<(script|pre|style|textarea)(?:[\s>]|$)/i;
// The other HTML blocks that blank lines do not end (CommonMark types 2-5), with what ends each.
const HTML_BLOCKS: ReadonlyArray<[RegExp, string]> = [
  [/^ {0,3}<!--/, '-->'],
  [/^ {0,3}<\?/, '?>'],
  [/^ {0,3}<!\[CDATA\[/, ']]>'],
  [/^ {0,3}<![A-Za-z]/, '>'],
];

export function splitSections(text: string): SectionSpan[] {
  const spans: SectionSpan[] = [];
  let fence: string | undefined;
  let closeMarker: string | undefined; // end of an HTML comment, raw block or front matter
  let previousBlank = true;
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const first = pos;
  // The first section starts after a byte-order mark: micromark drops a leading BOM, so its offsets
  // would be one short of the text's; parsed without it, the section's offsets shift back exactly.
  let sectionStart = first;
  while (pos < text.length) {
    let eol = pos;
    while (eol < text.length && text.charCodeAt(eol) !== 10 && text.charCodeAt(eol) !== 13) eol++;
    const line = text.slice(pos, eol);
    let next = eol;
    if (text.charCodeAt(next) === 13) next++;
    if (text.charCodeAt(next) === 10) next++;

    if (closeMarker !== undefined) {
      if (closeMarker === 'front matter' ? /^(---|\.\.\.)\s*$/.test(line) : line.toLowerCase().includes(closeMarker)) {
        closeMarker = undefined;
      }
    } else if (fence !== undefined) {
      const close = line.match(FENCE_CLOSE);
      if (close && close[1][0] === fence[0] && close[1].length >= fence.length) fence = undefined;
    } else if (pos === first && /^---\s*$/.test(line)) {
      closeMarker = 'front matter';
    } else {
      const open = line.match(FENCE_OPEN);
      if (open && !(open[1][0] === '`' && line.slice(line.indexOf(open[1]) + open[1].length).includes('`'))) {
        fence = open[1];
      } else if ((closeMarker = openHtmlBlock(line)) !== undefined) {
        // inside an HTML block until its end marker
      } else {
        const raw = line.match(RAW_BLOCK_OPEN);
        if (raw && !line.toLowerCase().includes(`</${raw[1].toLowerCase()}>`)) closeMarker = `</${raw[1].toLowerCase()}>`;
        else if (previousBlank && pos > first && ATX_HEADING.test(line)) {
          spans.push({ start: sectionStart, end: pos });
          sectionStart = pos;
        }
      }
    }
    previousBlank = line.trim() === '';
    pos = next;
  }
  spans.push({ start: sectionStart, end: text.length });
  return spans;
}

/** The end marker of an HTML block of types 2-5 that this line opens and does not close, if any. */
function openHtmlBlock(line: string): string | undefined {
  for (const [opener, end] of HTML_BLOCKS) {
    const m = line.match(opener);
    if (m) return line.slice(m[0].length).includes(end) ? undefined : end;
  }
  return undefined;
}
