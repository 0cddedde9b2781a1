/**
 * What the workspace index keeps of one Markdown file: enough for tag completion and ranking,
 * workspace symbols, cross-file references and renames, without keeping (or rebuilding) full models.
 * Entries come from the issue model: an open document's full model, a file on disk's shallow model
 * (`ModelCache`); a test holds the two to the same answers (test/unit/indexAgreement.test.ts).
 */
import type { IssueLanguage, LanguagePreset } from '../config/weeklyConfig';
import { presetNames } from '../model/presetNames';
import type { IssueModel } from '../model/types';
import type { SlugStyle } from '../slug';
import { LineIndex } from '../util/lineIndex';
import { dateInFileName, paperIdentities } from '../paperRepeat/paperIdentities';

export interface IndexedHeading {
  level: number;
  text: string;
  /** 0-based line of the heading (its first line for setext headings). */
  line: number;
  /** Its content as written: goldmark (Hugo) and kramdown (Jekyll) slug that, markup and all. */
  source: string;
}

export interface IndexedTag {
  /** Without the `#`. */
  name: string;
  /** Offsets of `#name` in the file's text. */
  start: number;
  end: number;
}

export interface IndexedPaper {
  name: string;
  /** Index into the entry's headings. */
  heading: number;
  tags: IndexedTag[];
  /** Offsets of the heading's content (paper-repeat's related location). */
  start: number;
  end: number;
  /** What the paper is, whatever link form names it (paperRepeat/paperIdentities.ts). */
  identities: string[];
}

/** A link to another Markdown file (`other.md#slug`), as written: path and fragment percent-decoded. */
export interface IndexedFileLink {
  path: string;
  fragment?: string;
}

export interface IndexEntry {
  uri: string;
  text: string;
  language: IssueLanguage;
  looksLikeIssue: boolean;
  /** The issue's date: front matter `date`, else a YYYY-MM-DD in the file name. */
  date?: string;
  title?: string;
  headings: IndexedHeading[];
  papers: IndexedPaper[];
  /** Every tag written in a tags field (`**标签**：`, `**Tags**:`), in document order. */
  tags: IndexedTag[];
  fileLinks: IndexedFileLink[];
}

/** Whether a link destination points at another Markdown file (not a web page). */
export function markdownFileLink(url: string): IndexedFileLink | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//')) return undefined;
  const hash = url.indexOf('#');
  const rawPath = (hash < 0 ? url : url.slice(0, hash)).replace(/\?.*$/, '');
  if (!/\.(md|markdown)$/i.test(rawPath)) return undefined;
  const decode = (s: string) => {
    try {
      return decodeURIComponent(s);
    } catch {
      return s;
    }
  };
  return hash < 0 ? { path: decode(rawPath) } : { path: decode(rawPath), fragment: decode(url.slice(hash + 1)) };
}

const slugCache = new WeakMap<IndexEntry, { style: string; slugs: string[] }>();

/**
 * The anchor ids of an entry's headings, duplicates suffixed. Computed on first use, not while indexing:
 * few features need other files' slugs, and slugging every heading of a large workspace costs more than
 * parsing it.
 */
export function headingSlugs(entry: IndexEntry, style: SlugStyle): string[] {
  const cached = slugCache.get(entry);
  if (cached && cached.style === style.id) return cached.slugs;
  const slugger = style.create();
  const slugs = entry.headings.map((h) => slugger.slug(h.text, h.source));
  slugCache.set(entry, { style: style.id, slugs });
  return slugs;
}

export function entryFromModel(uri: string, model: IssueModel, presets: Record<IssueLanguage, LanguagePreset>): IndexEntry {
  const isTagsField = presetNames(presets).tagsField;
  const headings = model.headings.map((h) => ({ level: h.level, text: h.text, line: model.lines.positionAt(h.start).line, source: model.text.slice(h.contentStart, h.contentEnd) }));
  const tags = model.fields.filter((f) => isTagsField(f.label)).flatMap((f) => f.tags.map(({ name, start, end }) => ({ name, start, end })));
  const fileLinks: IndexedFileLink[] = [];
  for (const l of model.links) {
    if (l.kind === 'image') continue;
    const target = markdownFileLink(l.url);
    if (target) fileLinks.push(target);
  }
  const identities = paperIdentities(model);
  const entry: IndexEntry = {
    uri,
    text: model.text,
    language: model.language,
    looksLikeIssue: model.looksLikeIssue,
    title: model.title?.text,
    headings,
    date: model.frontMatterDate ?? dateInFileName(uri),
    papers: model.papers.map((p, i) => ({
      name: p.name,
      heading: p.heading.index,
      tags: p.tags.map(({ name, start, end }) => ({ name, start, end })),
      start: p.heading.contentStart,
      end: p.heading.contentEnd,
      identities: identities[i],
    })),
    tags,
    fileLinks,
  };
  return entry;
}

const lineCache = new WeakMap<IndexEntry, LineIndex>();

/** Line positions of an entry's text (built on first use: most entries are never shown). */
export function entryLines(entry: IndexEntry): LineIndex {
  let lines = lineCache.get(entry);
  if (!lines) {
    lines = new LineIndex(entry.text);
    lineCache.set(entry, lines);
  }
  return lines;
}
