import type Token from 'markdown-it/lib/token.mjs';
import type { DefinitionFact, FieldFact, FootnoteFact, LinkFact, ListFact, ListItemFact, SectionFacts } from './facts';
import { scanHtml } from './htmlScan';
import { findTags } from './tags';
import { LineIndex } from '../util/lineIndex';
import { markdownParser, normalizeLabel, type ParseEnv } from './markdownParser';
import { sourcePositions, type SourceMapper } from './sourcePositions';

/**
 * Parses a piece of Markdown (CommonMark + GFM, with markdown-it) and extracts its facts. Only facts
 * that start in [from, limit) are kept: text around it (definitions added so that references resolve)
 * was parsed but is not the piece's own. Offsets stay offsets into `source`.
 */
export function parseFacts(source: string, limit = source.length, from = 0): SectionFacts {
  // A BOM is not text (GitHub drops it); a space of the same length keeps every offset in place.
  const text = source.charCodeAt(0) === 0xfeff ? ' ' + source.slice(1) : source;
  const env: ParseEnv = { definitionLines: [], footnoteLines: [] };
  const tokens = markdownParser.parse(text, env);
  const extractor = new FactExtractor(text, new LineIndex(text), env);
  extractor.walk(tokens);
  return extractor.finish(limit, from);
}

/** Walks markdown-it's token stream once, turning it into facts with source offsets. */
class FactExtractor {
  private readonly facts: SectionFacts = {
    headings: [], links: [], definitions: [], htmlIds: [], lists: [], fields: [],
    footnoteRefs: [], footnoteDefs: [], plainRuns: [],
  };
  private readonly listStack: ListFact[] = [];
  private readonly itemStack: ListItemFact[] = [];
  /** First link of each list item's own paragraph, resolved to an index once links are sorted. */
  private readonly firstLinks = new Map<ListItemFact, LinkFact>();
  private lastMap: [number, number] | undefined;

