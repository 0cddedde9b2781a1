/**
 * What a lookup found, as New Paper Entry's input: the short name (the title's part before `:`, else the
 * repository's name, else the id), the rest of the title, the abstract as a marked draft summary, tags the
 * issue's own vocabulary suggests, the image, and the links in the form the archive uses.
 */
import type { PaperFacts } from './paperLookup';
import { arxivUrl, parsePaperLink } from '../links/paperLink';
import type { PaperLinks } from '../authoring/links';

export type PaperLinkForm = 'abs' | 'html' | 'pdf' | 'as-pasted';

export interface EntryFromLookup {
  name: string;
  title?: string;
  summary?: string;
  /** The summary is the abstract, not yet rewritten by the editor. */
  summaryDraft: boolean;
  tags: string[];
  links: PaperLinks;
  image?: string;
}

export interface SuggestOptions {
  /** Known tags, most used first (tagChoices). */
  knownTags: ReadonlyArray<{ tag: string; count: number }>;
  /** Alias -> canonical tag (`tagAliases`). */
  tagAliases: Readonly<Record<string, string>>;
  /** Words that stand for a tag beyond its own (the built-in topics' English words). */
  tagWords?: Readonly<Record<string, readonly string[]>>;
  maxTags: number;
  paperLinkForm: PaperLinkForm;
}

/** `Describe Anything: Detailed Localized…` -> name and title; a title without a colon is all title. */
export function splitTitle(title: string): { name?: string; rest: string } {
  const m = title.match(/^(.{1,60}?)\s*(?::\s+|：\s*)(.+)$/);
  if (m && !/\s{2,}/.test(m[1]) && m[1].split(/\s+/).length <= 6) return { name: m[1].trim(), rest: m[2].trim() };
  return { rest: title.trim() };
}

export function entryFromLookup(facts: PaperFacts, options: SuggestOptions): EntryFromLookup {
  const split = facts.title ? splitTitle(facts.title) : undefined;
  // The repository known from any source (its API, the pasted link, Hugging Face's or arXiv's comment's link).
  const linked = facts.links.github ? parsePaperLink(facts.links.github) : undefined;
  const repo = facts.repository?.repo ?? (facts.link?.kind === 'github' ? facts.link.repo : undefined) ?? (linked?.kind === 'github' ? linked.repo : undefined);
  const name = split?.name ?? repo ?? facts.arxivId ?? facts.input.trim();
  const title = split ? split.rest : undefined;
  const links: PaperLinks = { ...facts.links };
  if (facts.arxivId) links.paper = paperUrl(facts, options.paperLinkForm);
  const text = `${facts.title ?? ''}\n${facts.abstract ?? ''}\n${facts.keywords.join('\n')}`;
  return {
    name,
    title,
    summary: facts.abstract,
    summaryDraft: !!facts.abstract,
    tags: suggestTags(text, options),
    links,
    image: facts.image,
  };
}

function paperUrl(facts: PaperFacts, form: PaperLinkForm): string {
  const pasted = facts.link?.kind === 'arxiv' ? facts.link : undefined;
  if (form === 'as-pasted' && pasted?.url) return pasted.url.href;
  const f = form === 'as-pasted' ? (pasted && (pasted.form === 'pdf' || pasted.form === 'html') ? pasted.form : 'abs') : form;
  return arxivUrl(facts.arxivId!, f);
}

/** Case-, width- and separator-insensitive form for finding a tag's words in a title or abstract. */
function fold(s: string): string {
  return s.normalize('NFKC').replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase().replace(/[\s_\-–—./]+/g, ' ');
}

/**
 * Tags whose words appear in the text (the known tags and, through `tagAliases`, their aliases), ranked by
 * how often the archive uses them; at most `maxTags`. Short Latin tags must match whole words (`3D` is not
 * found in `3DGS`); Chinese tags match as written.
 */
export function suggestTags(text: string, options: SuggestOptions): string[] {
  const haystack = ` ${fold(text)} `;
  const aliasesOf = new Map<string, string[]>();
  for (const [alias, canonical] of Object.entries(options.tagAliases)) aliasesOf.set(canonical, [...(aliasesOf.get(canonical) ?? []), alias]);
  const found: Array<{ tag: string; count: number; order: number }> = [];
  options.knownTags.forEach(({ tag, count }, order) => {
    if (tag in options.tagAliases) return; // an alias is never suggested itself
    const words = [tag, ...(aliasesOf.get(tag) ?? []), ...(options.tagWords?.[tag] ?? [])];
    if (words.some((w) => contains(haystack, fold(w)))) found.push({ tag, count, order });
  });
  return found
    .sort((a, b) => b.count - a.count || a.order - b.order)
    .slice(0, Math.max(0, options.maxTags))
    .map((f) => f.tag);
}

function contains(haystack: string, needle: string): boolean {
  if (!needle.trim()) return false;
  if (/^[\x20-\x7e]+$/.test(needle)) {
    // Latin words: whole words only.
    const re = new RegExp(`[^a-z0-9]${needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}s?[^a-z0-9]`);
    return re.test(haystack);
  }
  return haystack.includes(needle);
}

/** Whether a pasted line is something to look up (a link or an arXiv id), not a paper's name. */
export function isLookupInput(text: string): boolean {
  return parsePaperLink(text) !== undefined;
}

/** The arXiv link form most of these URLs use (abs when none is arXiv): what `paperLinkForm: auto` writes. */
export function dominantPaperLinkForm(urls: Iterable<string>): 'abs' | 'html' | 'pdf' {
  const counts = { abs: 0, html: 0, pdf: 0 };
  for (const url of urls) {
    const link = parsePaperLink(url);
    if (link?.kind === 'arxiv' && (link.form === 'abs' || link.form === 'html' || link.form === 'pdf')) counts[link.form]++;
  }
  return counts.pdf > counts.abs && counts.pdf >= counts.html ? 'pdf' : counts.html > counts.abs ? 'html' : 'abs';
}
