import type { LanguagePreset, IssueLanguage } from '../config/weeklyConfig';
import type { SlugStyle } from '../slug';
import { LineIndex } from '../util/lineIndex';
import type { FieldFact, HeadingFact, HtmlIdFact, LinkFact, ListFact } from './facts';
import { presetNames } from './presetNames';
import { findPapers, type PaperReuse } from './papers';
import { hasIssueShape, issueShapeOf } from './issueShape';
import { collectDocumentFacts, type FactsState, type MovedFacts } from './documentFacts';
import type { SectionCache } from './sectionCache';
import { LazySlugs, ShallowHeading } from './lazySlugs';
import type { Heading, IssueModel, Link, ReferenceEntry, ReferenceList, Toc } from './types';
import { sameItems } from '../util/memo';

export interface ModelOptions {
  slugStyle: SlugStyle;
  presets: Record<IssueLanguage, LanguagePreset>;
  cache: SectionCache;
  /**
   * The model of this document's previous version, when there is one: the build starts from what that
   * build left (sections, slugs, headings and links that did not change). It must not be used after.
   */
  previous?: IssueModel;
}

/** What a build leaves for the next build of the same document (kept beside the model, not in it). */
interface BuildState {
  facts: FactsState;
  slugStyle: string;
  headingTexts: string[];
  headingSources: string[];
  slugs: string[];
  papers: PaperReuse;
  references?: ReferenceList;
  anchors: Map<string, Heading | HtmlIdFact>;
  anchorSources: { headings: Heading[]; htmlIds: HtmlIdFact[] };
}
const buildStates = new WeakMap<IssueModel, BuildState>();

/** How many sections a model's build parsed (the section cache keeps those of the documents in use). */
export function sectionCountOf(model: IssueModel): number {
  return buildStates.get(model)?.facts.pieces.length ?? 0;
}

