/**
 * The facts of a whole document, from its sections' cached facts moved to document offsets. A document's
 * next version starts from what its previous version left (`FactsState`): only the sections around the
 * change are split again and looked up, and a section that did not move keeps its moved facts, so a
 * keystroke in a long issue costs about the section it touched plus copying the facts that moved.
 */
import type { DefinitionFact, HeadingFact, LinkFact, ListItemFact, SectionFacts } from './facts';
import type { SectionCache } from './sectionCache';
import { LineIndex } from '../util/lineIndex';
import type { Heading, Link } from './types';
import { resplitSections, splitSections, type SectionSpan, type TextChange } from './sections';

/** What one build leaves for the next build of the same document. */
export interface FactsState {
  text: string;
  /** The splitter's spans, before the parser's joins. */
  spans: SectionSpan[];
  /** The cached facts of each of those spans. */
  pieces: SectionFacts[];
  /** Facts at document offsets, by the section's facts object, where it starts and how many links precede it. */
  moved: Map<SectionFacts, MovedFacts[]>;
}

/** One section's facts at document offsets. */
export interface MovedFacts {
  start: number;
  linkBase: number;
  facts: SectionFacts;
  /** The model's headings and links made from these facts (issueModel.ts), reused while they still fit. */
  derived?: { headingBase: number; definitions: string; headings: Heading[]; links: Link[] };
}

export function collectDocumentFacts(
  text: string,
  cache: SectionCache,
  previous?: FactsState,
): { facts: SectionFacts; sections: MovedFacts[]; state: FactsState; lines?: LineIndex; change?: TextChange } {
  let lines: LineIndex | undefined;
  const change = previous ? changeBetween(previous.text, text) : undefined;
  let rawSpans: SectionSpan[];
  let rawPieces: SectionFacts[];
  if (previous && change) {
    const { spans, reused } = resplitSections(text, previous.spans, change);
    rawSpans = spans;
    rawPieces = spans.map((s, i) => (reused[i] >= 0 ? previous.pieces[reused[i]] : cache.get(text.slice(s.start, s.end))));
  } else if (previous && previous.text === text) {
    rawSpans = previous.spans;
    rawPieces = previous.pieces;
  } else if (!cache.keeps) {
    // Nothing is kept, so splitting would buy nothing: the text is parsed whole (after a BOM, as splitSections does).
    // The parse's line index is the model's too (unless a BOM was cut off: then it is of another string).
    const first = text.charCodeAt(0) === 0xfeff ? 1 : 0;
    rawSpans = [{ start: first, end: text.length }];
    if (first) rawPieces = [cache.get(text.slice(first))];
    else {
      lines = new LineIndex(text);
      rawPieces = [cache.parseWhole(text, lines)];
    }
  } else {
    rawSpans = splitSections(text);
    rawPieces = rawSpans.map((s) => cache.get(text.slice(s.start, s.end)));
  }
  const spans = rawSpans.slice();
  const pieces = rawPieces.slice();
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
  withDefinitions(text, spans, pieces, starts, cache);
  const moved = new Map<SectionFacts, MovedFacts[]>();
  const sections: MovedFacts[] = [];
  // A piece that no cache shares and that starts at 0 is the document's facts as they are.
  const facts = !cache.keeps && pieces.length === 1 && starts[0] === 0
    ? ownFacts(pieces[0], sections)
    : mergeFacts(pieces, starts, previous?.moved, moved, sections);
  return { facts, sections, state: { text, spans: rawSpans, pieces: rawPieces, moved }, lines, change };
}

/**
 * The one stretch where two versions differ: their common prefix and suffix cut off (the suffix no
 * longer than what the prefix leaves). Undefined when the texts are equal. Compared a block at a time
 * (string equality is a memory compare), then character by character inside the first differing block.
 */
