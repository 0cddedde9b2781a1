/**
 * Facts of inline content (one markdown-it `inline` token's children): links, images, raw HTML ids,
 * footnote references, text runs, and the labelled field a paragraph may be. Offsets are into the
 * source the block walk (parseFacts.ts) parsed.
 */
import type Token from 'markdown-it/lib/token.mjs';
import type { FieldFact, LinkFact, SectionFacts } from './facts';
import { scanHtml } from './htmlScan';
import { inlineDestination } from './linkDestinations';
import { delimiterRun, normalizeLabel } from './markdownParser';
import { sourcePositions, type SourceMapper } from './sourcePositions';
import { findTags } from './tags';
import type { LineIndex } from '../util/lineIndex';

export class InlineFactReader {
  constructor(private readonly text: string, private readonly lines: LineIndex, private readonly facts: SectionFacts) {}

  /** The mapper of an inline token's content to source offsets, without reading its children. */
  mapper(inline: Token, map: [number, number]): SourceMapper {
    return sourcePositions(inline.content, map[0], this.text, this.lines);
  }

  /** Facts of one inline token's children: links, images, raw HTML, footnote references, text runs. */
  inline(inline: Token | undefined, map: [number, number] | undefined): { mapper: SourceMapper; added: LinkFact[]; spans: Array<[number, number] | undefined> } {
    const added: LinkFact[] = [];
    if (!inline || !map) return { mapper: () => 0, added, spans: [] };
    const children = inline.children ?? [];
    const mapper = this.mapper(inline, map);
    const spans = childSpans(children, inline.content.length);
    const openLinks: number[] = []; // the places of the link_open tokens not closed yet
    let leftRuns: Token[] | undefined;
    for (let i = 0; i < children.length; i++) {
      const c = children[i];
      const span = spans[i];
      switch (c.type) {
        case 'link_open':
          openLinks.push(i);
          break;
        case 'link_close': {
          const open = openLinks.pop();
          if (open === undefined) break;
          const link = this.link(children, open, i, spans, mapper);
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
          if (c.meta?.runMax !== undefined) (leftRuns ??= []).push(c);
          break;
      }
    }
    // Delimiter runs the emphasis rule left as text (only where there were `*`/`_` runs at all).
    if (leftRuns) for (const pair of unmatchedPairs(leftRuns, inline.content)) this.facts.unrenderedEmphasis.push({ marker: pair.marker, start: mapper(pair.open[0]), openEnd: mapper(pair.open[1]), closeStart: mapper(pair.close[0]), end: mapper(pair.close[1]) });
    return { mapper, added, spans };
  }

  /**
   * Ids, `#` links and `<img src>` images in raw HTML; `toSource` maps an index in `html` to its offset
   * in the source. An image spans its `<img …>` tag (as `![](…)` spans its syntax), its destination the src value.
   */
  html(html: string, toSource: (index: number) => number): void {
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

  /** The link of `children[openAt]` (`link_open`) to `children[closeAt]` (`link_close`). */
  private link(children: Token[], openAt: number, closeAt: number, spans: Array<[number, number] | undefined>, mapper: SourceMapper): LinkFact {
    const open = children[openAt];
    const span = spans[openAt];
    const start = span ? mapper(span[0]) : 0;
    const end = span ? mapper(span[1]) : 0;
    const url = open.attrGet('href') ?? '';
    const text = plainText(children, openAt + 1, closeAt);
    if (open.markup === 'autolink' || open.markup === 'linkify') {
      const bracketed = this.text.charCodeAt(start) === 60; /* < */
      return { kind: 'autolink', url, text, start, end, destStart: start + (bracketed ? 1 : 0), destEnd: end - (bracketed ? 1 : 0) };
    }
    let lastInner: [number, number] | undefined;
    for (let k = closeAt - 1; k > openAt && !lastInner; k--) lastInner = spans[k];
    const textStart = start + 1;
    const textEnd = lastInner ? mapper(lastInner[1]) : textStart;
    // Object literals, not spreads (a spread copies key by key; thousands of links a check).
    if (this.text.charCodeAt(textEnd) === 93 /* ] */ && this.text.charCodeAt(textEnd + 1) === 40 /* ( */) {
      const dest = inlineDestination(this.text, textEnd, end);
      if (dest.destStart === undefined) return { kind: 'inline', url, text, start, end, textStart, textEnd };
      return { kind: 'inline', url, text, start, end, textStart, textEnd, destStart: dest.destStart, destEnd: dest.destEnd };
    }
    // `[text][label]`, `[label][]` or `[label]`: the label names the definition.
    const second = this.text.slice(textEnd + 1, end);
    const label = second.startsWith('[') && second.length > 2 ? second.slice(1, -1) : this.text.slice(textStart, textEnd);
    return { kind: 'reference', url, text, start, end, textStart, textEnd, label: normalizeLabel(label) };
  }

  private unrenderedField(inline: Token | undefined, mapper: SourceMapper): void {
    const content = inline?.content ?? '';
    const m = UNRENDERED_LABEL.exec(content);
    if (!m) return;
    const labelStart = mapper(0);
    const labelEnd = mapper(m[0].length);
    const end = mapper(content.length);
    this.facts.fields.push({
      label: m[2].slice(0, -1).trim(),
      start: labelStart,
      end,
      labelStart,
      labelEnd,
      value: content.slice(m[0].length).trim(),
      valueStart: labelEnd,
      tags: findTags(this.text.slice(labelEnd, end)).map((t) => ({ name: t.name, start: labelEnd + t.start, end: labelEnd + t.end })),
    } satisfies FieldFact);
  }

  /** `**Label**：value` or `**Label:** value`: a labelled field of a paper. */
  field(inline: Token | undefined, mapper: SourceMapper, spans: Array<[number, number] | undefined>): void {
    const children = inline?.children ?? [];
    // Emphasis leaves emptied delimiter text tokens behind: the first real child must open the bold.
    const open = children.findIndex((c) => !(c.type === 'text' && c.content === ''));
    if (children[open]?.type !== 'strong_open') return this.unrenderedField(inline, mapper);
    const close = children.findIndex((c) => c.type === 'strong_close');
    if (close < 0) return;
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
}

/**
 * `**概要：**内容`: CommonMark leaves such a label as text (the closing `**` follows punctuation and precedes a
 * letter), and emphasis-unrendered reports it; it is still the paper's summary field, so that the field rules
 * do not also call the field missing (and their fixes do not add a second label).
 */
const UNRENDERED_LABEL = /^(\*\*|__)([^\s*_`\\<[\]!~][^*_`\\<[\]!~\n]{0,40}?[:：])\1/;

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

/** The text of inline content as GitHub renders it: no markup, no images, no raw HTML. */
export function plainText(children: Token[], from = 0, to = children.length): string {
  let out = '';
  for (let i = from; i < to; i++) {
    const c = children[i];
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

interface LeftRun {
  marker: string;
  span: [number, number];
  /** The end of the range the emphasis rule scanned the run in (see delimiterRun). */
  max: number;
}

/**
 * Pairs of delimiter runs the parser left whole as text: a flanking run and the next later flanking run
 * of the same marker and length, one of them next to CJK text or punctuation (the
 * case CommonMark's flanking rules get wrong for Chinese: `**概要：**内容`). A lone run (`5 * 3`), runs in
 * plain ASCII words (`snake_case_name`) and runs partly used by emphasis are not pairs.
 */
function unmatchedPairs(tokens: readonly Token[], content: string): Array<{ marker: string; open: [number, number]; close: [number, number] }> {
  // Emphasis pushes one text token per marker character, each with the run's span: a run whose
  // characters all stayed text has as many tokens as characters.
  const runs: LeftRun[] = [];
  const counts = new Map<number, number>();
  for (const t of tokens) {
    const span = t.meta.src as [number, number];
    const n = (counts.get(span[0]) ?? 0) + 1;
    counts.set(span[0], n);
    if (n === 1) runs.push({ marker: t.content, span, max: t.meta.runMax as number });
  }
  const whole = runs
    .filter((r) => counts.get(r.span[0]) === r.span[1] - r.span[0])
    .map((r) => ({ marker: r.marker, span: r.span, run: delimiterRun(content, r.span[0], r.max) }));
  const pairs: Array<{ marker: string; open: [number, number]; close: [number, number] }> = [];
  for (let i = 0; i < whole.length; i++) {
    const a = whole[i];
    if (!a.run.left && !a.run.right) continue;
    const length = a.span[1] - a.span[0];
    const j = whole.findIndex((b, k) => k > i && b.marker === a.marker && b.span[1] - b.span[0] === length && (b.run.left || b.run.right));
    if (j < 0) continue;
    const b = whole[j];
    if (!a.run.nearCjkOrPunctuation && !b.run.nearCjkOrPunctuation) continue;
    pairs.push({ marker: a.marker.repeat(length), open: a.span, close: b.span });
    whole.splice(j, 1);
  }
  return pairs;
}
