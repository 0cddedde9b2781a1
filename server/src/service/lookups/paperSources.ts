/**
 * What Hugging Face's paper API and GitHub's REST API say about a paper, read defensively: any field may
 * be missing, null, or of another type on a bad day, and then it is simply not known.
 */
import { parsePaperLink } from '../links/paperLink';

export interface HuggingFacePaper {
  id: string;
  title?: string;
  summary?: string;
  githubRepo?: string;
  projectPage?: string;
  keywords: string[];
}

export interface GithubRepository {
  owner: string;
  repo: string;
  description?: string;
  /** The repository's website, often the project page. */
  homepage?: string;
  topics: string[];
  stars?: number;
}

const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

function json(body: string): Record<string, unknown> | undefined {
  try {
    const data = JSON.parse(body) as unknown;
    return data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** `GET {huggingFaceApiUrl}/papers/{id}`; undefined when the answer is no paper. */
export function parseHuggingFacePaper(body: string): HuggingFacePaper | undefined {
  const data = json(body);
  const id = str(data?.id);
  if (!data || !id) return undefined;
  const web = (v: unknown) => {
    const s = str(v);
    return s && /^https?:\/\//i.test(s) ? s : undefined;
  };
  return {
    id,
    title: str(data.title),
    summary: str(data.summary),
    githubRepo: web(data.githubRepo),
    projectPage: web(data.projectPage),
    keywords: Array.isArray(data.ai_keywords) ? data.ai_keywords.filter((k): k is string => typeof k === 'string') : [],
  };
}

/** `GET {githubApiUrl}/repos/{owner}/{repo}`; undefined when the answer is no repository. */
export function parseGithubRepository(body: string): GithubRepository | undefined {
  const data = json(body);
  const full = str(data?.full_name);
  if (!data || !full || !full.includes('/')) return undefined;
  const [owner, repo] = full.split('/');
  const homepage = str(data.homepage);
  return {
    owner,
    repo,
    description: str(data.description),
    homepage: homepage && /^https?:\/\//i.test(homepage) ? homepage : homepage ? `https://${homepage}` : undefined,
    topics: Array.isArray(data.topics) ? data.topics.filter((t): t is string => typeof t === 'string') : [],
    stars: typeof data.stargazers_count === 'number' ? data.stargazers_count : undefined,
  };
}

/**
 * The arXiv paper a repository is about: the arXiv ids its description or README links to (or cites as
 * `arXiv:2504.12626`), the one named most often first. A README cites other papers too (related work, the
 * BibTeX of a baseline): the most frequent id is the best guess, and the caller says it guessed.
 */
export function arxivIdsIn(text: string | undefined): string[] {
  if (!text) return [];
  const counts = new Map<string, number>();
  const candidates = [
    ...(text.match(/https?:\/\/(?:www\.)?(?:arxiv\.org|alphaxiv\.org|huggingface\.co|hf\.co)\/(?:abs|pdf|html|papers|overview)\/[\w./-]+/gi) ?? []),
    ...(text.match(/arxiv[:\s]*\d{4}\.\d{4,5}(?:v\d+)?/gi) ?? []),
    ...(text.match(/10\.48550\/arxiv\.\d{4}\.\d{4,5}/gi) ?? []),
  ];
  for (const c of candidates) {
    const link = parsePaperLink(c.replace(/^arxiv[:\s]*/i, '').replace(/\.pdf$/i, '').replace(/[).,]+$/, ''));
    if (link?.kind === 'arxiv') counts.set(link.id, (counts.get(link.id) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([id]) => id);
}
