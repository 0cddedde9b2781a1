/**
 * "New Paper Entry": one set of edits that adds a paper in the three places an issue names it, the `##`
 * section, its TOC entry and its reference entries, each at the matching position, renumbering what
 * follows. Pure: computed from the model; the server, the CLI and tests apply the edits.
 */
import type { WeeklyConfig } from '../config/weeklyConfig';
import type { Translate } from '../util/l10n';
import type { ListItemFact } from '../model/facts';
import { isValidTagName } from '../model/tags';
import { encodeFragment } from '../rules/brokenAnchors';
import { listUnderHeading, planListEdits, renderList, escapeLinkText, type ListShape, type PlannedItem } from '../edits/listEdits';
import { referenceShape } from '../edits/referenceBuilder';
import { tocBody, tocShape, topEntries } from '../edits/tocBuilder';
import type { IssueModel } from '../model/types';
import type { OffsetEdit } from '../rules/rule';
import { blankLineBefore, mergeEdits } from './edits';
import { destination, paperSection, referenceLines, referencesHeadingLine, tocHeadingLine } from './entryText';
import { placeLinks, type PaperLinks } from './links';
import { M } from './messages';
import { insertionIndex, ownerOfReference, endsWithSeparator } from './placement';

export interface NewPaperEntryInput {
  name: string;
  title?: string;
  summary?: string;
  /** The summary is a lookup's abstract: marked as a draft (summary-draft) until the editor rewrites it. */
  summaryDraft?: boolean;
  /** The figure's URL (a project page's og:image); absent: an empty image for the editor to fill. */
  image?: string;
  tags?: string[];
  /** Links by slot; `urls` are sorted into the slots by what they look like (arXiv → paper, …). */
  links?: PaperLinks;
  urls?: string[];
  /** The cursor's offset: the section goes there when the cursor is between two papers. */
  cursor?: number;
}

export type AuthoringResult =
  | { ok: true; edits: OffsetEdit[]; selection?: { start: number; end: number } }
  | { ok: false; message: string };

/** Stands for the new heading's slug until the heading has been parsed where it will stand. */
const SLUG_PLACEHOLDER = '\u0000';

interface Planned extends OffsetEdit {
  order: number;
}

export function newPaperEntry(
  model: IssueModel,
  config: WeeklyConfig,
  input: NewPaperEntryInput,
  reparse: (text: string) => IssueModel,
  t: Translate,
): AuthoringResult {
  const checked = checkInput(input, t);
  if ('message' in checked) return { ok: false, message: checked.message };
  const { name, title, summary, tags, links } = checked;
  const image = input.image && /^https?:\/\/\S+$/i.test(input.image.trim()) ? input.image.trim() : undefined;
  const { text, papers } = model;
  const norm = (s: string) => s.trim().toLowerCase();
  if (papers.some((p) => norm(p.name) === norm(name))) return { ok: false, message: t(M['authoring.duplicatePaper'], { name }) };

  const preset = config.presets[model.language];
  const planned: Planned[] = [];
  const plan = (start: number, end: number, newText: string) => {
    const e = { start, end, newText, order: planned.length };
    planned.push(e);
    return e;
  };

  const k = insertionIndex(model, input.cursor);
  const refs = model.references;
  const pos = papers.length === 0 ? (refs && refs.heading.start >= (model.toc?.end ?? 0) ? refs.heading.start : text.length) : k < papers.length ? papers[k].start : papers[papers.length - 1].end;
  const section = paperSection(model.language, preset, { name, title, summary, tags, image, summaryDraft: input.summaryDraft && !!summary }, endsWithSeparator(text, pos));
  const newTocLink = `[${escapeLinkText(headingLine(section.text))}](#${SLUG_PLACEHOLDER})`;

  // The TOC entry, before the entry of the paper that will follow the new one; the list renumbered.
  const toc = model.toc;
  let tocCreatedAtPos = false;
  if (toc && toc.entries.length > 0) {
    const top = topEntries(model);
    const at = indexOrEnd(top.findIndex((t) => (t.target ? papers.findIndex((p) => p.heading === t.target) : -1) >= k), top.length);
    for (const e of insertIntoList(text, top.map((t) => t.entry.item), at, [newTocLink], tocShape(model))) plan(e.start, e.end, e.newText);
  } else if (toc?.heading) {
    const e = listUnderHeading(text, toc.heading.end, renderList([newTocLink], tocShape(model), '\n'));
    plan(e.start, e.end, e.newText);
  } else {
    // No TOC at all: one listing every paper, the new one at its place, before the first paper.
    const where = papers.length ? papers[0].start : pos;
    const bodies = papers.map((p) => tocBody(p.heading));
    bodies.splice(k, 0, newTocLink);
    const sep = endsWithSeparator(text, where) ? '---\n\n' : '';
    plan(where, where, blankLineBefore(text, where) + `${tocHeadingLine(preset)}\n\n${renderList(bodies, tocShape(model), '\n')}\n\n${sep}`);
    tocCreatedAtPos = where === pos;
  }

  const sectionEdit = plan(pos, pos, (tocCreatedAtPos ? '' : blankLineBefore(text, pos)) + section.text);
  const sectionOffset = sectionEdit.newText.length - section.text.length;

  // The reference entries, before those of the paper that will follow the new one; the list renumbered.
  const bodies = referenceLines(preset, name, links).map((l) => `[${escapeLinkText(l.text)}](${destination(l.url)})`);
  if (refs && refs.entries.length > 0) {
    const at = indexOrEnd(refs.entries.findIndex((e) => (ownerOfReference(e, papers) ?? -1) >= k), refs.entries.length);
    const items = refs.entries.map((e) => e.item);
    for (const e of insertIntoList(text, items, at, bodies, referenceShape(model, refs))) plan(e.start, e.end, e.newText);
  } else if (refs) {
    if (bodies.length) {
      const e = listUnderHeading(text, refs.heading.end, renderList(bodies, referenceShape(model, refs), '\n'));
      plan(e.start, e.end, e.newText);
    }
  } else {
    const list = bodies.length ? '\n\n' + renderList(bodies, { ordered: true, marker: '.', start: 1, indent: '', loose: false }, '\n') : '';
    const before = pos === text.length ? '' : blankLineBefore(text, text.length);
    plan(text.length, text.length, before + referencesHeadingLine(preset) + list + '\n');
  }

  // Parse the result once to learn the new heading's slug where it stands (duplicates, any slug style).
  const draft = applyPlanned(text, planned);
  const headingStart = finalOffset(planned, sectionEdit, sectionOffset);
  const after = reparse(draft);
  const heading = after.headings.find((h) => h.start === headingStart);
  if (!heading) throw new Error('new paper heading not found where it was inserted');
  const inserted = planned.map((e) => ({ start: finalOffset(planned, e, 0), end: finalOffset(planned, e, e.newText.length) }));
  const others = after.headings.filter((h) => !inserted.some((r) => h.start >= r.start && h.start < r.end)).map((h) => h.slug);
  if (others.join('\n') !== model.headings.map((h) => h.slug).join('\n')) {
    return { ok: false, message: t(M['authoring.slugShift'], { heading: heading.text }) };
  }
  for (const e of planned) e.newText = e.newText.split(SLUG_PLACEHOLDER).join(encodeFragment(heading.slug));

  const start = finalOffset(planned, sectionEdit, sectionOffset + section.summaryStart);
  const end = finalOffset(planned, sectionEdit, sectionOffset + section.summaryEnd);
  return { ok: true, edits: mergeEdits(planned.map(({ start, end, newText }) => ({ start, end, newText }))), selection: { start, end } };
}

