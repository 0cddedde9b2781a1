/** Small helpers to build one consistent set of offset edits for a document. */
import type { ListFact, ListItemFact } from '../model/facts';
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

/** The text a list item's marker should have for a number, in the list's own style (`1.` or `1)`). */
export function markerFor(list: ListFact | undefined, n: number): string {
  if (!list) return `${n}.`;
  return list.ordered ? `${n}${list.marker}` : list.marker;
}

/** Edits that renumber `items` (of an ordered list) from `first` on; unchanged numbers get no edit. */
export function renumberItems(text: string, list: ListFact | undefined, items: readonly ListItemFact[], first: number): OffsetEdit[] {
  if (!list?.ordered) return [];
  const edits: OffsetEdit[] = [];
  items.forEach((item, i) => {
    const want = first + i;
    if (item.number === want) return;
    const marker = text.slice(item.markerStart, item.markerEnd);
    const digits = marker.match(/^\d+/)?.[0] ?? '';
    edits.push({ start: item.markerStart, end: item.markerStart + digits.length, newText: String(want) });
  });
  return edits;
}

/** How far an offset in the old text moves once `edits` (non-overlapping, none spanning it) apply. */
export function shiftThrough(offset: number, edits: readonly OffsetEdit[]): number {
  let delta = 0;
  for (const e of edits) if (e.end <= offset && !(e.start === offset && e.end === offset)) delta += e.newText.length - (e.end - e.start);
  return offset + delta;
}

/** The offset where the line holding `offset` starts. */
export function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** Newlines to put before an insertion at `offset` so it starts after a blank line (or at the top). */
export function blankLineBefore(text: string, offset: number): string {
  if (offset === 0) return '';
  if (text.slice(0, offset).endsWith('\n\n')) return '';
  return text[offset - 1] === '\n' ? '\n' : '\n\n';
}
