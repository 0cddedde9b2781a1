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
  const first = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  // The first section starts after a byte-order mark (not text: GitHub drops it), so the BOM is never
  // parsed; the section's offsets shift by its start, as every section's do.
  return scan(text, first, first, first, () => false).spans;
}

/** What changed between two versions of a text: [start, oldEnd) of the old became [start, newEnd) of the new. */
export interface TextChange {
  start: number;
  oldEnd: number;
  newEnd: number;
}

/**
 * The sections of `text`, an edit of the text that `previous` split, re-reading only around the change
 * (a keystroke in a long issue should not re-read a megabyte). `reused[i]` is the index in `previous` of
 * a section with the same text, or -1. Sound because at a split the scanner's state is always the same
 * (no fence or HTML block open, a blank line before): scanning again from the last split before the
 * change gives what a full scan gives, and once it splits past the change where the old scan split too,
 * the rest is the old split moved by the change's length. A property test holds it to splitSections.
 */
export function resplitSections(text: string, previous: readonly SectionSpan[], change: TextChange): { spans: SectionSpan[]; reused: number[] } {
  const first = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  // The last split strictly before the change (its heading line may be the edited one: it is read again).
  let k = previous.length - 1;
  while (k > 0 && previous[k].start >= change.start) k--;
  if (k === 0 || previous[k].start <= first) {
    const spans = splitSections(text);
    return { spans, reused: spans.map(() => -1) };
  }
  const delta = change.newEnd - change.oldEnd;
  const head = previous.slice(0, k - 1);
  let tailFrom = -1;
  let j = k + 1; // old splits at or after the change, searched in order as the new scan moves on
  const { spans: middle } = scan(text, previous[k].start, previous[k - 1].start, first, (at) => {
    if (at < change.newEnd) return false;
    while (j < previous.length && previous[j].start + delta < at) j++;
    if (j < previous.length && previous[j].start + delta === at && previous[j].start >= change.oldEnd) {
      tailFrom = j;
      return true;
    }
    return false;
  });
  const spans = [...head, ...middle];
  const reused = head.map((_, i) => i);
  for (const _ of middle) reused.push(-1);
  // The section just before the resumed scan ends where it did: its text did not change.
  if (middle.length > 0 && middle[0].start === previous[k - 1].start && middle[0].end === previous[k - 1].end) reused[head.length] = k - 1;
  if (tailFrom >= 0) {
    for (let i = tailFrom; i < previous.length; i++) {
      spans.push({ start: previous[i].start + delta, end: previous[i].end + delta });
      reused.push(i);
    }
  }
  return { spans, reused };
}

/**
 * Scans lines from `pos` (a line start where no block is open and the line before is blank, or the
 * text's first position) and splits at headings. `stop(at)` is asked at every split; when it says yes,
 * the scan ends there and the caller continues with spans it already knows from `at` on.
 */
function scan(text: string, pos: number, sectionStart: number, first: number, stop: (at: number) => boolean): { spans: SectionSpan[] } {
  const spans: SectionSpan[] = [];
  let fence: string | undefined;
  let closeMarker: string | undefined; // end of an HTML comment, raw block or front matter
  let previousBlank = true;
  // Without a CR, a line ends at the next LF: found by indexOf, not a character at a time.
  const lfOnly = !text.includes('\r', pos);
  while (pos < text.length) {
    let eol: number;
    if (lfOnly) {
      eol = text.indexOf('\n', pos);
      if (eol < 0) eol = text.length;
    } else {
      eol = pos;
      while (eol < text.length && text.charCodeAt(eol) !== 10 && text.charCodeAt(eol) !== 13) eol++;
    }
    let next = eol;
    if (text.charCodeAt(next) === 13) next++;
    if (text.charCodeAt(next) === 10) next++;
    if (closeMarker === undefined && fence === undefined && pos !== first && !mayOpenBlock(text, pos, eol)) {
      // Most lines (prose, list items, tables) open nothing the scan tracks: only whether they are blank matters.
      previousBlank = isBlank(text, pos, eol);
      pos = next;
      continue;
    }
    const line = text.slice(pos, eol);

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
          if (stop(pos)) return { spans };
        }
      }
    }
    previousBlank = line.trim() === '';
    pos = next;
  }
  spans.push({ start: sectionStart, end: text.length });
  return { spans };
}

/**
 * Whether the line at [pos, eol) may open what the scan tracks or split at: a fence (`` ` `` or `~`), an
 * HTML block (`<`) after at most three spaces, or a heading (`#`) at column 0.
 */
function mayOpenBlock(text: string, pos: number, eol: number): boolean {
  let at = pos;
  while (at < eol && at - pos < 3 && text.charCodeAt(at) === 32) at++;
  const c = text.charCodeAt(at);
  return c === 96 /* ` */ || c === 126 /* ~ */ || c === 60 /* < */ || (c === 35 /* # */ && at === pos);
}

/** `text.slice(pos, eol).trim() === ''`, without the slice for the usual line that starts with a letter. */
function isBlank(text: string, pos: number, eol: number): boolean {
  for (let i = pos; i < eol; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9) continue;
    if (c < 128 && (c < 9 || c > 13)) return false;
    return text.slice(i, eol).trim() === '';
  }
  return true;
}

/** The end marker of an HTML block of types 2-5 that this line opens and does not close, if any. */
function openHtmlBlock(line: string): string | undefined {
  for (const [opener, end] of HTML_BLOCKS) {
    const m = line.match(opener);
    if (m) return line.slice(m[0].length).includes(end) ? undefined : end;
  }
  return undefined;
}
