/** What a web link is: a GitHub repository, an arXiv paper, or another page (a project page). */

export type LinkKind =
  | { kind: 'github'; owner: string; repo: string }
  | { kind: 'arxiv'; id: string; version?: string }
  | { kind: 'page'; host: string }
  | { kind: 'other' };

// Top-level GitHub paths that are not owners.
const GITHUB_RESERVED = new Set(['orgs', 'topics', 'features', 'marketplace', 'sponsors', 'settings', 'search', 'explore', 'about', 'collections', 'trending']);
// New-style (2504.12626) and old-style (cs/0112017) arXiv identifiers, with an optional version.
const ARXIV_PATH = /^\/(?:abs|pdf|html|format)\/((?:\d{4}\.\d{4,5})|(?:[a-z-]+(?:\.[A-Z]{2})?\/\d{7}))(v\d+)?(?:\.pdf)?\/?$/i;

export function classifyUrl(url: string): LinkKind {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return { kind: 'other' };
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return { kind: 'other' };
  const host = u.hostname.toLowerCase().replace(/^www\./, '');
  if (host === 'github.com') {
    const [owner, repo] = u.pathname.split('/').filter(Boolean);
    if (owner && repo && !GITHUB_RESERVED.has(owner.toLowerCase())) return { kind: 'github', owner, repo: repo.replace(/\.git$/, '') };
  }
  if (host === 'arxiv.org' || host === 'export.arxiv.org') {
    const m = u.pathname.match(ARXIV_PATH);
    if (m) return { kind: 'arxiv', id: m[1], version: m[2] };
  }
  return { kind: 'page', host };
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
