/**
 * What a link is, for every part that cares: the reference list's slots, hovers, ref-duplicate, the
 * paper lookups and paper-repeat. One parser, so that `abs/2504.12626`, `pdf/2504.12626v2.pdf`, the
 * Hugging Face paper page and the DOI are the same paper everywhere.
 *
 * Hand-written over WHATWG `URL`: no npm package knows arXiv's identifier forms or which GitHub paths are
 * repositories (normalize-url covers only the project-page part and needs Node 22).
 */

import { memoize } from '../util/memo';

export type ArxivForm = 'abs' | 'pdf' | 'html' | 'bare' | 'doi' | 'alphaxiv' | 'huggingface';

export type PaperLink =
  /** An arXiv paper, in any form people paste; `id` without version. */
  | { kind: 'arxiv'; id: string; version?: string; form: ArxivForm; url?: URL }
  /** A GitHub repository (`owner/repo`, any path below it). */
  | { kind: 'github'; owner: string; repo: string; url: URL }
  /** A paper on another paper host (OpenReview, ACL Anthology, a DOI, any `.pdf`). */
  | { kind: 'paper'; host: string; url: URL }
  /** Anything else over http(s): a project page. */
  | { kind: 'project'; host: string; url: URL };

/** New-style ids (0704.0001 to 2504.12626) and old-style ones (cs/0301001, math.GT/0309136), with a version. */
const ARXIV_ID = String.raw`(\d{4}\.\d{4,5}|[a-z][a-z-]*(?:\.[A-Za-z]{2})?\/\d{7})(v\d+)?`;
const BARE_ID = new RegExp(`^(?:arxiv:\\s*)?${ARXIV_ID}$`, 'i');
const DOI_ID = new RegExp(`^(?:doi:\\s*)?10\\.48550\\/arxiv\\.${ARXIV_ID}$`, 'i');
const ARXIV_PATH = new RegExp(`^\\/(abs|pdf|html|format)\\/${ARXIV_ID}(?:\\.pdf)?\\/?$`, 'i');
const ALPHAXIV_PATH = new RegExp(`^\\/(?:abs|overview|pdf)\\/${ARXIV_ID}\\/?$`, 'i');
const HF_PAPER_PATH = new RegExp(`^\\/papers\\/${ARXIV_ID}\\/?$`, 'i');

/** Hosts whose pages are the paper itself (not a project page about it). */
const PAPER_HOSTS = [
  'openreview.net', 'aclanthology.org', 'doi.org', 'dl.acm.org', 'ieeexplore.ieee.org', 'semanticscholar.org',
  'proceedings.neurips.cc', 'papers.nips.cc', 'proceedings.mlr.press', 'openaccess.thecvf.com', 'ecva.net',
];

/** Top-level GitHub paths that are not owners. */
const GITHUB_RESERVED = new Set([
  'orgs', 'topics', 'features', 'marketplace', 'sponsors', 'settings', 'search', 'explore', 'about', 'collections',
  'trending', 'login', 'join', 'notifications', 'pulls', 'issues', 'apps', 'enterprise', 'pricing', 'security', 'site',
]);

/** arXiv's scheme: YYMM.NNNN from 0704 to 1412, YYMM.NNNNN from 1501; old-style ids as archive/YYMMNNN. */
function validArxivId(id: string): boolean {
  const m = id.match(/^(\d{2})(\d{2})\.(\d+)$/);
  if (!m) return true;
  const [yy, mm, digits] = [Number(m[1]), Number(m[2]), m[3].length];
  if (mm < 1 || mm > 12 || (yy === 7 && mm < 4) || yy < 7) return false;
  return digits === (yy >= 15 ? 5 : 4);
}

function arxiv(m: RegExpMatchArray, at: number, form: ArxivForm, url?: URL): PaperLink | undefined {
  if (!validArxivId(m[at])) return undefined;
  // Old-style archive names are lower case (cs, hep-th); the subject class keeps its case (math.GT).
  const id = m[at].replace(/^[a-z-]+/i, (a) => a.toLowerCase());
  return { kind: 'arxiv', id, version: m[at + 1]?.toLowerCase(), form, url };
}

function hostOf(url: URL): string {
  const host = url.hostname.toLowerCase();
  return host.startsWith('www.') ? host.slice(4) : host;
}

const under = (host: string, domain: string) => host === domain || host.endsWith('.' + domain);

/**
 * Parses what an editor pastes: a URL (scheme optional), a bare arXiv id, `arXiv:…` or the arXiv DOI.
 * Remembered for the links asked about lately: the reference rules ask about every link of the issue on
 * every keystroke (at ×200, 3,000 links: 10 ms a keystroke in `new URL`). Callers must not change the
 * answer (none does: its `url` is read, never written).
 */
export const parsePaperLink: (input: string) => PaperLink | undefined = memoize(parseLink);

