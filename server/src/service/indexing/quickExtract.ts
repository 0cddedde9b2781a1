/**
 * The index entry of a file on disk, extracted quickly with markdown-it (a CommonMark parser) instead
 * of the full remark model: the model parses every inline run of an issue (~6-30 ms per issue here),
 * which makes a 1,000-issue workspace take many seconds. The index needs only headings (text, slug),
 * papers and their tags, and links to other Markdown files, so this runs markdown-it's block parser and
 * parses inline content only where those live: headings, tag fields, and runs that mention `.md`.
 * Long summaries are never inline-parsed. Whatever this cannot extract exactly (a tag field with links,
 * footnotes in a heading, text it cannot locate in the source) returns undefined, and the caller builds
 * the full model instead. `test/unit/indexAgreement.test.ts` holds the two paths to the same entries.
 */
import MarkdownIt from 'markdown-it';
import type { Token } from 'markdown-it';
import { normalizeName, type IssueLanguage, type LanguagePreset } from '../config/weeklyConfig';
import { paperName } from '../model/issueModel';
import { findTags } from '../model/tags';
import type { SlugStyle } from '../slug';
import { markdownFileLink, type IndexEntry, type IndexedFileLink, type IndexedHeading, type IndexedTag } from './indexEntry';

export interface QuickExtractOptions {
  slugStyle: SlugStyle;
  presets: Record<IssueLanguage, LanguagePreset>;
}

// html: true, as CommonMark (and the model's micromark) recognise HTML blocks.
const md = new MarkdownIt('default', { html: true });
// Inline parsing (and text_join, which walks its output) runs only where the index needs it.
md.core.ruler.disable(['inline', 'text_join']);
// The same without `normalize` (line endings to \n, NUL to U+FFFD), for the usual text that has neither:
// it copies the whole text through two regular expressions.
const mdPlain = new MarkdownIt('default', { html: true });
mdPlain.core.ruler.disable(['inline', 'text_join', 'normalize']);

/** Thrown where the quick path cannot be exact; the caller falls back to the model. */
class Unsupported extends Error {}

interface QuickField {
  label: string;
  line: number;
  tags?: IndexedTag[];
}