type CheckedInput = { name: string; title?: string; summary?: string; tags: string[]; links: PaperLinks };

function checkInput(input: NewPaperEntryInput, t: Translate): CheckedInput | { message: string } {
  const name = (input.name ?? '').trim();
  const title = input.title?.trim() || undefined;
  if (!name) return { message: t(M['authoring.nameRequired']) };
  for (const [field, value] of [['authoring.field.name', name], ['authoring.field.title', title ?? '']] as const) {
    if (/[\r\n]/.test(value)) return { message: t(M['authoring.oneLine'], { field: t(M[field]) }) };
  }
  // A summary is one paragraph: line breaks inside it become spaces.
  const summary = input.summary?.replace(/\s*[\r\n]+\s*/g, ' ').trim() || undefined;
  const tags: string[] = [];
  for (const raw of input.tags ?? []) {
    const tag = raw.trim().replace(/^#/, '');
    if (!tag) continue;
    if (!isValidTagName(tag)) return { message: t(M['authoring.badTag'], { tag: raw }) };
    if (!tags.includes(tag)) tags.push(tag);
  }
  const { links, rejected } = placeLinks(input.links ?? {}, input.urls ?? []);
  if (rejected.length) {
    const bad = rejected[0];
    return { message: t(/^https?:/i.test(bad) ? M['authoring.tooManyUrls'] : M['authoring.badUrl'], { url: bad }) };
  }
  return { name, title, summary, tags, links };
}

/** The new heading's content (after `## `), which is also the TOC entry's text. */
function headingLine(sectionText: string): string {
  return sectionText.slice(3, sectionText.indexOf('\n'));
}

/** Edits that insert `bodies` at `index` among a list's `items`, in the list's shape, renumbering it. */
function insertIntoList(text: string, items: readonly ListItemFact[], index: number, bodies: readonly string[], shape: ListShape): OffsetEdit[] {
  if (bodies.length === 0) return [];
  const plan: PlannedItem[] = items.map((keep) => ({ keep }));
  plan.splice(index, 0, ...bodies.map((body) => ({ body })));
  return planListEdits(text, items, plan, shape);
}

const indexOrEnd = (i: number, length: number) => (i < 0 ? length : i);

function applyPlanned(text: string, planned: Planned[]): string {
  let out = '';
  let at = 0;
  for (const e of [...planned].sort(byPosition)) {
    out += text.slice(at, e.start) + e.newText;
    at = e.end;
  }
  return out + text.slice(at);
}

/** Edits in the order they apply: by start, and insertions at one place in the order they were planned. */
function byPosition(a: Planned, b: Planned): number {
  return a.start - b.start || (a.end - a.start) - (b.end - b.start) || a.order - b.order;
}

/** Where `offset` inside `target`'s new text lands in the edited document. */
function finalOffset(planned: Planned[], target: Planned, offset: number): number {
  let delta = 0;
  for (const e of planned) if (e !== target && byPosition(e, target) < 0) delta += e.newText.length - (e.end - e.start);
  return target.start + delta + offset;
}
