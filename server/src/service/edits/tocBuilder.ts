import type { Heading, IssueModel, TocEntry } from '../model/types';
import { headingNamedBy, isHeading, looseText, resolveAnchor } from '../model/anchorResolution';
import { encodeFragment } from '../rules/brokenAnchors';
import type { OffsetEdit } from '../rules/rule';
import { eolOf, escapeLinkText, listUnderHeading, planListEdits, renderList, shapeOf, type ListShape, type PlannedItem } from './listEdits';

/** A TOC line as the rebuild writes it: the heading's text, linked to its anchor. */
export function tocBody(heading: Heading): string {
  // A setext heading can span lines; a TOC line cannot.
  return `[${escapeLinkText(heading.text.replace(/\s+/g, ' '))}](#${encodeFragment(heading.slug)})`;
}

/**
 * The heading a TOC entry is meant for: where its link lands (exactly or ignoring case), or, for a
 * broken link, the heading the anchor rules suggest. Counting the suggestion keeps a renamed heading
 * from being "missing" while toc-broken-anchor already repairs its link (fixing both would add a
 * second entry).
 */
export function entryTarget(model: IssueModel, entry: TocEntry): Heading | undefined {
  const res = resolveAnchor(model, entry.link);
  if (!res) return undefined;
  if (res.kind === 'broken') {
    return res.suggestion === undefined ? undefined : model.headings.find((h) => h.slug === res.suggestion);
  }
  if (!isHeading(res.target)) return undefined;
  // A line that lands on one paper but names another is meant for the one it names (toc-text-mismatch
  // fixes its link so): counting it for the paper it lands on would add a second line for the named one.
  // A line that lands on a heading of its own text is for that heading, even when an earlier heading
  // has the same text (duplicate headings: the second's anchor gets `-1`).
  if (looseText(res.target.text) === looseText(entry.link.text)) return res.target;
  const named = headingNamedBy(model, entry.link.text);
  return named && named !== res.target ? named : res.target;
}

/** The heading each TOC entry is meant for (entryTarget), in the TOC's order; made once per model (several rules ask). */
export function tocTargets(model: IssueModel): ReadonlyArray<Heading | undefined> {
  let targets = targetsByModel.get(model);
  if (!targets) {
    targets = (model.toc?.entries ?? []).map((e) => entryTarget(model, e));
    targetsByModel.set(model, targets);
  }
  return targets;
}
const targetsByModel = new WeakMap<IssueModel, Array<Heading | undefined>>();

/** The entries of the TOC's own level (not nested sub-entries), each with the heading it is meant for. */
export function topEntries(model: IssueModel): Array<{ entry: TocEntry; target?: Heading }> {
  const toc = model.toc;
  if (!toc) return [];
  const depth = Math.min(...toc.entries.map((e) => e.item.depth));
  const targets = tocTargets(model);
  const top: Array<{ entry: TocEntry; target?: Heading }> = [];
  toc.entries.forEach((entry, i) => {
    if (entry.item.depth === depth) top.push({ entry, target: targets[i] });
  });
  return top;
}

/** The TOC list's shape; a new TOC is numbered like the sample's. */
export function tocShape(model: IssueModel): ListShape {
  const toc = model.toc;
  const first = toc?.lists.find((l) => l.depth === 0) ?? toc?.lists[0];
  if (!toc || !first) return { ordered: true, marker: '.', start: 1, indent: '', loose: false };
  const items = topEntries(model).map((t) => t.entry.item);
  // A TOC counts from 1 (or 0, when its editor starts there): a list that starts at 2 lost its first entry.
  const start = Math.min(first.items[0]?.number ?? 1, 1);
  return shapeOf(model.text, items.length ? items : first.items, first.ordered, first.marker, start);
}

/**
 * "Update table of contents": the TOC rebuilt from the sections, in their order: every paper, plus any
 * other heading the TOC already lists (an editor who lists 摘要 keeps it). The list keeps its marker,
 * numbering and indentation; entries get the heading's text.
 */
export function rebuildTocEdit(model: IssueModel): OffsetEdit | undefined {
  const toc = model.toc;
  if (!toc) return undefined;
  const listed = new Set(topEntries(model).flatMap((t) => (t.target ? [t.target] : [])));
  const papers = new Set(model.papers.map((p) => p.heading));
  const headings = model.headings.filter((h) => h.slug !== '' && (papers.has(h) || listed.has(h)));
  const eol = eolOf(model.text);
  const body = renderList(headings.map(tocBody), tocShape(model), eol);
  if (toc.lists.length === 0) {
    return listUnderHeading(model.text, toc.heading ? toc.heading.end : toc.start, body);
  }
  const edit = { start: toc.start, end: toc.end, newText: body };
  return model.text.slice(edit.start, edit.end) === body ? undefined : edit;
}

/** Inserts a TOC entry for each of `headings` at its place in section order, renumbering the list. */
export function insertTocEntries(model: IssueModel, headings: readonly Heading[]): OffsetEdit[] {
  const toc = model.toc;
  if (!toc || headings.length === 0) return [];
  const top = topEntries(model);
  if (top.length === 0) {
    const rebuilt = rebuildTocEdit(model);
    return rebuilt ? [rebuilt] : [];
  }
  const plan: PlannedItem[] = top.map((t) => ({ keep: t.entry.item }));
  const sorted = [...headings].sort((a, b) => a.start - b.start);
  for (const h of sorted) {
    // After the last entry that points to an earlier section, else before the first entry.
    let at = 0;
    plan.forEach((p, i) => {
      if (!('keep' in p)) return;
      const target = top.find((t) => t.entry.item === p.keep)?.target;
      if (target && target.start < h.start) at = i + 1;
    });
    // Headings inserted before this one come earlier in the document: keep them first.
    while (at < plan.length && 'body' in plan[at]) at++;
    plan.splice(at, 0, { body: tocBody(h) });
  }
  return planListEdits(model.text, top.map((t) => t.entry.item), plan, tocShape(model));
}

/** Moves the TOC's entries into section order: each slot gets the whole text of the entry that belongs there. */
export function reorderTocEdits(model: IssueModel): OffsetEdit[] {
  const top = topEntries(model);
  const slots = top.filter((t) => t.target);
  const wanted = [...slots].sort((a, b) => a.target!.start - b.target!.start);
  const edits: OffsetEdit[] = [];
  slots.forEach((slot, i) => {
    const source = wanted[i];
    if (source === slot) return;
    const from = source.entry.item;
    edits.push({ start: slot.entry.item.markerEnd, end: slot.entry.item.end, newText: model.text.slice(from.markerEnd, from.end) });
  });
  return edits;
}
