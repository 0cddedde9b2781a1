/**
 * Parses a piece of Markdown (CommonMark + GFM, with markdown-it) and extracts its facts: this file walks
 * the block structure (headings, lists, definitions, raw HTML, fences); inline content is read by
 * inlineFacts.ts, everywhere for a full parse and only where the index needs it for a shallow one
 * (shallowRuns.ts).
 */
import type Token from 'markdown-it/lib/token.mjs';
import type { DefinitionFact, FootnoteFact, LinkFact, ListFact, ListItemFact, SectionFacts } from './facts';
import { InlineFactReader, plainText } from './inlineFacts';
import { definitionDestination } from './linkDestinations';
import { markdownParser, normalizeLabel, parseInline, shallowMarkdownParser, type ParseEnv } from './markdownParser';
import { mayHoldIndexedLink, simpleField } from './shallowRuns';
import { LineIndex } from '../util/lineIndex';

/**
 * How much of a piece is read. 'full': every fact. 'shallow': every block fact, and of inline facts
 * those the workspace index uses (headings, fields and their tags, links to other files and anchors,
 * HTML ids); other inline facts (plain runs, footnote references, list items' text, field values' plain
 * text, most links) may be missing.
 */
export type FactDepth = 'full' | 'shallow';

/**
 * The facts of `source`. Only facts that start in [from, limit) are kept: text around it (definitions
 * added so that references resolve) was parsed but is not the piece's own. Offsets stay offsets into `source`.
 */
export function parseFacts(source: string, limit = source.length, from = 0, depth: FactDepth = 'full', sourceLines?: LineIndex): SectionFacts {
  // A BOM is not text (GitHub drops it); a space of the same length keeps every offset in place.
  const text = source.charCodeAt(0) === 0xfeff ? ' ' + source.slice(1) : source;
  const env: ParseEnv = { definitionLines: [], definitionKeys: new Set(), footnoteLines: [] };
  // The block structure only: each inline token is parsed where it is read (FactExtractor.read), with the
  // fewest inline rules that give the same tokens (markdownParser.ts parseInline).
  const tokens = shallowMarkdownParser.parse(text, env);
  // `sourceLines`: the caller's index of the same text, whose line starts the model then reuses.
  const lines = sourceLines?.text === text ? sourceLines : new LineIndex(text);
  const extractor = new FactExtractor(text, lines, env, depth === 'shallow');
  extractor.walk(tokens);
  return extractor.finish(limit, from);
}

/** Walks markdown-it's token stream once, turning it into facts with source offsets. */
class FactExtractor {
  private readonly facts: SectionFacts = {
    headings: [], links: [], definitions: [], htmlIds: [], lists: [], fields: [],
    footnoteRefs: [], footnoteDefs: [], unrenderedEmphasis: [], plainRuns: [],
  };
  private readonly inlineReader: InlineFactReader;
  private readonly listStack: ListFact[] = [];
  private readonly itemStack: ListItemFact[] = [];
  /** First link of each list item's own paragraph, resolved to an index once links are sorted. */
  private readonly firstLinks = new Map<ListItemFact, LinkFact>();
  private lastMap: [number, number] | undefined;
  private readonly hasReferences: boolean;

  constructor(private readonly text: string, private readonly lines: LineIndex, private readonly env: ParseEnv, private readonly shallow: boolean) {
    this.inlineReader = new InlineFactReader(text, lines, this.facts);
    this.hasReferences = !!env.references && Object.keys(env.references).length > 0;
  }

