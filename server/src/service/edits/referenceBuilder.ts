import { linkIdentity } from '../links/paperLink';
import type { LanguagePreset } from '../config/weeklyConfig';
import type { IssueModel, Paper, ReferenceEntry, ReferenceList } from '../model/types';
import type { OffsetEdit } from '../rules/rule';
import { classifyLink } from '../authoring/links';
import { memoize, perItem, sameItems } from '../util/memo';
import { eolOf, escapeLinkText, listUnderHeading, planListEdits, renderList, shapeOf, type ListShape, type PlannedItem } from './listEdits';

/** Text compared for "starts with the paper's name": case, markup and spacing ignored. */
export const looseName = memoize((text: string): string => text.toLowerCase().replace(/[\s*_`~]+/g, ''));

/** What makes two URLs the same reference: the paper, repository or page they stand for (`abs/` = `pdf/…v2`). */
export const sameUrlKey = memoize((url: string): string => linkIdentity(url) ?? url.trim().replace(/#.*$/, '').replace(/\/+$/, ''));

/**
 * The paper a reference entry belongs to: the paper whose short name its link text starts with (the
 * longest name wins, so "DreamO" and "DreamOmni" stay apart), else the first paper whose section links to
 * the same URL.
 */
export function ownerOf(entry: ReferenceEntry, papers: readonly Paper[]): Paper | undefined {
  return ownerFinder(papers)(entry);
}

interface OwnerFinder {
  (entry: ReferenceEntry): Paper | undefined;
  /** The owner of each entry of a reference list. */
  ofEntries(entries: readonly ReferenceEntry[]): Array<Paper | undefined>;
}

function ownerFinder(papers: readonly Paper[]): OwnerFinder {
  // Of papers with the same name, the first one.
  const byName = new Map<string, Paper>();
  for (const p of papers) {
    const name = looseName(p.name);
    if (name && !byName.has(name)) byName.set(name, p);
  }
  const names = longestNameMatcher([...byName.keys()]);
  let byUrl: Map<string, Paper> | undefined; // made when an entry's text names no paper
  const byLink = (entry: Pick<ReferenceEntry, 'url'>): Paper | undefined => {
    if (!byUrl) {
      byUrl = new Map();
      for (const p of papers) {
        for (const l of p.links) {
          const key = sameUrlKey(l.url);
          if (key && !byUrl.has(key)) byUrl.set(key, p);
        }
      }
    }
    const key = sameUrlKey(entry.url);
    return key ? byUrl.get(key) : undefined;
  };
  const find = ((entry: ReferenceEntry) => {
    const named = names.match(entry.text);
    return named !== undefined ? byName.get(named) : byLink(entry);
  }) as OwnerFinder;
  find.ofEntries = (entries) => {
    const named = names.ofEntries(entries);
    return entries.map((e, i) => (named[i] !== undefined ? byName.get(named[i]!) : byLink(e)));
  };
  return find;
}

interface NameMatcher {
  match(text: string): string | undefined;
  /** The name each entry's text starts with (kept per entry object: see perItem). */
  ofEntries(entries: readonly ReferenceEntry[]): Array<string | undefined>;
}

/**
 * The longest of `names` (loose) that a text starts with (loosely). Looks up the text's prefixes of each
 * name length, longest first, so a long issue costs entries × distinct lengths, not entries × papers; and
 * the answers are kept while the names stay the same (from one keystroke to the next, they do).
 */
function longestNameMatcher(names: string[]): NameMatcher {
  const signature = names.join('\u0000');
  if (lastMatcher?.signature !== signature) {
    const known = new Set(names);
    const lengths = [...new Set(names.map((n) => n.length))].sort((a, b) => b - a);
    const match = memoize((raw: string): string | undefined => {
      const text = looseName(raw);
      for (const length of lengths) {
        if (length <= text.length && known.has(text.slice(0, length))) return text.slice(0, length);
      }
      return undefined;
    });
    lastMatcher = { signature, matcher: { match, ofEntries: perItem((entry: ReferenceEntry) => match(entry.text)) } };
  }
  return lastMatcher.matcher;
}
let lastMatcher: { signature: string; matcher: NameMatcher } | undefined;

/** The owner finder and the owner of each reference entry, made once per model (every reference rule asks). */
const findersByModel = new WeakMap<IssueModel, OwnerFinder>();
const ownersByModel = new WeakMap<IssueModel, Array<Paper | undefined>>();

function finderOf(model: IssueModel): OwnerFinder {
  let find = findersByModel.get(model);
  if (!find) {
    find = ownerFinder(model.papers);
    findersByModel.set(model, find);
  }
  return find;
}

export function modelOwnerOf(model: IssueModel, entry: Pick<ReferenceEntry, 'text' | 'url'>): Paper | undefined {
  return finderOf(model)(entry as ReferenceEntry);
}

export function referenceOwners(model: IssueModel): Array<Paper | undefined> {
  let owners = ownersByModel.get(model);
  if (!owners) {
    const entries = model.references?.entries ?? [];
    // A keystroke's model keeps the entries and papers it did not touch (the same objects). An owner
    // depends only on the entry and the papers' names and links: when the entries are the same and the
    // papers name and link the same (a keystroke in a summary makes its paper anew), the owners are the
    // last ones, each moved to the paper now at its place (at ×200, 3,000 entries: 5 ms a keystroke).
    owners = lastOwners && sameItems(lastOwners.entries, entries) && samePapers(lastOwners.papers, model.papers) ? remapOwners(lastOwners, model.papers) : finderOf(model).ofEntries(entries);
    ownersByModel.set(model, owners);
    lastOwners = { entries, papers: model.papers, owners };
  }
  return owners;
}
let lastOwners: { entries: readonly ReferenceEntry[]; papers: readonly Paper[]; owners: Array<Paper | undefined> } | undefined;

/** The same papers as far as owners go: each the same object, or with the same name and link URLs. */
function samePapers(a: readonly Paper[], b: readonly Paper[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x === y) continue;
    if (x.name !== y.name || x.links.length !== y.links.length) return false;
    for (let j = 0; j < x.links.length; j++) if (x.links[j].url !== y.links[j].url) return false;
  }
  return true;
}

/** The last owners with each paper replaced by the one at its place in `papers` (samePapers holds). */
function remapOwners(last: { papers: readonly Paper[]; owners: Array<Paper | undefined> }, papers: readonly Paper[]): Array<Paper | undefined> {
  if (sameItems(last.papers, papers)) return last.owners;
  const now = new Map<Paper, Paper>(last.papers.map((p, i) => [p, papers[i]]));
  return last.owners.map((o) => (o ? now.get(o) : undefined));
}


/** The shape of the reference list, or the one a new list gets (numbered, `1.`). */
export function referenceShape(model: IssueModel, refs: ReferenceList): ListShape {
  const items = refs.entries.map((e) => e.item);
  const first = refs.lists[0];
  if (!first) return { ordered: true, marker: '.', start: 1, indent: '', loose: false };
  return shapeOf(model.text, items, first.ordered, first.marker, 1);
}

export type ReferenceKind = keyof LanguagePreset['referenceKinds'];

/**
 * Where a stub's link points until the editor pastes the real one. An empty `()` would be reported by
 * ref-bad-url forever, so `lint --fix` could never finish clean; a search for the paper on the site the
 * link should point to is a valid link that also helps the editor find the real one. The stub's text
 * already names the paper, so it belongs to it.
 */
export function placeholderUrl(kind: ReferenceKind | undefined, query: string): string {
  // Parentheses too: encodeURIComponent keeps them, and an unbalanced one ends the link destination early
  // (a paper named "( FramePack" made a stub that was no link at all, so fix-all added stubs forever).
  const q = encodeURIComponent(query.trim())
    .replace(/%20/g, '+')
    .replace(/[()]/g, (c) => (c === '(' ? '%28' : '%29'));
  switch (kind) {
    case 'github':
      return `https://github.com/search?q=${q}&type=repositories`;
    case 'paper':
      return `https://arxiv.org/search/?query=${q}&searchtype=all`;
    default:
      return `https://www.bing.com/search?q=${q}`;
  }
}

/** The kind of reference a link text names (项目主页 / GitHub 仓库 / 论文链接, Project Page / GitHub / Paper). */
export function kindOfText(text: string, presets: readonly LanguagePreset[]): ReferenceKind | undefined {
  const t = looseName(text);
  // GitHub first: "GitHub 仓库" should not be read as a project page.
  const kinds: ReferenceKind[] = ['github', 'paper', 'project'];
  for (const kind of kinds) {
    if (presets.some((p) => t.includes(looseName(p.referenceKinds[kind])))) return kind;
  }
  if (t.includes('github')) return 'github';
  if (t.includes('arxiv') || t.includes('paper') || t.includes('论文')) return 'paper';
  return undefined;
}

/** The kinds of reference in the order a paper's entries list them (and its stubs are written). */
export const REFERENCE_KINDS: readonly ReferenceKind[] = ['project', 'github', 'paper'];

/**
 * The kind of a reference entry of `owner`: by the link text after the paper's name (so that a paper
 * named "PaperBench" is not read as a paper link), else by its URL (github.com, arXiv…, see classifyLink).
 */
export function kindOfEntry(entry: Pick<ReferenceEntry, 'text' | 'url'>, owner: Paper | undefined, preset: LanguagePreset): ReferenceKind | undefined {
  const text = looseName(entry.text);
  const name = owner ? looseName(owner.name) : '';
  const rest = name && text.startsWith(name) ? text.slice(name.length) : text;
  return kindOfText(rest, [preset]) ?? classifyLink(entry.url);
}

/** The stub entries of a paper: project page, GitHub and paper links (or the given kinds), in the issue's language. */
export function stubBodies(paper: Paper, preset: LanguagePreset, kinds: readonly ReferenceKind[] = REFERENCE_KINDS): string[] {
  return kinds.map((kind) => {
    const label = preset.referenceKinds[kind];
    const name = paper.name.replace(/\s+/g, ' ');
    return `[${escapeLinkText(name)} ${label}](${placeholderUrl(kind, name)})`;
  });
}

/**
 * The edits that add stubs for `missing` papers, each at its place: after the entries of the nearest
 * earlier paper that has some, else before those of the nearest later one, else at the end; the list is
 * renumbered. When the issue has a reference heading but no list, a new list goes under the heading.
 */
export function addStubEdits(
  model: IssueModel,
  missing: readonly Paper[],
  preset: LanguagePreset,
  kindsOf: (paper: Paper) => readonly ReferenceKind[] = () => REFERENCE_KINDS,
): OffsetEdit[] {
  const refs = model.references;
  if (missing.length === 0) return [];
  const eol = eolOf(model.text);
  if (!refs) {
    // No reference section at all: one goes at the end of the issue, under the preset's heading.
    const bodies = model.papers.filter((p) => missing.includes(p)).flatMap((p) => stubBodies(p, preset, kindsOf(p)));
    const shape: ListShape = { ordered: true, marker: '.', start: 1, indent: '', loose: false };
    const end = model.text.length;
    const lead = model.text.length === 0 || model.text.endsWith('\n') ? eol : eol + eol;
    return [{ start: end, end, newText: `${lead}## ${preset.references[0]}${eol}${eol}${renderList(bodies, shape, eol)}${eol}` }];
  }
  const shape = referenceShape(model, refs);
  if (refs.entries.length === 0) {
    const bodies = model.papers.filter((p) => missing.includes(p)).flatMap((p) => stubBodies(p, preset, kindsOf(p)));
    return [listUnderHeading(model.text, refs.heading.end, renderList(bodies, shape, eol))];
  }
  const owners = referenceOwners(model);
  const after = new Map<number, string[]>();
  const before = new Map<number, string[]>();
  const push = (map: Map<number, string[]>, at: number, bodies: string[]) => map.set(at, [...(map.get(at) ?? []), ...bodies]);
  const ordered = model.papers.filter((p) => missing.includes(p));
  const paperIndex = owners.map((o) => (o ? model.papers.indexOf(o) : -1));
  for (const paper of ordered) {
    const index = model.papers.indexOf(paper);
    const own = paperIndex.flatMap((k, i) => (k === index ? [i] : []));
    if (own.length > 0) {
      // A paper with entries gets the missing kinds among them: before its first entry of a later kind
      // (project, GitHub, paper), else after its last entry.
      const rank = (kind: ReferenceKind | undefined) => (kind ? REFERENCE_KINDS.indexOf(kind) : REFERENCE_KINDS.length);
      for (const kind of kindsOf(paper)) {
        const body = stubBodies(paper, preset, [kind]);
        const next = own.find((i) => rank(kindOfEntry(refs.entries[i], paper, preset)) > rank(kind));
        if (next !== undefined) push(before, next, body);
        else push(after, own[own.length - 1], body);
      }
      continue;
    }
    const bodies = stubBodies(paper, preset, kindsOf(paper));
    // After the last entry of an earlier paper that comes before any later paper's entries (a stray
    // entry further down, such as a duplicate, does not drag the stubs to the end), else before the
    // first entry of a later paper, else at the end.
    const firstLater = paperIndex.findIndex((k) => k > index);
    const limit = firstLater < 0 ? paperIndex.length : firstLater;
    let last = -1;
    for (let i = 0; i < limit; i++) if (paperIndex[i] >= 0 && paperIndex[i] < index) last = i;
    if (last >= 0) push(after, last, bodies);
    else if (firstLater >= 0) push(before, firstLater, bodies);
    else push(after, refs.entries.length - 1, bodies);
  }
  const plan: PlannedItem[] = [];
  refs.entries.forEach((entry, i) => {
    for (const body of before.get(i) ?? []) plan.push({ body });
    plan.push({ keep: entry.item });
    for (const body of after.get(i) ?? []) plan.push({ body });
  });
  return planListEdits(model.text, refs.entries.map((e) => e.item), plan, shape);
}

/** Renumbers the reference list 1..N, dropping the given entries. */
export function renumberEdits(model: IssueModel, drop: readonly ReferenceEntry[] = []): OffsetEdit[] {
  const refs = model.references;
  if (!refs) return [];
  const plan: PlannedItem[] = refs.entries.filter((e) => !drop.includes(e)).map((e) => ({ keep: e.item }));
  return planListEdits(model.text, refs.entries.map((e) => e.item), plan, referenceShape(model, refs));
}