/** Builds the model of one Markdown text: parsed section by section (cached), then assembled. */
export function buildIssueModel(text: string, options: ModelOptions): IssueModel {
  const previous = options.previous ? buildStates.get(options.previous) : undefined;
  // A build moves the previous build's facts in place, so a state serves one build only (say a build
  // threw half-way: the next one must not start from facts it may have moved).
  if (previous) buildStates.delete(options.previous!);
  const { facts, sections, state: factsState, lines: parsedLines, change } = collectDocumentFacts(text, options.cache, previous?.facts);
  // A text parsed whole (a shallow build) has its line starts from the parse already; a new version's
  // come from the previous version's and the change.
  const lines = parsedLines ?? (previous && change ? LineIndex.afterChange(options.previous!.lines, text, change) : new LineIndex(text));
  const shallow = options.cache.depth === 'shallow';
  const headingTexts = facts.headings.map((h) => h.text);
  // The source too: goldmark (Hugo) and kramdown (Jekyll) slug the heading as written, markup and all.
  const headingSources = facts.headings.map((h) => text.slice(h.contentStart, h.contentEnd));
  // A shallow model slugs its headings when a slug is first read (lazySlugs.ts).
  const lazySlugs = shallow ? new LazySlugs(options.slugStyle, headingTexts, headingSources) : undefined;
  const slugs = lazySlugs
    ? []
    : previous && previous.slugStyle === options.slugStyle.id && sameItems(previous.headingTexts, headingTexts) && sameItems(previous.headingSources, headingSources)
      ? previous.slugs // a slug depends on every heading before it (duplicates are numbered): reused only when none changed
      : slugsOf(options.slugStyle, headingTexts, headingSources);
  // CommonMark: when a label is defined twice, the first definition wins.
  const definitionUrls = new Map<string, string>();
  for (const d of facts.definitions) if (!definitionUrls.has(d.identifier)) definitionUrls.set(d.identifier, d.url);
  const { headings, links } = deriveHeadingsAndLinks(sections, slugs, definitionUrls, previous?.anchorSources.headings, lazySlugs);
  // The same headings and ids (the same objects, so the same slugs) give the same anchors: kept, not rebuilt.
  // A shallow model's are made when first read (below).
  const anchors = lazySlugs
    ? new Map<string, Heading | HtmlIdFact>()
    : previous && sameItems(previous.anchorSources.headings, headings) && sameItems(previous.anchorSources.htmlIds, facts.htmlIds)
      ? previous.anchors
      : anchorsOf(headings, facts.htmlIds);

  const names = presetNames(options.presets);
  const tocHeading = headings.find((h) => names.toc(h.text));
  const refHeading = findLast(headings, (h) => names.references(h.text));
  const toc = findToc(headings, facts.lists, links, tocHeading);
  if (toc) for (const entry of toc.entries) entry.link.inToc = true;
  const references = refHeading ? findReferences(headings, facts.lists, links, refHeading, previous?.references) : undefined;
  const language = detectLanguage(tocHeading, refHeading, facts.fields);
  const summaryHeading = headings.find((h) => h.level === 2 && names.summary(h.text));
  const frontMatterChoice = facts.frontMatter?.match(/^weekly:\s*(true|false)\s*$/m)?.[1];
  const frontMatterWeekly = frontMatterChoice === 'true';
  const frontMatterDate = facts.frontMatter?.match(/^date:\s*["']?(\d{4}-\d{2}-\d{2})/m)?.[1];
  const { papers, reuse: paperReuse } = findPapers(text, headings, links, facts.fields, toc, references, names, language, previous?.papers, !shallow);
  const shape = issueShapeOf(text, !!tocHeading, !!refHeading, papers, frontMatterChoice);

  const model: IssueModel = {
    text,
    depth: options.cache.depth,
    lines,
    language,
    looksLikeIssue: frontMatterChoice ? frontMatterWeekly : hasIssueShape(shape),
    issueShape: shape,
    frontMatterWeekly,
    frontMatterDate,
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
    unrenderedEmphasis: facts.unrenderedEmphasis,
    plainRuns: facts.plainRuns,
    toc,
    summaryHeading,
    papers,
    references,
    anchors,
  };
  if (lazySlugs) {
    let made: Map<string, Heading | HtmlIdFact> | undefined;
    Object.defineProperty(model, 'anchors', { enumerable: true, get: () => (made ??= anchorsOf(headings, facts.htmlIds)) });
  }
  // A model built on a cache that keeps nothing is of a file read once (the index's): no next build starts
  // from it; nor from a shallow one (ModelCache builds them afresh).
  if (options.cache.keeps && !lazySlugs) buildStates.set(model, { facts: factsState, slugStyle: options.slugStyle.id, headingTexts, headingSources, slugs, papers: paperReuse, references, anchors, anchorSources: { headings, htmlIds: facts.htmlIds } });
  return model;
}

/**
 * The model's headings (with index and slug) and links (with index, resolved URL and fragment), section by
 * section: a section whose facts, place and inputs did not change keeps the objects of the previous build
 * (on a keystroke in a long issue, nearly all of them). A kept link's `inToc` is cleared for this build's TOC.
 */
function deriveHeadingsAndLinks(
  sections: MovedFacts[],
  slugs: string[],
  definitionUrls: Map<string, string>,
  previousHeadings: readonly Heading[] | undefined,
  lazySlugs?: LazySlugs,
): { headings: Heading[]; links: Link[] } {
  const headings: Heading[] = [];
  const links: Link[] = [];
  let definitions = '';
  for (const [k, v] of definitionUrls) definitions += k + '\u0000' + v + '\u0000';
  for (const section of sections) {
    const f = section.facts;
    const headingBase = headings.length;
    let d = section.derived;
    if (lazySlugs) {
      // A shallow model: built afresh, no previous build's objects to keep.
      for (let i = 0; i < f.headings.length; i++) headings.push(new ShallowHeading(f.headings[i], headingBase + i, lazySlugs));
      for (let i = 0; i < f.links.length; i++) links.push(derivedLink(f.links[i], section.linkBase + i, definitionUrls));
      continue;
    }
    if (d && d.headingBase === headingBase && d.definitions === definitions && d.headings.every((h, i) => h.slug === slugs[headingBase + i])) {
      for (const l of d.links) l.inToc = false;
    } else {
      d = {
        headingBase,
        definitions,
        headings: f.headings.map((h, i) => {
          // A section typed in keeps its heading: the previous build's heading of that index, when it is the same
          // heading at the same place (then the anchors, and what is made from them, are kept too). No other
          // section holds that index now, so the object is not used twice.
          const old = previousHeadings?.[headingBase + i];
          if (old && sameHeading(old, h) && old.index === headingBase + i && old.slug === slugs[headingBase + i]) return old;
          // Literals, not spreads: see moveFacts.
          return {
            level: h.level,
            text: h.text,
            start: h.start,
            end: h.end,
            contentStart: h.contentStart,
            contentEnd: h.contentEnd,
            setext: h.setext,
            index: headingBase + i,
            slug: slugs[headingBase + i],
          };
        }),
        links: f.links.map((l, i) => derivedLink(l, section.linkBase + i, definitionUrls)),
      };
      section.derived = d;
    }
    for (const h of d.headings) headings.push(h);
    for (const l of d.links) links.push(l);
  }
  return { headings, links };
}

function derivedLink(l: LinkFact, index: number, definitionUrls: Map<string, string>): Link {
  // A reference resolves through the document's definitions (a section may have been parsed with stand-ins).
  const url = l.label !== undefined && l.kind !== 'inline' ? definitionUrls.get(l.label) ?? l.url : l.url;
  // Every key in one order (see movedLink): one shape for all links.
  return {
    kind: l.kind,
    url,
    text: l.text,
    start: l.start,
    end: l.end,
    textStart: l.textStart,
    textEnd: l.textEnd,
    destStart: l.destStart,
    destEnd: l.destEnd,
    label: l.label,
    index,
    fragment: fragmentOf(url),
    inToc: false,
  };
}

function slugsOf(style: SlugStyle, texts: string[], sources: string[]): string[] {
  const slugger = style.create();
  return texts.map((t, i) => slugger.slug(t, sources[i]));
}

function sameHeading(a: HeadingFact, b: HeadingFact): boolean {
  return a.level === b.level && a.text === b.text && a.start === b.start && a.end === b.end && a.contentStart === b.contentStart && a.contentEnd === b.contentEnd && a.setext === b.setext;
}

function anchorsOf(headings: Heading[], htmlIds: HtmlIdFact[]): Map<string, Heading | HtmlIdFact> {
  const anchors = new Map<string, Heading | HtmlIdFact>();
  for (const h of headings) if (!anchors.has(h.slug)) anchors.set(h.slug, h);
  for (const id of htmlIds) if (!anchors.has(id.id)) anchors.set(id.id, id);
  return anchors;
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

function findReferences(headings: Heading[], lists: ListFact[], links: Link[], heading: Heading, previous?: ReferenceList): ReferenceList {
  const top = listsUnder(heading, headings, lists);
  const entries = top.flatMap((l) => l.items).map((item, i): ReferenceEntry => {
    const link = item.firstLink !== undefined ? links[item.firstLink] : undefined;
    // The previous build's entry, when it is made of the same (moved in place) objects: thousands on a keystroke.
    const old = previous?.entries[i];
    if (old && old.item === item && old.link === link && old.number === item.number && old.url === (link?.url ?? '')) return old;
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

export { paperName } from './papers';
