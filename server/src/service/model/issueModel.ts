import type { LanguagePreset, IssueLanguage } from '../config';
import { matchesAny } from '../config';
import type { SlugStyle } from '../slug';
import { LineIndex } from '../util/lineIndex';
import type { FieldFact, HtmlIdFact, ListFact, SectionFacts } from './facts';
import { SectionCache } from './sectionCache';
import { splitSections } from './sections';
import type { Heading, IssueModel, Link, Paper, ReferenceList, Toc } from './types';

export interface ModelOptions {
  slugStyle: SlugStyle;
  presets: Record<IssueLanguage, LanguagePreset>;
  cache: SectionCache;
}

/** Builds the model of one Markdown text: parsed section by section (cached), then assembled. */
export function buildIssueModel(text: string, options: ModelOptions): IssueModel {
  const facts = collectFacts(text, options.cache);
  const lines = new LineIndex(text);
  const slugger = options.slugStyle.create();
  // The source too: goldmark (Hugo) and kramdown (Jekyll) slug the heading as written, markup and all.
  const headings: Heading[] = facts.headings.map((h, index) => ({ ...h, index, slug: slugger.slug(h.text, text.slice(h.contentStart, h.contentEnd)) }));
  const anchors = new Map<string, Heading | HtmlIdFact>();
  for (const h of headings) if (!anchors.has(h.slug)) anchors.set(h.slug, h);
  for (const id of facts.htmlIds) if (!anchors.has(id.id)) anchors.set(id.id, id);

  // CommonMark: when a label is defined twice, the first definition wins.
  const definitionUrls = new Map<string, string>();
  for (const d of facts.definitions) if (!definitionUrls.has(d.identifier)) definitionUrls.set(d.identifier, d.url);
  const links: Link[] = facts.links.map((l, index) => {
    // A reference resolves through the document's definitions (a section may have been parsed with stand-ins).
    const url = l.label !== undefined && l.kind !== 'inline' ? definitionUrls.get(l.label) ?? l.url : l.url;
    return { ...l, url, index, fragment: fragmentOf(url), inToc: false };
  });

  const presets = [options.presets.zh, options.presets.en];
  // Each list made once per build: matchesAny normalizes a list once per array it is given.
  const tocNames = presets.flatMap((p) => p.toc);
  const referenceNames = presets.flatMap((p) => p.references);
  const summaryNames = presets.flatMap((p) => p.summary);
  const tocHeading = headings.find((h) => matchesAny(h.text, tocNames));
  const refHeading = findLast(headings, (h) => matchesAny(h.text, referenceNames));
  const toc = findToc(headings, facts.lists, links, tocHeading);
  if (toc) for (const entry of toc.entries) entry.link.inToc = true;
  const references = refHeading ? findReferences(headings, facts.lists, links, refHeading) : undefined;
  const language = detectLanguage(tocHeading, refHeading, facts.fields);
  const preset = options.presets[language];
  const summaryHeading = headings.find((h) => h.level === 2 && matchesAny(h.text, summaryNames));
  const frontMatterWeekly = !!facts.frontMatter && /^weekly:\s*true\s*$/m.test(facts.frontMatter);
  const papers = findPapers(text, headings, links, facts.fields, toc, references, preset, presets);

  return {
    text,
    lines,
    language,
    looksLikeIssue: (!!tocHeading && !!refHeading) || frontMatterWeekly,
    frontMatterWeekly,
    slugStyle: options.slugStyle.id,
    title: headings.find((h) => h.level === 1),
    headings,
    links,
    definitions: facts.definitions,
    htmlIds: facts.htmlIds,
    lists: facts.lists,
    fields: facts.fields,
    footnoteRefs: facts.footnoteRefs,
    footnoteDefs: facts.footnoteDefs,
    plainRuns: facts.plainRuns,
    toc,
    summaryHeading,
    papers,
    references,
    anchors,
  };
}