/** `**Label**：` / `**Label:**` when the label is plain text (no markup that would change it). */
const SIMPLE_LABEL = /^(\*\*|__)([^\s*_`\\&<[\]!~](?:[^*_`\\&<[\]!~\n]*[^\s*_`\\&<[\]!~])?)\1(?=[\s:：]|$)/;
// As micromark-extension-frontmatter reads YAML front matter: `---` lines (trailing blanks allowed) around it.
const FRONT_MATTER = /^---[ \t]*(?:\r\n|\r|\n)(?:[\s\S]*?(?:\r\n|\r|\n))??---[ \t]*(?=\r\n|\r|\n|$)/;

export function quickExtract(uri: string, text: string, options: QuickExtractOptions): IndexEntry | undefined {
  try {
    return extract(uri, text, options);
  } catch (err) {
    if (err instanceof Unsupported) return undefined;
    throw err;
  }
}

function extract(uri: string, text: string, options: QuickExtractOptions): IndexEntry {
  const lines = new LineStarts(text);
  const fm = text.match(FRONT_MATTER);
  // A document opening with an unclosed `---`: the model's parser reads what follows in its own way.
  if (!fm && /^---[ \t]*(?:\r\n|\r|\n|$)/.test(text)) throw new Unsupported();
  // Front matter is not Markdown: blank it (keeping its line breaks, so line numbers stay true).
  const body = fm ? fm[0].replace(/[^\r\n]/g, '') + text.slice(fm[0].length) : text;
  const frontMatterWeekly = !!fm && /^weekly:\s*true\s*$/m.test(fm[0]);
  const env: { references?: Record<string, { href: string }> } = {};
  const tokens = (body.includes('\r') || body.includes('\0') ? md : mdPlain).parse(body, env);
  const refsMentionMarkdown = Object.values(env.references ?? {}).some((r) => !!markdownFileLink(r.href));
  // CommonMark reads an indented line after a definition as the rest of its paragraph; markdown-it as
  // indented code. Both are rare in issues: let the model read such a file.
  if (env.references && tokens.some((t) => t.type === 'code_block')) throw new Unsupported();

  const names = presetNames(options.presets);
  const headings: IndexedHeading[] = [];
  const normalized: string[] = [];
  const headingEnds: number[] = [];
  const fields: QuickField[] = [];
  const fileLinks: IndexedFileLink[] = [];
  const collectLinks = (children: Token[]) => {
    for (const t of children) {
      if (t.type !== 'link_open') continue;
      const target = markdownFileLink(t.attrGet('href') ?? '');
      if (target) fileLinks.push(target);
    }
  };

  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.type === 'heading_open') {
      const inline = tokens[i + 1];
      if (inline.content.includes('[^')) throw new Unsupported(); // footnote references: no plugin here
      // micromark places a setext heading that follows a definition at the definition's start.
      if (t.markup !== '#' && env.references) throw new Unsupported();
      const children = parseInline(inline, env);
      // A multi-line (setext) heading keeps its own line ending in the model's text; markdown-it's is \n.
      if (children.some((c) => c.type === 'softbreak')) throw new Unsupported();
      const headingText = plain(children).trim();
      headings.push({ level: Number(t.tag.slice(1)), text: headingText, line: t.map![0] });
      // Paper headings are long, preset words short: a heading more than 4x the longest word cannot
      // normalize down to one (only markup, colons and spaces are dropped), so it is not normalized.
      normalized.push(headingText.length > names.longest * 4 ? '' : normalizeName(headingText));
      headingEnds.push(t.map![1]);
      collectLinks(children);
    } else if (t.type === 'inline' && tokens[i - 1]?.type !== 'heading_open') {
      const content = t.content;
      const isParagraph = tokens[i - 1]?.type === 'paragraph_open';
      let children: Token[] | undefined;
      if (isParagraph && (content.startsWith('**') || content.startsWith('__'))) {
        const field = readField(t, tokens[i - 1], env, text, lines, names.tags);
        if (field) {
          fields.push(field.field);
          children = field.children;
        }
      }
      if (/\.(md|markdown)/i.test(content) || (refsMentionMarkdown && content.includes('['))) {
        collectLinks(children ?? parseInline(t, env));
      }
    }
  }

  const tocIndex = normalized.findIndex((n) => names.toc.has(n));
  let refIndex = -1;
  for (let k = headings.length - 1; k >= 0; k--) if (names.references.has(normalized[k])) { refIndex = k; break; }
  const tocHeading = tocIndex >= 0 ? headings[tocIndex] : undefined;
  const refHeading = refIndex >= 0 ? headings[refIndex] : undefined;

  // Papers: `##` headings after the TOC and before the reference list, as the model finds them.
  let beginLine = 0;
  if (tocHeading) {
    const next = headings[tocIndex + 1];
    beginLine = headingEnds[tocIndex];
    for (const list of topLists(tokens)) {
      if (list.map![0] >= headingEnds[tocIndex] && (!next || list.map![0] < next.line)) beginLine = Math.max(beginLine, list.map![1]);
    }
  } else {
    for (const list of topLists(tokens)) if (isAnchorList(tokens, list, env)) beginLine = list.map![1];
  }
  const stopLine = refHeading ? refHeading.line : Infinity;
  const papers = headings.flatMap((h, index) => {
    if (h.level !== 2 || h.line < beginLine || h.line >= stopLine || names.notPapers.has(normalized[index])) return [];
    const next = headings.find((o, k) => k > index && o.level <= 2);
    const endLine = Math.min(next ? next.line : Infinity, stopLine);
    const tagsField = fields.find((f) => f.line >= h.line && f.line < endLine && f.tags);
    return [{ name: paperName(h.text), heading: index, tags: tagsField?.tags ?? [] }];
  });

  const han = /\p{Script=Han}/u;
  let language: IssueLanguage;
  if ((tocHeading && han.test(tocHeading.text)) || (refHeading && han.test(refHeading.text))) language = 'zh';
  else if (!tocHeading && !refHeading && fields.some((f) => han.test(f.label))) language = 'zh';
  else language = tocHeading || refHeading || fields.length ? 'en' : 'zh';

  return {
    uri,
    text,
    language,
    looksLikeIssue: (!!tocHeading && !!refHeading) || frontMatterWeekly,
    title: headings.find((h) => h.level === 1)?.text,
    headings,
    papers,
    tags: fields.flatMap((f) => f.tags ?? []),
    fileLinks,
  };
}

function parseInline(inline: Token, env: object): Token[] {
  const children: Token[] = [];
  md.inline.parse(inline.content, md, env, children);
  // Emphasis leaves empty text tokens where its delimiters were; the model has no such nodes.
  const kept = children.filter((c) => !(c.type === 'text' && c.content === ''));
  inline.children = kept;
  return kept;
}

/** A paragraph's field, if it is one: its label, and for a tags field its tags with exact offsets. */
function readField(
  inline: Token,
  open: Token,
  env: object,
  text: string,
  lines: LineStarts,
  tagLabels: ReadonlySet<string>,
): { field: QuickField; children?: Token[] } | undefined {
  const line = open.map![0];
  const simple = inline.content.match(SIMPLE_LABEL);
  if (simple) {
    const rest = inline.content.slice(simple[0].length);
    if (!/^\s*[\\&<]/.test(rest)) {
      const colonInLabel = /[:：]$/.test(simple[2]);
      if (!colonInLabel && !/^\s*[:：]/.test(rest)) return undefined;
      const label = colonInLabel ? simple[2].slice(0, -1).trim() : simple[2];
      // A simple label has no markup: only colons and spaces are left for normalizeName to drop.
      if (!tagLabels.has(/[:：\s]/.test(label) ? normalizeName(label) : label.toLowerCase())) return { field: { label, line } };
    }
  }
  // A tags field, or a label with markup: parse the paragraph's inline content and read it as the model does.
  const children = parseInline(inline, env);
  if (children[0]?.type !== 'strong_open') return undefined;
  const close = children.findIndex((c, k) => k > 0 && c.type === 'strong_close' && c.level === 0);
  if (close < 0) return undefined;
  let label = plain(children.slice(1, close)).trim();
  const rest = children.slice(close + 1);
  const restText = plain(rest);
  let colonInLabel = false;
  if (/[:：]$/.test(label)) {
    label = label.slice(0, -1).trim();
    colonInLabel = true;
  }
  if (!colonInLabel && !/^\s*[:：]\s*/.test(restText)) return undefined;
  if (!tagLabels.has(normalizeName(label))) return { field: { label, line }, children };
  return { field: { label, line, tags: locateTags(children, close, text, lines.startOf(line)) }, children };
}

/**
 * Tags in the paragraph's own text runs after the label, with offsets into the file. Each token is
 * found in the source in order (markdown-it gives inline tokens no positions); a run of text, escapes,
 * entities and soft breaks is one text node in the model, so tags are searched in the run's source slice.
 */
function locateTags(children: Token[], labelClose: number, text: string, from: number): IndexedTag[] {
  let cursor = from;
  const locate = (piece: string) => {
    const at = text.indexOf(piece, cursor);
    if (at < 0) throw new Unsupported();
    cursor = at + piece.length;
    return at;
  };
  const tags: IndexedTag[] = [];
  let runStart = -1;
  let runEnd = -1;
  const flush = () => {
    if (runStart < 0) return;
    for (const tag of findTags(text.slice(runStart, runEnd))) tags.push({ name: tag.name, start: runStart + tag.start, end: runStart + tag.end });
    runStart = -1;
  };
  children.forEach((c, k) => {
    const own = k > labelClose && c.level === 0;
    if (c.type === 'text' || c.type === 'text_special') {
      const raw = c.type === 'text' ? c.content : c.markup;
      if (!raw) return;
      const at = locate(raw);
      if (own) {
        if (runStart < 0) runStart = at;
        runEnd = at + raw.length;
      } else flush();
    } else if (c.type === 'softbreak' && own) {
      // part of the same text node in the model
    } else if (c.type === 'code_inline' || c.type === 'html_inline') {
      flush();
      if (c.content) locate(c.content);
    } else if (c.type === 'link_open' || c.type === 'image') {
      throw new Unsupported(); // link text would be searched out of order; rare in a tags field
    } else flush();
  });
  flush();
  return tags;
}

/** Text as the model's plainText gives it: no markup, images or raw HTML; soft breaks stay line breaks. */
function plain(tokens: Token[]): string {
  let out = '';
  for (const t of tokens) {
    if (t.type === 'text' || t.type === 'text_special' || t.type === 'code_inline') out += t.content;
    else if (t.type === 'softbreak') out += '\n';
    else if (t.type === 'hardbreak') out += ' ';
  }
  return out;
}

function* topLists(tokens: Token[]): Generator<Token> {
  for (const t of tokens) if ((t.type === 'bullet_list_open' || t.type === 'ordered_list_open') && t.level === 0) yield t;
}

/** A top-level list of 2+ items, most of whose first paragraph's first link is a `#fragment` link. */
function isAnchorList(tokens: Token[], list: Token, env: object): boolean {
  const start = tokens.indexOf(list);
  const close = list.type.replace('_open', '_close');
  let items = 0;
  let anchored = 0;
  for (let i = start + 1; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.type === close && t.level === list.level) break;
    if (t.type !== 'list_item_open' || t.level !== list.level + 1) continue;
    items++;
    if (tokens[i + 1]?.type === 'paragraph_open') {
      const inline = tokens[i + 2];
      // The block parser leaves inline tokens with an empty children list until they are parsed.
      const children = inline.children?.length ? inline.children : parseInline(inline, env);
      const link = children.find((c) => c.type === 'link_open');
      const href = link?.attrGet('href') ?? '';
      if (link && (href.startsWith('#') || href.startsWith('./#'))) anchored++;
    }
  }
  return items >= 2 && anchored * 2 > items;
}

