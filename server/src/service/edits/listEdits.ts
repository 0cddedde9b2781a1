import type { ListItemFact } from '../model/facts';
import type { OffsetEdit } from '../rules/rule';

/**
 * Minimal edits that turn a Markdown list (TOC, reference list) into a new sequence of items: kept
 * items stay where they are (only their number may change), new items are inserted as whole lines next
 * to their neighbours, removed items lose their lines. Fixes built this way touch only the lines they
 * name, so an editor's own text and formatting around the list survive. Hand-written: remark can
 * stringify a list, but it would reformat every line of it.
 */
export type PlannedItem = { keep: ListItemFact } | { body: string };

export interface ListShape {
  ordered: boolean;
  /** `.`/`)` for ordered lists, `-`/`*`/`+` for bullets. */
  marker: string;
  /** The number of the first item of an ordered list. */
  start: number;
  /** Whitespace before each item's marker. */
  indent: string;
  /** A blank line between items (a loose list). */
  loose: boolean;
}

/** The line break the document uses. */
export function eolOf(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

/** The shape of an existing list, from its items. */
export function shapeOf(text: string, items: readonly ListItemFact[], ordered: boolean, marker: string, start = 1): ListShape {
  const first = items[0];
  const lineStart = first ? text.lastIndexOf('\n', first.start - 1) + 1 : 0;
  const indent = first ? text.slice(lineStart, first.markerStart).replace(/\S/g, ' ') : '';
  const loose = items.some((it, i) => i > 0 && /\n[ \t]*\r?\n/.test(text.slice(items[i - 1].end, it.start)));
  return { ordered, marker, start, indent, loose };
}

export function markerFor(shape: ListShape, position: number): string {
  return shape.ordered ? `${shape.start + position}${shape.marker}` : shape.marker;
}

/** The full lines of an item, with the line break after it: what deleting the item removes. */
export function itemLines(text: string, item: ListItemFact): { start: number; end: number } {
  const start = text.lastIndexOf('\n', item.start - 1) + 1;
  let end = text.indexOf('\n', item.end);
  end = end < 0 ? text.length : end + 1;
  return { start, end };
}

/**
 * Edits from `items` (the list as it is, in order) to `plan` (kept items in their existing order, new
 * bodies anywhere). Items of `items` missing from `plan` are deleted. Ordered lists are renumbered
 * from `shape.start`.
 */
export function planListEdits(text: string, items: readonly ListItemFact[], plan: readonly PlannedItem[], shape: ListShape): OffsetEdit[] {
  const eol = eolOf(text);
  const gap = shape.loose ? eol + eol : eol;
  const kept = new Set(plan.flatMap((p) => ('keep' in p ? [p.keep] : [])));
  if (kept.size === 0) {
    // Nothing survives: the new items replace the old lines in one edit.
    const bodies = plan.flatMap((p) => ('body' in p ? [p.body] : []));
    if (items.length === 0) return [];
    const start = itemLines(text, items[0]).start;
    const end = itemLines(text, items[items.length - 1]).end;
    const tail = text.slice(end - eol.length, end) === eol ? eol : '';
    return [{ start, end, newText: bodies.length ? renderList(bodies, shape, eol) + tail : '' }];
  }
  const edits: OffsetEdit[] = [];
  for (const item of items) {
    if (!kept.has(item)) edits.push({ ...itemLines(text, item), newText: '' });
  }
  let pending: string[] = [];
  let previous: ListItemFact | undefined;
  plan.forEach((p, position) => {
    const marker = markerFor(shape, position);
    if ('body' in p) {
      pending.push(`${shape.indent}${marker} ${p.body}`);
      return;
    }
    const item = p.keep;
    const number = shape.start + position;
    const renumber = shape.ordered && item.number !== undefined && item.number !== number;
    if (pending.length && !previous) {
      // New items before the first kept one: one edit that writes them and the kept item's marker, so
      // the insertion and the renumbering cannot land on the same offset.
      const lineStart = text.lastIndexOf('\n', item.start - 1) + 1;
      const end = renumber ? item.markerEnd - 1 : item.markerStart;
      const lead = text.slice(lineStart, item.markerStart) + (renumber ? String(number) : '');
      edits.push({ start: lineStart, end, newText: pending.map((l) => l + gap).join('') + lead });
    } else {
      if (pending.length && previous) {
        edits.push({ start: previous.end, end: previous.end, newText: pending.map((l) => gap + l).join('') });
      }
      if (renumber) edits.push({ start: item.markerStart, end: item.markerEnd - 1, newText: String(number) });
    }
    pending = [];
    previous = item;
  });
  if (pending.length && previous) {
    edits.push({ start: previous.end, end: previous.end, newText: pending.map((l) => gap + l).join('') });
  }
  return edits.sort((a, b) => a.start - b.start || a.end - b.end);
}

/** A whole new list (when there is none to edit), as lines. */
export function renderList(bodies: readonly string[], shape: ListShape, eol: string): string {
  const gap = shape.loose ? eol + eol : eol;
  return bodies.map((b, i) => `${shape.indent}${markerFor(shape, i)} ${b}`).join(gap);
}

/**
 * Puts a new list under a heading that has none: the blank lines after the heading are replaced, so
 * the list ends up with exactly one blank line before and after it.
 */
export function listUnderHeading(text: string, headingEnd: number, list: string): { start: number; end: number; newText: string } {
  const eol = eolOf(text);
  const gap = /^\s*/.exec(text.slice(headingEnd))![0];
  const end = headingEnd + gap.length;
  return { start: headingEnd, end, newText: eol + eol + list + (end < text.length ? eol + eol : eol) };
}

/** Escapes what would end or break a link text. */
export function escapeLinkText(text: string): string {
  return text.replace(/[\\[\]]/g, (c) => '\\' + c);
}
