/**
 * arXiv's query API answers in Atom (there is no JSON). Read with fast-xml-parser, with the feed's traps
 * handled: the feed's own <link>/<title> are not a paper's; a bad query is HTTP 200 with one entry titled
 * "Error" whose id is under /api/errors; throttling is the plain-text body "Rate exceeded."; titles and
 * abstracts come hard-wrapped; ids carry a version and may be http or https.
 */
import { XMLParser } from 'fast-xml-parser';
import { parsePaperLink } from '../links/paperLink';

export interface ArxivPaper {
  /** Without version. */
  id: string;
  version?: string;
  title: string;
  abstract: string;
  authors: string[];
  published?: string;
  updated?: string;
  /** The authors' comment: "Project page: …", "Code: https://github.com/…", pages, venue. */
  comment?: string;
  primaryCategory?: string;
  categories: string[];
  doi?: string;
  journalRef?: string;
}

export type ArxivFeed =
  | { kind: 'entries'; papers: ArxivPaper[]; errors: string[] }
  | { kind: 'rate-limited' }
  | { kind: 'unreadable'; reason: string };

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  removeNSPrefix: true,
  // Everything that may repeat, as arrays, so one author and many authors read alike.
  isArray: (name) => ['entry', 'author', 'link', 'category'].includes(name),
  parseTagValue: false,
  trimValues: true,
  processEntities: true,
  htmlEntities: false,
});

const squash = (s: unknown) => (typeof s === 'string' ? s : s == null ? '' : typeof s === 'object' && '#text' in (s as object) ? String((s as { '#text': unknown })['#text']) : String(s)).replace(/\s+/g, ' ').trim();

export function parseArxivFeed(body: string): ArxivFeed {
  const text = body.trim();
  if (/^rate exceeded\.?$/i.test(text)) return { kind: 'rate-limited' };
  if (!text.startsWith('<')) return { kind: 'unreadable', reason: text.slice(0, 80) || 'empty answer' };
  let doc: { feed?: { entry?: Array<Record<string, unknown>> } };
  try {
    doc = parser.parse(text) as typeof doc;
  } catch (err) {
    return { kind: 'unreadable', reason: (err as Error).message.split('\n')[0] };
  }
  if (!doc?.feed || typeof doc.feed !== 'object') return { kind: 'unreadable', reason: 'not an Atom feed' };
  const papers: ArxivPaper[] = [];
  const errors: string[] = [];
  for (const entry of doc.feed.entry ?? []) {
    if (!entry || typeof entry !== 'object') continue;
    const idUrl = squash(entry.id);
    const title = squash(entry.title);
    if (/\/api\/errors/.test(idUrl) || title === 'Error') {
      errors.push(squash(entry.summary) || 'arXiv answered with an error entry');
      continue;
    }
    const link = parsePaperLink(idUrl);
    if (link?.kind !== 'arxiv' || !title) continue;
    const authors = (entry.author as Array<{ name?: unknown }> | undefined)?.map((a) => squash(a?.name)).filter(Boolean) ?? [];
    const categories = ((entry.category as Array<Record<string, string>> | undefined) ?? []).map((c) => c?.['@_term']).filter((c): c is string => !!c);
    const primary = entry.primary_category as Record<string, string> | undefined;
    papers.push({
      id: link.id,
      version: link.version,
      title,
      abstract: squash(entry.summary),
      authors,
      published: squash(entry.published) || undefined,
      updated: squash(entry.updated) || undefined,
      comment: squash(entry.comment) || undefined,
      primaryCategory: primary?.['@_term'],
      categories,
      doi: squash(entry.doi) || undefined,
      journalRef: squash(entry.journal_ref) || undefined,
    });
  }
  return { kind: 'entries', papers, errors };
}

/** The query URL for several ids at once (arXiv's id_list), as many results as ids. */
export function arxivQueryUrl(apiUrl: string, ids: readonly string[]): string {
  const url = new URL(apiUrl);
  url.searchParams.set('id_list', ids.join(','));
  url.searchParams.set('max_results', String(ids.length));
  return url.href;
}

/** Links the authors name in the comment or abstract: "Project page: https://…", "Code: https://github.com/…". */
export function linksInText(text: string | undefined): string[] {
  if (!text) return [];
  const found = text.match(/https?:\/\/[^\s<>"'）)，。,;]+/g) ?? [];
  return [...new Set(found.map((u) => u.replace(/[.,;:!?]+$/, '')))];
}