  constructor(private readonly text: string, private readonly lines: LineIndex, private readonly env: ParseEnv) {}

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
        case 'paragraph_open': {
          const inline = tokens[i + 1];
          const item = this.itemStack[this.itemStack.length - 1];
          const ownParagraph = item && !this.firstLinks.has(item) && item.text === '' && tokens[i - 1]?.type === 'list_item_open';
          const links = this.inline(inline, t.map as [number, number]);
          this.field(inline, links.mapper);
          if (ownParagraph) {
            item.text = plainText(inline.children ?? []);
            const first = links.added.find((l) => l.kind !== 'image');
            if (first) this.firstLinks.set(item, first);
          }
          i++;
          break;
        }
        case 'inline':
          this.inline(t, (t.map ?? this.lastMap) as [number, number] | undefined);
          break;
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
          if (t.map) this.html(t.content, this.blockSource(t.content, t.map[0]));
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
      fields: own(f.fields), footnoteRefs: own(f.footnoteRefs), footnoteDefs: own(f.footnoteDefs), plainRuns: own(f.plainRuns),
    };
  }

  // ---------------------------------------------------------------- blocks

  private heading(open: Token, inline: Token): void {
    const map = open.map as [number, number];
    const setext = !open.markup.startsWith('#');
    const { mapper } = this.inline(inline, map);
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
   * Ids, `#` links and `<img src>` images in raw HTML; `toSource` maps an index in `html` to its offset
   * in the source. An image spans its `<img …>` tag (as `![](…)` spans its syntax), its destination the src value.
   */
  private html(html: string, toSource: (index: number) => number): void {
    for (const attr of scanHtml(html)) {
      const at = toSource(attr.index);
      const end = toSource(attr.index + attr.value.length);
      if (attr.kind === 'id') this.facts.htmlIds.push({ id: attr.value, start: at, end });
      else if (attr.onAnchor && attr.value.startsWith('#')) {
        this.facts.links.push({ kind: 'html', url: attr.value, text: '', start: at, end, destStart: at, destEnd: end });
      } else if (attr.kind === 'src') {
        this.facts.links.push({ kind: 'image', url: attr.value, text: '', start: toSource(attr.tagStart), end: toSource(attr.tagEnd), destStart: at, destEnd: end });
      }
    }
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

  // ---------------------------------------------------------------- inline content

  /** Facts of one inline token's children: links, images, raw HTML, footnote references, text runs. */
  private inline(inline: Token | undefined, map: [number, number] | undefined): { mapper: SourceMapper; added: LinkFact[] } {
    const added: LinkFact[] = [];
    if (!inline || !map) return { mapper: () => 0, added };
    const children = inline.children ?? [];
    const mapper = sourcePositions(inline.content, map[0], this.text, this.lines);
    const spans = childSpans(children, inline.content.length);
    const openLinks: Array<{ token: Token; index: number }> = [];
    for (let i = 0; i < children.length; i++) {
      const c = children[i];
      const span = spans[i];
      switch (c.type) {
        case 'link_open':
          openLinks.push({ token: c, index: i });
          break;
        case 'link_close': {
          const open = openLinks.pop();
          if (!open) break;
          const link = this.link(open.token, children.slice(open.index + 1, i), spans[open.index], spans.slice(open.index + 1, i), mapper);
          this.facts.links.push(link);
          added.push(link);
          break;
        }
        case 'image':
          if (span) {
            const image: LinkFact = { kind: 'image', url: c.attrGet('src') ?? '', text: plainText(c.children ?? []), start: mapper(span[0]), end: mapper(span[1]) };
            const label = imageReferenceLabel(this.text.slice(image.start, image.end));
            // Like links: the model resolves it through the document's definitions (a section may have been parsed with stand-ins).
            if (label !== undefined) image.label = normalizeLabel(label);
            this.facts.links.push(image);
            added.push(image);
          }
          break;
        case 'html_inline':
          if (span) this.html(c.content, (i) => mapper(span[0] + i));
          break;
        case 'footnote_ref':
          if (span) {
            const label = String((c.meta as { label?: string })?.label ?? '');
            this.facts.footnoteRefs.push({ identifier: label.toLowerCase(), label, start: mapper(span[0]), end: mapper(span[1]) });
          }
          break;
        case 'text':
          if (span && c.content.includes('[') && c.content.includes(']') && openLinks.length === 0) {
            this.facts.plainRuns.push({ value: c.content, start: mapper(span[0]) });
          }
          break;
      }
    }
    return { mapper, added };
  }

  private link(open: Token, inner: Token[], span: [number, number] | undefined, innerSpans: Array<[number, number] | undefined>, mapper: SourceMapper): LinkFact {
    const start = span ? mapper(span[0]) : 0;
    const end = span ? mapper(span[1]) : 0;
    const url = open.attrGet('href') ?? '';
    const text = plainText(inner);
    if (open.markup === 'autolink' || open.markup === 'linkify') {
      const bracketed = this.text.charCodeAt(start) === 60; /* < */
      return { kind: 'autolink', url, text, start, end, destStart: start + (bracketed ? 1 : 0), destEnd: end - (bracketed ? 1 : 0) };
    }
    const lastInner = [...innerSpans].reverse().find((s) => s !== undefined);
    const textStart = start + 1;
    const textEnd = lastInner ? mapper(lastInner[1]) : textStart;
    const base = { url, text, start, end, textStart, textEnd };
    if (this.text.charCodeAt(textEnd) === 93 /* ] */ && this.text.charCodeAt(textEnd + 1) === 40 /* ( */) {
      return { kind: 'inline', ...base, ...inlineDestination(this.text, textEnd, end) };
    }
    // `[text][label]`, `[label][]` or `[label]`: the label names the definition.
    const second = this.text.slice(textEnd + 1, end);
    const label = second.startsWith('[') && second.length > 2 ? second.slice(1, -1) : this.text.slice(textStart, textEnd);
    return { kind: 'reference', ...base, label: normalizeLabel(label) };
  }

  /** `**Label**：value` or `**Label:** value`: a labelled field of a paper. */
  private field(inline: Token | undefined, mapper: SourceMapper): void {
    const children = inline?.children ?? [];
    // Emphasis leaves emptied delimiter text tokens behind: the first real child must open the bold.
    const open = children.findIndex((c) => !(c.type === 'text' && c.content === ''));
    if (children[open]?.type !== 'strong_open') return;
    const close = children.findIndex((c) => c.type === 'strong_close');
    if (close < 0) return;
    const spans = childSpans(children, inline!.content.length);
    let label = plainText(children.slice(open + 1, close)).trim();
    const rest = plainText(children.slice(close + 1));
    let colonInLabel = false;
    if (/[:：]$/.test(label)) {
      label = label.slice(0, -1).trim();
      colonInLabel = true;
    }
    const afterColon = rest.match(/^\s*[:：]\s*/);
    if (!colonInLabel && !afterColon) return;
    const labelStart = mapper(spans[open]?.[0] ?? 0);
    const labelEnd = mapper(spans[close]?.[1] ?? 0);
    const end = mapper(inline!.content.length);
    // Tags are read from the source of the value, outside code and links, so escapes and `_` keep offsets exact.
    const tags = [];
    let from = labelEnd;
    const skip: Array<[number, number]> = [];
    for (let i = close + 1; i < children.length; i++) {
      const c = children[i];
      if ((c.type === 'code_inline' || c.type === 'link_open' || c.type === 'image' || c.type === 'html_inline') && spans[i]) {
        skip.push([mapper(spans[i]![0]), mapper(spans[i]![1])]);
      }
    }
    skip.push([end, end]);
    for (const [s, e] of skip) {
      for (const tag of findTags(this.text.slice(from, s))) tags.push({ name: tag.name, start: from + tag.start, end: from + tag.end });
      from = Math.max(from, e);
    }
    this.facts.fields.push({
      label,
      start: labelStart,
      end,
      labelStart,
      labelEnd,
      value: (colonInLabel ? rest : rest.slice(afterColon![0].length)).trim(),
      valueStart: labelEnd,
      tags,
    } satisfies FieldFact);
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

/**
 * Where each inline child sits in its inline content. Tokens made by an inline rule carry the span
 * the rule consumed (see markdownParser.ts); plain text is flushed from markdown-it's pending buffer
 * without one, but it is verbatim source, so it starts where the previous token ended.
 */
function childSpans(children: Token[], contentLength: number): Array<[number, number] | undefined> {
  const spans: Array<[number, number] | undefined> = [];
  const resume: number[] = [];
  let cursor = 0;
  for (const c of children) {
    const src = (c.meta as { src?: [number, number] } | null)?.src;
    if (c.type === 'link_open' && src) {
      spans.push(src);
      resume.push(src[1]);
      cursor = src[0] + 1;
    } else if (c.type === 'link_close') {
      spans.push(src);
      cursor = resume.pop() ?? cursor;
    } else if (src) {
      spans.push(src);
      cursor = Math.max(cursor, src[1]);
    } else if (c.type === 'text') {
      const span: [number, number] = [cursor, Math.min(contentLength, cursor + c.content.length)];
      spans.push(span);
      cursor = span[1];
    } else spans.push(undefined);
  }
  return spans;
}

/** The label of `![alt][label]`, `![label][]` or `![label]` as written; undefined for `![alt](src)`. */
function imageReferenceLabel(source: string): string | undefined {
  if (!source.endsWith(']')) return undefined;
  if (source.endsWith('][]')) return source.slice(2, -3);
  const open = source.lastIndexOf('[');
  return open > 1 && source[open - 1] === ']' ? source.slice(open + 1, -1) : source.slice(2, -1);
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

/** The text of inline content as GitHub renders it: no markup, no images, no raw HTML. */
export function plainText(children: Token[]): string {
  let out = '';
  for (const c of children) {
    switch (c.type) {
      case 'text':
      case 'text_special':
      case 'code_inline':
        out += c.content;
        break;
      case 'softbreak': // the line break stays in the text, as in the rendered page
        out += '\n';
        break;
      case 'hardbreak':
        out += ' ';
        break;
    }
  }
  return out;
}

/**
 * Locates the destination of an inline link `[text](dest "title")` in the source, from the end of
 * its text: quick fixes need where the URL is written, which the parser does not say.
 */
function inlineDestination(text: string, textEnd: number, end: number): { destStart?: number; destEnd?: number } {
  let i = textEnd + 2;
  while (i < end && isDestinationSpace(text.charCodeAt(i))) i++;
  if (text.charCodeAt(i) === 60 /* < */) {
    const close = text.indexOf('>', i + 1);
    return close < 0 || close > end ? {} : { destStart: i + 1, destEnd: close };
  }
  let j = i;
  let depth = 0;
  while (j < end) {
    const c = text[j];
    if (c === '\\') {
      j += 2;
      continue;
    }
    if (c === '(') depth++;
    else if (c === ')') {
      if (depth === 0) break;
      depth--;
    } else if (isDestinationEnd(text.charCodeAt(j))) break;
    j++;
  }
  return { destStart: i, destEnd: Math.min(j, end) };
}

/** Spaces, tabs and line breaks before a destination (CommonMark's, not Unicode's: a BOM is text). */
function isDestinationSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
}

/** What ends an unbracketed destination: an ASCII space or a control character, as markdown-it reads it. */
function isDestinationEnd(code: number): boolean {
  return code <= 0x20 || code === 0x7f;
}

function definitionDestination(text: string, close: number, end: number): { destStart?: number; destEnd?: number } {
  if (close < 0 || close >= end) return {};
  let i = close + 2;
  while (i < end && isDestinationSpace(text.charCodeAt(i))) i++;
  if (text[i] === '<') {
    const gt = text.indexOf('>', i);
    return gt < 0 || gt > end ? {} : { destStart: i + 1, destEnd: gt };
  }
  let j = i;
  while (j < end && !isDestinationEnd(text.charCodeAt(j))) j++;
  return { destStart: i, destEnd: j };
}

export type { FootnoteFact };