interface PresetNames {
  toc: ReadonlySet<string>;
  references: ReadonlySet<string>;
  /** Headings that are never papers: summary, TOC, references. */
  notPapers: ReadonlySet<string>;
  tags: ReadonlySet<string>;
  /** Length of the longest normalized word. */
  longest: number;
}

const namesCache = new WeakMap<object, PresetNames>();

/** The presets' words, normalized once (matchesAny normalizes every word on every call). */
function presetNames(presets: Record<IssueLanguage, LanguagePreset>): PresetNames {
  let names = namesCache.get(presets);
  if (!names) {
    const all = (pick: (p: LanguagePreset) => string[]) => new Set([presets.zh, presets.en].flatMap(pick).map(normalizeName).filter((n) => n.length > 0));
    names = {
      toc: all((p) => p.toc),
      references: all((p) => p.references),
      notPapers: all((p) => [...p.summary, ...p.toc, ...p.references]),
      tags: all((p) => p.tagsField),
      longest: 0,
    };
    names.longest = Math.max(...[...names.notPapers, ...names.tags].map((n) => n.length));
    namesCache.set(presets, names);
  }
  return names;
}

/** Offsets where lines start, found on demand (fields come in document order, so the scan is linear). */
class LineStarts {
  private readonly starts = [0];
  private scanned = 0;
  private readonly lfOnly: boolean;
  constructor(private readonly text: string) {
    this.lfOnly = !text.includes('\r');
  }

  startOf(line: number): number {
    const t = this.text;
    while (this.starts.length <= line && this.scanned < t.length) {
      if (this.lfOnly) {
        // Only \n breaks lines here: jump from one to the next.
        const next = t.indexOf('\n', this.scanned);
        this.scanned = next < 0 ? t.length : next + 1;
        if (next >= 0) this.starts.push(this.scanned);
        continue;
      }
      const c = t.charCodeAt(this.scanned++);
      if (c === 13 && t.charCodeAt(this.scanned) === 10) this.scanned++;
      if (c === 10 || c === 13) this.starts.push(this.scanned);
    }
    return this.starts[Math.min(line, this.starts.length - 1)];
  }
}
