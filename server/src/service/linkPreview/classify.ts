/** What a web link is for a hover: a GitHub repository, an arXiv paper, or another page (a project page). */
import { parsePaperLink, parseWebUrl } from '../links/paperLink';

export type LinkKind =
  | { kind: 'github'; owner: string; repo: string }
  | { kind: 'arxiv'; id: string; version?: string }
  | { kind: 'page'; host: string }
  | { kind: 'other' };

/** Reads the URL with the one link parser (../links/paperLink.ts); arXiv's own pages are previewed from its API. */
export function classifyUrl(url: string): LinkKind {
  const web = parseWebUrl(url.trim());
  if (!web || !/^https?:/i.test(url.trim())) return { kind: 'other' };
  const link = parsePaperLink(web.href);
  if (link?.kind === 'github') return { kind: 'github', owner: link.owner, repo: link.repo };
  if (link?.kind === 'arxiv' && (link.form === 'abs' || link.form === 'pdf' || link.form === 'html')) return { kind: 'arxiv', id: link.id, version: link.version };
  return { kind: 'page', host: web.hostname.toLowerCase().replace(/^www\./, '') };
}

export function describeKind(kind: LinkKind): string {
  switch (kind.kind) {
    case 'github':
      return `GitHub repository ${kind.owner}/${kind.repo}`;
    case 'arxiv':
      return `arXiv paper ${kind.id}${kind.version ?? ''}`;
    case 'page':
      return `Project page (${kind.host})`;
    default:
      return 'Link';
  }
}

/** The abstract, PDF and HTML pages of an arXiv paper. */
export function arxivLinks(id: string, version = ''): { abs: string; pdf: string; html: string } {
  return {
    abs: `https://arxiv.org/abs/${id}${version}`,
    pdf: `https://arxiv.org/pdf/${id}${version}`,
    html: `https://arxiv.org/html/${id}${version}`,
  };
}
