/** Small helpers to build one consistent set of offset edits for a document. */
import type { OffsetEdit } from '../rules/rule';

/**
 * Sorts edits and joins those that start at the same offset (an insertion right where a renumbering
 * starts) into one edit, so the set can be sent as LSP TextEdits, which must not overlap. At equal starts an
 * insertion is applied before a replacement, which is what every caller here means.
 */
export function mergeEdits(edits: readonly OffsetEdit[]): OffsetEdit[] {
  const sorted = edits
    .map((e, i) => ({ e, i }))
    .sort((a, b) => a.e.start - b.e.start || (a.e.end - a.e.start) - (b.e.end - b.e.start) || a.i - b.i)
    .map((x) => x.e);
  const out: OffsetEdit[] = [];
  for (const e of sorted) {
    const last = out[out.length - 1];
    if (last && e.start < last.end) throw new Error(`overlapping edits at ${e.start}`);
    if (last && e.start === last.start) {
      // `last` is an insertion here (shorter ranges sort first): apply it, then `e`, as one edit.
      last.newText += e.newText;
      last.end = e.end;
      continue;
    }
    out.push({ ...e });
  }
  return out;
}

/** Newlines to put before an insertion at `offset` so it starts after a blank line (or at the top). */
export function blankLineBefore(text: string, offset: number): string {
  if (offset === 0) return '';
  if (text.slice(0, offset).endsWith('\n\n')) return '';
  return text[offset - 1] === '\n' ? '\n' : '\n\n';
}