  walk(tokens: Token[]): void {
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i];
      if (t.map) this.lastMap = t.map as [number, number];
      switch (t.type) {
        case 'front_matter':
          if (t.map?.[0] === 0) this.facts.frontMatter = String(t.meta ?? '');
          break;
        case 'heading_open':
          this.heading(t, tokens[i + 1]);
          i++;
          break;
        case 'paragraph_open':
          this.paragraph(t, tokens[i + 1], tokens[i - 1]);
          i++;
          break;
        case 'inline': {
          const map = (t.map ?? this.lastMap) as [number, number] | undefined;
          if (this.read(t)) this.inlineReader.inline(t, map);
          break;
        }
        case 'bullet_list_open':
        case 'ordered_list_open':
          this.openList(t);
          break;
        case 'bullet_list_close':
        case 'ordered_list_close':
          this.closeList();
          break;
        case 'list_item_open':
          this.openItem(t);
          break;
        case 'list_item_close':
          this.itemStack.pop();
          break;
        case 'html_block':
          if (t.map) this.inlineReader.html(t.content, this.blockSource(t.content, t.map[0]));
          if (!rawHtmlClosed(t.content)) this.facts.endsOpen = true;
          break;
        case 'fence':
          if (t.map && !this.fenceClosed(t.map as [number, number], t.markup)) this.facts.endsOpen = true;
          break;
      }
    }
  }

  finish(limit: number, from: number): SectionFacts {
    const f = this.facts;
    for (const d of this.env.definitionLines) f.definitions.push(this.definition(d.startLine, d.endLine, d.identifier));
    for (const d of this.env.footnoteLines) {
      const start = this.firstNonSpace(d.startLine);
      f.footnoteDefs.push({ identifier: d.label.toLowerCase(), label: d.label, start, end: this.lastLineEnd(d.startLine, d.endLine) });
    }
    // Footnote bodies come last in markdown-it's stream: put every link back in document order.
    const order = new Map(f.links.map((l, i) => [l, i] as const));
    f.links.sort((a, b) => a.start - b.start || order.get(a)! - order.get(b)!);
    const index = new Map(f.links.map((l, i) => [l, i] as const));
    for (const [item, link] of this.firstLinks) item.firstLink = index.get(link);
    if (limit >= this.text.length && from <= 0) return f;
    const own = <T extends { start: number }>(xs: T[]) => xs.filter((x) => x.start < limit && x.start >= from);
    const kept = own(f.links);
    const keptIndex = new Map(kept.map((l, i) => [l, i] as const));
    const lists = own(f.lists).map((l) => ({
      ...l,
      items: own(l.items).map((it) => ({ ...it, firstLink: it.firstLink === undefined ? undefined : keptIndex.get(f.links[it.firstLink]) })),
    }));
    return {
      ...f,
      headings: own(f.headings), links: kept, definitions: own(f.definitions), htmlIds: own(f.htmlIds), lists,
      fields: own(f.fields), footnoteRefs: own(f.footnoteRefs), footnoteDefs: own(f.footnoteDefs), unrenderedEmphasis: own(f.unrenderedEmphasis), plainRuns: own(f.plainRuns),
    };
  }

  // ---------------------------------------------------------------- inline content, as deep as asked

  /** Whether to read an inline token's content, which is then parsed here (a shallow parse reads only what the index needs). */
  private read(inline: Token | undefined): boolean {
    if (!inline) return false;
    if (this.shallow && !mayHoldIndexedLink(inline.content, this.hasReferences)) return false;
    this.parseInline(inline);
    return true;
  }

  private parseInline(inline: Token): void {
    inline.children = parseInline(inline.content, this.env);
  }

  private paragraph(open: Token, inline: Token, before: Token | undefined): void {
    const map = open.map as [number, number];
    const item = this.itemStack[this.itemStack.length - 1];
    const ownParagraph = item && !this.firstLinks.has(item) && item.text === '' && before?.type === 'list_item_open';
    if (!this.read(inline)) {
      // Shallow: not a run the index reads links from, but it may be a field.
      const c = inline.content.charCodeAt(0);
      if (c !== 42 /* * */ && c !== 95 /* _ */) return;
      const field = simpleField(inline.content, this.inlineReader.mapper(inline, map), this.text);
      if (field === 'none') return;
      if (field !== 'parse') {
        this.facts.fields.push(field);
        return;
      }
      this.parseInline(inline);
    }
    const links = this.inlineReader.inline(inline, map);
    this.inlineReader.field(inline, links.mapper, links.spans);
    if (ownParagraph) {
      item.text = plainText(inline.children ?? []);
      const first = links.added.find((l) => l.kind !== 'image');
      if (first) this.firstLinks.set(item, first);
    }
  }

  // ---------------------------------------------------------------- blocks

  private heading(open: Token, inline: Token): void {
    const map = open.map as [number, number];
    const setext = !open.markup.startsWith('#');
    this.parseInline(inline);
    const { mapper } = this.inlineReader.inline(inline, map);
    const content = inline.content;
    const contentStart = mapper(0);
    const lineText = this.lineText(map[0]);
    const hashes = lineText.indexOf(open.markup);
    const start = setext ? contentStart : this.lineStart(map[0]) + Math.max(0, hashes);
    this.facts.headings.push({
      level: Number(open.tag.slice(1)),
      text: plainText(inline.children ?? []).trim(),
      start,
      end: this.lastLineEnd(map[0], map[1]),
      contentStart,
      contentEnd: content ? mapper(content.length) : contentStart,
      setext,
    });
  }

  private openList(t: Token): void {
    const map = t.map as [number, number];
    const list: ListFact = {
      ordered: t.type === 'ordered_list_open',
      marker: t.markup,
      start: this.firstNonSpace(map[0]),
      end: this.lastLineEnd(map[0], map[1]),
      depth: this.listStack.length,
      items: [],
    };
    this.listStack.push(list);
    this.facts.lists.push(list);
  }

  private closeList(): void {
    const list = this.listStack.pop();
    const last = list?.items[list.items.length - 1];
    if (list && last) list.end = last.end;
  }

  private openItem(t: Token): void {
    const map = t.map as [number, number];
    const list = this.listStack[this.listStack.length - 1];
    const marker = (t.info ?? '') + t.markup;
    const line = this.lineText(map[0]);
    const at = Math.max(0, line.indexOf(marker));
    const markerStart = this.lineStart(map[0]) + at;
    const item: ListItemFact = {
      start: markerStart,
      end: this.lastLineEnd(map[0], map[1]),
      firstLineEnd: this.lines.lineEnd(map[0]),
      number: t.info ? Number(t.info) : undefined,
      markerStart,
      markerEnd: markerStart + marker.length,
      text: '',
      depth: this.listStack.length - 1,
    };
    list?.items.push(item);
    this.itemStack.push(item);
  }

  private definition(startLine: number, endLine: number, key: string | undefined): DefinitionFact {
    const start = this.firstNonSpace(startLine);
    const end = this.lastLineEnd(startLine, endLine);
    const close = this.text.indexOf(']:', start);
    const label = close > start ? this.text.slice(start + 1, close) : key ?? '';
    const dest = definitionDestination(this.text, close, end);
    // A later definition of the same label is still a definition, with its own URL (links use the first).
    const url = key !== undefined
      ? this.env.references?.[key]?.href ?? ''
      : dest.destStart !== undefined ? markdownParser.normalizeLink(this.text.slice(dest.destStart, dest.destEnd)) : '';
    return { label, identifier: normalizeLabel(label), url, start, end, ...dest };
  }

  /**
   * Maps an index in a block's content to the source. Inside a list or quote markdown-it strips each
   * line's prefix (indentation, `>` markers); what it keeps is the end of the source line, so a column
   * moves by the length of what was stripped.
   */
  private blockSource(content: string, firstLine: number): (index: number) => number {
    const starts = [0];
    for (let i = 0; i < content.length; i++) if (content.charCodeAt(i) === 10) starts.push(i + 1);
    return (index) => {
      let k = starts.length - 1;
      while (k > 0 && starts[k] > index) k--;
      const lineEnd = k + 1 < starts.length ? starts[k + 1] - 1 : content.length;
      const kept = content.slice(starts[k], lineEnd);
      const source = this.lineText(firstLine + k);
      const stripped = source.endsWith(kept) ? source.length - kept.length : 0;
      return this.lineStart(firstLine + k) + stripped + (index - starts[k]);
    };
  }

  /**
   * Whether a fence's last line closes it. Judged on the source line, allowing quote markers and at most
   * three spaces: a closing fence indented further (inside a list item) reads as open, which only costs
   * the section split (see issueModel.ts) some granularity, never correctness.
   */
  private fenceClosed(map: [number, number], markup: string): boolean {
    if (map[1] - 1 <= map[0]) return false;
    const m = /^(?:[ \t]*>)*[ ]{0,3}(`{3,}|~{3,})[ \t]*$/.exec(this.lineText(map[1] - 1));
    return !!m && m[1][0] === markup[0] && m[1].length >= markup.length;
  }

  // ---------------------------------------------------------------- lines

  private lineStart(line: number): number {
    return this.lines.lineStarts[Math.min(line, this.lines.lineCount - 1)];
  }

  private lineText(line: number): string {
    return line < this.lines.lineCount ? this.lines.lineText(line) : '';
  }

  private firstNonSpace(line: number): number {
    const text = this.lineText(line);
    return this.lineStart(line) + (text.length - text.trimStart().length);
  }

  /** The end of the last non-blank line in [first, end). */
  private lastLineEnd(first: number, end: number): number {
    for (let l = Math.min(end, this.lines.lineCount) - 1; l > first; l--) {
      if (this.lineText(l).trim() !== '') return this.lines.lineEnd(l);
    }
    return this.lines.lineEnd(Math.min(first, this.lines.lineCount - 1));
  }
}

/** Raw HTML blocks that blank lines do not end (CommonMark types 1-5), by their start, with their end (as markdown-it). */
const RAW_HTML_BLOCKS: ReadonlyArray<[RegExp, RegExp]> = [
  [/^<(script|pre|style|textarea)(?=(\s|>|$))/i, /<\/(script|pre|style|textarea)>/i],
  [/^<!--/, /-->/],
  [/^<\?/, /\?>/],
  [/^<![A-Za-z]/, />/],
  [/^<!\[CDATA\[/, /\]\]>/],
];

/** Whether a raw HTML block found its end; blocks that end at a blank line (types 6 and 7) always do. */
function rawHtmlClosed(content: string): boolean {
  const first = content.trimStart();
  for (const [start, end] of RAW_HTML_BLOCKS) if (start.test(first)) return end.test(content);
  return true;
}

export { plainText };
export type { FootnoteFact };