/** The fragment of a link into the same document: `#x`, or `./#x` (the folder's page, as GitHub shows it). */
function fragmentOf(url: string): string | undefined {
  const hash = url.startsWith('#') ? 0 : url.startsWith('./#') ? 2 : -1;
  if (hash < 0) return undefined;
  const raw = url.slice(hash + 1);
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/**
 * Parses each section through the cache and shifts its facts to document offsets. References and
 * footnotes resolve only when their definition is parsed with them, so when the document has
 * definitions, sections that may use them are parsed again with every definition appended.
 */
function collectFacts(text: string, cache: SectionCache): SectionFacts {
  const spans = splitSections(text);
  const pieces = spans.map((s) => cache.get(text.slice(s.start, s.end)));
  // The splitter reads fences and raw HTML line by line, without the parser's view of containers; the
  // parser has the last word: a section whose parse ends inside an open fence or raw HTML block goes on
  // into the next one, so it is joined to it and parsed again. Only such blocks can run past a blank line
  // and a heading at column 0 (lists, quotes, tables and other HTML blocks end there). The join doubles
  // each time, so a long block the splitter cut many times is parsed O(log n) times, not O(n).
  for (let i = 0, grow = 1; i < spans.length - 1; ) {
    if (!pieces[i].endsOpen) {
      i++;
      grow = 1;
      continue;
    }
    const last = Math.min(spans.length - 1, i + grow);
    spans.splice(i, last - i + 1, { start: spans[i].start, end: spans[last].end });
    pieces.splice(i, last - i + 1, cache.get(text.slice(spans[i].start, spans[i].end)));
    grow *= 2;
  }
  const starts = spans.map((s) => s.start);
  if (spans.length > 1) {
    const stubs = pieces.map((p) => [
      ...p.definitions.map((d) => ({ key: d.identifier, stub: `[${d.label}]: x` })),
      ...p.footnoteDefs.map((d) => ({ key: '^' + d.identifier, stub: `[^${d.label}]: x` })),
    ]);
    if (stubs.some((x) => x.length > 0)) {
      spans.forEach((s, i) => {
        const piece = text.slice(s.start, s.end);
        if (!(piece.includes('[') && piece.includes(']'))) return;
        // Stand-ins for the other sections' definitions only: a piece's own must keep their URLs.
        const own = new Set(stubs[i].map((x) => x.key));
        const others = stubs.flatMap((x, k) => (k === i ? [] : x.filter((y) => !own.has(y.key)).map((y) => y.stub)));
        if (others.length === 0) return;
        // A blank line between them: a definition cannot interrupt a paragraph, and `[^1]: x` opens one.
        const context = others.join('\n\n');
        // After the first section (it may open with front matter); before the others (the last one
        // may end inside an unclosed fence or comment, which would swallow definitions put after it).
        const before = i > 0;
        pieces[i] = cache.get(piece, context, before);
        if (before) starts[i] = s.start - (context.length + 2);
      });
    }
  }
  return mergeFacts(pieces, starts);
}

function mergeFacts(pieces: SectionFacts[], starts: number[]): SectionFacts {
  const out: SectionFacts = {
    headings: [], links: [], definitions: [], htmlIds: [], lists: [], fields: [],
    footnoteRefs: [], footnoteDefs: [], plainRuns: [], frontMatter: pieces[0]?.frontMatter,
  };
  pieces.forEach((p, i) => {
    const d = starts[i];
    const linkBase = out.links.length;
    for (const h of p.headings) out.headings.push({ ...h, start: h.start + d, end: h.end + d, contentStart: h.contentStart + d, contentEnd: h.contentEnd + d });
    for (const l of p.links) out.links.push(shift(l, d, ['start', 'end', 'textStart', 'textEnd', 'destStart', 'destEnd']));
    for (const x of p.definitions) out.definitions.push(shift(x, d, ['start', 'end', 'destStart', 'destEnd']));
    for (const x of p.htmlIds) out.htmlIds.push(shift(x, d, ['start', 'end']));
    for (const list of p.lists) {
      out.lists.push({
        ...shift(list, d, ['start', 'end']),
        items: list.items.map((it) => ({
          ...shift(it, d, ['start', 'end', 'firstLineEnd', 'markerStart', 'markerEnd']),
          firstLink: it.firstLink === undefined ? undefined : it.firstLink + linkBase,
        })),
      });
    }
    for (const f of p.fields) {
      out.fields.push({ ...shift(f, d, ['start', 'end', 'labelStart', 'labelEnd', 'valueStart']), tags: f.tags.map((t) => shift(t, d, ['start', 'end'])) });
    }
    for (const x of p.footnoteRefs) out.footnoteRefs.push(shift(x, d, ['start', 'end']));
    for (const x of p.footnoteDefs) out.footnoteDefs.push(shift(x, d, ['start', 'end']));
    for (const r of p.plainRuns) out.plainRuns.push({ value: r.value, start: r.start + d });
  });
  return out;
}

function shift<T extends object>(value: T, delta: number, keys: Array<keyof T>): T {
  if (delta === 0) return value;
  const copy = { ...value };
  for (const k of keys) {
    const v = copy[k];
    if (typeof v === 'number') (copy[k] as unknown as number) = v + delta;
  }
  return copy;
}

function findLast<T>(items: readonly T[], pred: (t: T) => boolean): T | undefined {
  for (let i = items.length - 1; i >= 0; i--) if (pred(items[i])) return items[i];
  return undefined;
}

/** Top-level lists between a heading and the next heading. */
function listsUnder(heading: Heading, headings: Heading[], lists: ListFact[]): ListFact[] {
  const next = headings[heading.index + 1];
  const end = next ? next.start : Infinity;
  return lists.filter((l) => l.depth === 0 && l.start >= heading.end && l.start < end);
}

/** Lists inside [start, end), nested ones included. */
function listsWithin(lists: ListFact[], start: number, end: number): ListFact[] {
  return lists.filter((l) => l.start >= start && l.end <= end);
}

function findToc(headings: Heading[], lists: ListFact[], links: Link[], heading?: Heading): Toc | undefined {
  let top: ListFact[] = heading ? listsUnder(heading, headings, lists) : [];
  if (!heading) {
    // No TOC heading: the lists made mostly of `#` links (a long TOC is often split by year or part).
    top = lists.filter((l) => {
      if (l.depth !== 0 || l.items.length < 2) return false;
      const anchored = l.items.filter((it) => it.firstLink !== undefined && links[it.firstLink].fragment !== undefined);
      return anchored.length * 2 > l.items.length;
    });
    if (top.length === 0) return undefined;
  }
  if (top.length === 0) return heading ? { heading, lists: [], entries: [], start: heading.end, end: heading.end } : undefined;
  const start = top[0].start;
  const end = top[top.length - 1].end;
  const all = top.flatMap((t) => listsWithin(lists, t.start, t.end));
  const entries = all
    .flatMap((l) => l.items)
    .sort((a, b) => a.start - b.start)
    .filter((it) => it.firstLink !== undefined && links[it.firstLink].fragment !== undefined)
    .map((item) => ({ item, link: links[item.firstLink!] }));
  return { heading, lists: all, entries, start, end };
}

function findReferences(headings: Heading[], lists: ListFact[], links: Link[], heading: Heading): ReferenceList {
  const top = listsUnder(heading, headings, lists);
  const entries = top.flatMap((l) => l.items).map((item) => {
    const link = item.firstLink !== undefined ? links[item.firstLink] : undefined;
    return { item, number: item.number, link, text: link?.text ?? item.text, url: link?.url ?? '' };
  });
  const start = heading.end;
  const end = top.length ? top[top.length - 1].end : heading.end;
  return { heading, lists: top, entries, start, end };
}

function detectLanguage(toc: Heading | undefined, refs: Heading | undefined, fields: FieldFact[]): IssueLanguage {
  const han = /\p{Script=Han}/u;
  if (toc && han.test(toc.text)) return 'zh';
  if (refs && han.test(refs.text)) return 'zh';
  if (!toc && !refs && fields.some((f) => han.test(f.label))) return 'zh';
  return toc || refs || fields.length ? 'en' : 'zh';
}

/** A paper's short name: its heading up to the first `：`, `: `, ` - ` or `——`. */
export function paperName(headingText: string): string {
  const m = headingText.match(/：|: | - |——/);
  return (m ? headingText.slice(0, m.index) : headingText).trim();
}

function findPapers(
  text: string,
  headings: Heading[],
  links: Link[],
  fields: FieldFact[],
  toc: Toc | undefined,
  refs: ReferenceList | undefined,
  preset: LanguagePreset,
  presets: LanguagePreset[],
): Paper[] {
  const begin = toc ? Math.max(toc.end, toc.heading?.end ?? 0) : 0;
  const stop = refs ? refs.heading.start : text.length;
  const excluded = presets.flatMap((p) => [...p.summary, ...p.toc, ...p.references]);
  const tagLabels = presets.flatMap((p) => p.tagsField);
  const summaryLabels = [...preset.summaryField, ...presets.flatMap((p) => p.summaryField)];
  const papers: Paper[] = [];
  const candidates = headings.filter((h) => h.level === 2 && h.start >= begin && h.start < stop && !matchesAny(h.text, excluded));
  const fieldsSorted = isSortedByStart(fields);
  const linksSorted = isSortedByStart(links);
  for (const h of candidates) {
    let next: Heading | undefined;
    for (let j = h.index + 1; j < headings.length && !next; j++) if (headings[j].level <= 2) next = headings[j];
    const end = Math.min(next ? next.start : text.length, stop);
    const own = startingWithin(fields, fieldsSorted, h.start, end);
    const tagsField = own.find((f) => matchesAny(f.label, tagLabels));
    const sectionLinks = startingWithin(links, linksSorted, h.start, end);
    papers.push({
      heading: h,
      name: paperName(h.text),
      start: h.start,
      end,
      fields: own,
      summary: own.find((f) => matchesAny(f.label, summaryLabels)),
      tagsField,
      tags: tagsField ? tagsField.tags : [],
      images: sectionLinks.filter((l) => l.kind === 'image'),
      links: sectionLinks.filter((l) => l.kind !== 'image'),
    });
  }
  return papers;
}

function isSortedByStart(items: readonly { start: number }[]): boolean {
  for (let i = 1; i < items.length; i++) if (items[i].start < items[i - 1].start) return false;
  return true;
}

/**
 * The items that start in [start, end), in their order. Facts come in document order, so a binary search
 * finds the run; that keeps finding every paper's links linear in a long issue instead of papers × links.
 */
function startingWithin<T extends { start: number }>(items: readonly T[], sorted: boolean, start: number, end: number): T[] {
  if (!sorted) return items.filter((x) => x.start >= start && x.start < end);
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid].start < start) lo = mid + 1;
    else hi = mid;
  }
  const out: T[] = [];
  for (let i = lo; i < items.length && items[i].start < end; i++) out.push(items[i]);
  return out;
}