function parseLink(input: string): PaperLink | undefined {
  const text = input.trim().replace(/^<(.*)>$/, '$1').replace(/^arxiv:\s+/i, 'arXiv:');
  if (!text || /\s/.test(text)) return undefined;
  let m = text.match(BARE_ID);
  if (m) return arxiv(m, 1, 'bare');
  m = text.match(DOI_ID);
  if (m) return arxiv(m, 1, 'doi');
  const url = parseWebUrl(text);
  return url ? classifyWebUrl(url) : undefined;
}

/** Hosts whose links people paste without a scheme (`arxiv.org/abs/…`); other scheme-less text is no URL. */
const SCHEMELESS_HOSTS = /^(?:www\.)?(?:(?:export\.)?arxiv\.org|alphaxiv\.org|huggingface\.co|hf\.co|github\.com|doi\.org)\//i;

/** An http(s) URL; `arxiv.org/abs/…` without a scheme is read as https. */
export function parseWebUrl(text: string): URL | undefined {
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(text) ? text : SCHEMELESS_HOSTS.test(text) ? `https://${text}` : undefined;
  if (!withScheme) return undefined;
  try {
    const url = new URL(withScheme);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : undefined;
  } catch {
    return undefined;
  }
}

function classifyWebUrl(url: URL): PaperLink {
  const host = hostOf(url);
  const path = decodePath(url.pathname);
  return arxivPage(url, host, path) ?? otherPage(url, host, path);
}

function arxivPage(url: URL, host: string, path: string): PaperLink | undefined {
  let m: RegExpMatchArray | null;
  if ((host === 'arxiv.org' || host === 'export.arxiv.org') && (m = path.match(ARXIV_PATH))) {
    const form = m[1].toLowerCase() === 'format' ? 'abs' : (m[1].toLowerCase() as ArxivForm);
    return arxiv(m, 2, form, url);
  }
  if (host === 'alphaxiv.org' && (m = path.match(ALPHAXIV_PATH))) return arxiv(m, 1, 'alphaxiv', url);
  if ((host === 'huggingface.co' || host === 'hf.co') && (m = path.match(HF_PAPER_PATH))) return arxiv(m, 1, 'huggingface', url);
  if (host === 'doi.org' || host === 'dx.doi.org') {
    m = path.replace(/^\//, '').match(DOI_ID);
    if (m) return arxiv(m, 1, 'doi', url);
  }
  return undefined;
}

function otherPage(url: URL, host: string, path: string): PaperLink {
  if (host === 'github.com') {
    const [owner, repo] = path.split('/').filter(Boolean);
    if (owner && repo && !GITHUB_RESERVED.has(owner.toLowerCase())) return { kind: 'github', owner, repo: repo.replace(/\.git$/i, ''), url };
  }
  if (PAPER_HOSTS.some((h) => under(host, h)) || host === 'arxiv.org' || /\.pdf$/i.test(path)) return { kind: 'paper', host, url };
  if (host === 'huggingface.co' && path.startsWith('/papers/')) return { kind: 'paper', host, url };
  return { kind: 'project', host, url };
}

function decodePath(path: string): string {
  if (!path.includes('%')) return path;
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/**
 * The paper (or repository, or page) a link stands for, the same for every form of it: `arxiv:<id>`
 * without version, `github:<owner>/<repo>` in lower case, `page:<host><path>?<query>` with scheme, `www.`,
 * trailing slashes, `utm_*` parameters and the fragment left out. Undefined for what is not a web link.
 */
export function linkIdentity(input: string | PaperLink): string | undefined {
  const link = typeof input === 'string' ? parsePaperLink(input) : input;
  if (!link) return undefined;
  switch (link.kind) {
    case 'arxiv':
      return `arxiv:${link.id}`;
    case 'github':
      return `github:${link.owner.toLowerCase()}/${link.repo.toLowerCase()}`;
    default:
      return `page:${normalizedPage(link.url)}`;
  }
}

function normalizedPage(url: URL): string {
  if (!url.search) return `${hostOf(url)}${url.port ? ':' + url.port : ''}${url.pathname.replace(/\/+$/, '')}`;
  const params = [...url.searchParams].filter(([k]) => !/^utm_/i.test(k)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const query = params.length ? '?' + new URLSearchParams(params).toString() : '';
  const port = url.port ? ':' + url.port : '';
  return `${hostOf(url)}${port}${url.pathname.replace(/\/+$/, '')}${query}`;
}

/** The reference-list slot a link fills: the paper itself, its code, or its project page. */
export type ReferenceSlot = 'project' | 'github' | 'paper';

export function referenceSlotOf(input: string | PaperLink): ReferenceSlot | undefined {
  const link = typeof input === 'string' ? parsePaperLink(input) : input;
  if (!link) return undefined;
  if (link.kind === 'arxiv' || link.kind === 'paper') return 'paper';
  // A GitHub user or organisation page is no repository, but the reader still lands on GitHub.
  if (link.kind === 'project' && link.host === 'github.com') return 'github';
  return link.kind;
}

/** The canonical pages of an arXiv paper, in each form a newsletter links to. */
export function arxivUrl(id: string, form: 'abs' | 'pdf' | 'html' = 'abs', version = ''): string {
  return `https://arxiv.org/${form}/${id}${version}`;
}