export function changeBetween(before: string, after: string): TextChange | undefined {
  if (before === after) return undefined;
  const shorter = Math.min(before.length, after.length);
  const BLOCK = 4096;
  let start = 0;
  while (start + BLOCK <= shorter && before.slice(start, start + BLOCK) === after.slice(start, start + BLOCK)) start += BLOCK;
  while (start < shorter && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let same = 0;
  const room = shorter - start;
  while (same + BLOCK <= room && before.slice(before.length - same - BLOCK, before.length - same) === after.slice(after.length - same - BLOCK, after.length - same)) same += BLOCK;
  while (same < room && before.charCodeAt(before.length - 1 - same) === after.charCodeAt(after.length - 1 - same)) same++;
  return { start, oldEnd: before.length - same, newEnd: after.length - same };
}

/**
 * References and footnotes resolve only when their definition is parsed with them, so when the document
 * has definitions, sections that may use them are parsed again with every other section's definition
 * (stand-ins) beside them. Replaces such pieces in place and moves their start back over the context.
 */
function withDefinitions(text: string, spans: SectionSpan[], pieces: SectionFacts[], starts: number[], cache: SectionCache): void {
  if (spans.length <= 1) return;
  if (!pieces.some((p) => p.definitions.length > 0 || p.footnoteDefs.length > 0)) return;
  const stubs = pieces.map((p) => [
    ...p.definitions.map((d) => ({ key: d.identifier, stub: `[${d.label}]: x` })),
    ...p.footnoteDefs.map((d) => ({ key: '^' + d.identifier, stub: `[^${d.label}]: x` })),
  ]);
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

/** Concatenates the pieces' facts at document offsets, reusing the previous build's moved facts where they still fit. */
function mergeFacts(
  pieces: SectionFacts[],
  starts: number[],
  before: Map<SectionFacts, MovedFacts[]> | undefined,
  after: Map<SectionFacts, MovedFacts[]>,
  sections: MovedFacts[],
): SectionFacts {
  const out: SectionFacts = {
    headings: [], links: [], definitions: [], htmlIds: [], lists: [], fields: [],
    footnoteRefs: [], footnoteDefs: [], unrenderedEmphasis: [], plainRuns: [], frontMatter: pieces[0]?.frontMatter,
  };
  pieces.forEach((p, i) => {
    const start = starts[i];
    const linkBase = out.links.length;
    const m = reuse(before?.get(p), p, start, linkBase) ?? { start, linkBase, facts: moveFacts(p, start, linkBase) };
    const list = after.get(p);
    if (list) list.push(m);
    else after.set(p, [m]);
    sections.push(m);
    const f = m.facts;
    append(out.headings, f.headings);
    append(out.links, f.links);
    append(out.definitions, f.definitions);
    append(out.htmlIds, f.htmlIds);
    append(out.lists, f.lists);
    append(out.fields, f.fields);
    append(out.footnoteRefs, f.footnoteRefs);
    append(out.unrenderedEmphasis, f.unrenderedEmphasis);
    append(out.footnoteDefs, f.footnoteDefs);
    append(out.plainRuns, f.plainRuns);
  });
  return out;
}

function ownFacts(p: SectionFacts, sections: MovedFacts[]): SectionFacts {
  sections.push({ start: 0, linkBase: 0, facts: p });
  return p;
}

/**
 * The previous build's facts of this piece, if they can serve: as they are when the section did not move,
 * else moved in place by how far it moved (with the headings and links made from them), which costs no
 * allocation; only that build's model saw them, and it is superseded by this one. The piece's own
 * cached facts are never moved in place: other documents and versions share them.
 */
function reuse(candidates: MovedFacts[] | undefined, p: SectionFacts, start: number, linkBase: number): MovedFacts | undefined {
  if (!candidates) return undefined;
  let at = candidates.findIndex((x) => x.start === start && x.linkBase === linkBase);
  if (at < 0) at = candidates.findIndex((x) => x.linkBase === linkBase && x.facts !== p);
  if (at < 0) return undefined;
  const m = candidates[at];
  candidates.splice(at, 1); // each serves one section of this build
  if (m.start !== start) moveInPlace(m, start - m.start);
  return m;
}

function moveInPlace(m: MovedFacts, d: number): void {
  m.start += d;
  const f = m.facts;
  for (const h of f.headings) moveHeading(h, d);
  for (const l of f.links) moveLink(l, d);
  for (const x of f.definitions) {
    x.start += d;
    x.end += d;
    if (x.destStart !== undefined) x.destStart += d;
    if (x.destEnd !== undefined) x.destEnd += d;
  }
  for (const x of f.htmlIds) moveSpan(x, d);
  for (const list of f.lists) {
    moveSpan(list, d);
    for (const it of list.items) {
      moveSpan(it, d);
      it.firstLineEnd += d;
      it.markerStart += d;
      it.markerEnd += d;
    }
  }
  for (const x of f.fields) {
    moveSpan(x, d);
    x.labelStart += d;
    x.labelEnd += d;
    x.valueStart += d;
    for (const t of x.tags) moveSpan(t, d);
  }
  for (const x of f.footnoteRefs) moveSpan(x, d);
  for (const x of f.unrenderedEmphasis) {
    moveSpan(x, d);
    x.openEnd += d;
    x.closeStart += d;
  }
  for (const x of f.footnoteDefs) moveSpan(x, d);
  for (const r of f.plainRuns) r.start += d;
  if (m.derived) {
    for (const h of m.derived.headings) moveHeading(h, d);
    for (const l of m.derived.links) moveLink(l, d);
  }
}

function moveSpan(x: { start: number; end: number }, d: number): void {
  x.start += d;
  x.end += d;
}

function moveHeading(h: HeadingFact, d: number): void {
  h.start += d;
  h.end += d;
  h.contentStart += d;
  h.contentEnd += d;
}

function moveLink(l: LinkFact, d: number): void {
  l.start += d;
  l.end += d;
  if (l.textStart !== undefined) l.textStart += d;
  if (l.textEnd !== undefined) l.textEnd += d;
  if (l.destStart !== undefined) l.destStart += d;
  if (l.destEnd !== undefined) l.destEnd += d;
}

function append<T>(to: T[], items: readonly T[]): void {
  for (let i = 0; i < items.length; i++) to.push(items[i]);
}

/** One piece's facts moved by `d`, its list items' first links counted from `linkBase`. Always new objects: cached pieces are shared, and these may be moved in place later. */
function moveFacts(p: SectionFacts, d: number, linkBase: number): SectionFacts {
  // Object literals, not spreads: V8 gives objects cloned by spread and then extended a map of their own
  // (a thousand headings, a thousand maps), which makes every later loop over them megamorphic.
  return {
    headings: p.headings.map((h) => ({
      level: h.level,
      text: h.text,
      start: h.start + d,
      end: h.end + d,
      contentStart: h.contentStart + d,
      contentEnd: h.contentEnd + d,
      setext: h.setext,
    })),
    links: p.links.map((l) => movedLink(l, d)),
    definitions: p.definitions.map((x) => {
      const moved: DefinitionFact = { label: x.label, identifier: x.identifier, url: x.url, start: x.start + d, end: x.end + d };
      if (x.destStart !== undefined) moved.destStart = x.destStart + d;
      if (x.destEnd !== undefined) moved.destEnd = x.destEnd + d;
      return moved;
    }),
    htmlIds: p.htmlIds.map((x) => ({ id: x.id, start: x.start + d, end: x.end + d })),
    lists: p.lists.map((list) => ({
      ordered: list.ordered,
      marker: list.marker,
      start: list.start + d,
      end: list.end + d,
      depth: list.depth,
      items: list.items.map((it) => movedItem(it, d, linkBase)),
    })),
    fields: p.fields.map((f) => ({
      label: f.label,
      start: f.start + d,
      end: f.end + d,
      labelStart: f.labelStart + d,
      labelEnd: f.labelEnd + d,
      value: f.value,
      valueStart: f.valueStart + d,
      tags: f.tags.map((t) => ({ name: t.name, start: t.start + d, end: t.end + d })),
    })),
    footnoteRefs: p.footnoteRefs.map((x) => ({ identifier: x.identifier, label: x.label, start: x.start + d, end: x.end + d })),
    footnoteDefs: p.footnoteDefs.map((x) => ({ identifier: x.identifier, label: x.label, start: x.start + d, end: x.end + d })),
    unrenderedEmphasis: p.unrenderedEmphasis.map((x) => ({ marker: x.marker, start: x.start + d, openEnd: x.openEnd + d, closeStart: x.closeStart + d, end: x.end + d })),
    plainRuns: p.plainRuns.map((r) => ({ value: r.value, start: r.start + d })),
    frontMatter: p.frontMatter,
  };
}

/** A list item moved (every key present, as the parser gives them). */
function movedItem(it: ListItemFact, d: number, linkBase: number): ListItemFact {
  return {
    start: it.start + d,
    end: it.end + d,
    firstLineEnd: it.firstLineEnd + d,
    number: it.number,
    markerStart: it.markerStart + d,
    markerEnd: it.markerEnd + d,
    firstLink: it.firstLink === undefined ? undefined : it.firstLink + linkBase,
    text: it.text,
    depth: it.depth,
  };
}

/**
 * A link fact at document offsets, every key present and in one order: links come in several kinds with
 * different optional keys, and objects of one shape keep the loops over thousands of them (moving them on
 * each keystroke, the rules) fast.
 */
function movedLink(l: LinkFact, d: number): LinkFact {
  return {
    kind: l.kind,
    url: l.url,
    text: l.text,
    start: l.start + d,
    end: l.end + d,
    textStart: l.textStart === undefined ? undefined : l.textStart + d,
    textEnd: l.textEnd === undefined ? undefined : l.textEnd + d,
    destStart: l.destStart === undefined ? undefined : l.destStart + d,
    destEnd: l.destEnd === undefined ? undefined : l.destEnd + d,
    label: l.label,
  };
}
