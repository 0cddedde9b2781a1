/**
 * A paper from its link: arXiv's API (title, abstract, authors, the comment's links), Hugging Face's paper
 * API (repository, project page, keywords), GitHub's REST API (description, homepage, the arXiv id its README
 * cites) and the project page's Open Graph image. Every answer is cached (the host's disk cache), arXiv is
 * paced and batched, and each failure becomes one line naming the service, so a flow can go on with what is
 * known. Pure: HTTP is the host's client.
 */
import { linksInText, arxivQueryUrl, type ArxivPaper } from './arxivFeed';
import { arxivIdsIn, parseGithubRepository, parseHuggingFacePaper, type GithubRepository, type HuggingFacePaper } from './paperSources';
import { parsePaperLink, referenceSlotOf, type PaperLink } from '../links/paperLink';
import { RequestFailure, describeRequestFailure, type HttpClient, type HttpResponse } from '../network/request';
import { registerMessages, type Translate } from '../util/l10n';

export interface LookupSettings {
  arxivApiUrl: string;
  huggingFaceApiUrl: string;
  githubApiUrl: string;
  /** Sent to GitHub's API as a bearer token when set (GITHUB_TOKEN). */
  githubToken?: string;
  /** Cache only, no request (`--offline`). */
  offline?: boolean;
  /** How long a cached answer is used. */
  ttlMs: number;
}

export interface LookupCache {
  read<T>(kind: string, key: string): Promise<{ at: number; value: T } | undefined>;
  write<T>(kind: string, key: string, value: T): Promise<void>;
}

export interface LookupDeps {
  client: HttpClient;
  settings: LookupSettings;
  t: Translate;
  cache?: LookupCache;
  now?(): number;
  /** Runs arXiv requests at arXiv's pace (createPacer(3000)). */
  arxivPace?<T>(task: () => Promise<T>): Promise<T>;
  /** The Atom reader, loaded lazily by the host's bundle (arxivFeed.ts). */
  parseArxivFeed(body: string): import('./arxivFeed').ArxivFeed;
  /** The Open Graph reader (linkPreview/parse.ts), lazily loaded too. */
  readOpenGraph(html: string, url: string): Promise<{ image?: string; title?: string }>;
  /** Cancellation: checked between requests. */
  cancelled?(): boolean;
}

export interface PaperFacts {
  /** What the editor gave. */
  input: string;
  link?: PaperLink;
  arxivId?: string;
  title?: string;
  abstract?: string;
  authors: string[];
  published?: string;
  links: { project?: string; github?: string; paper?: string };
  image?: string;
  /** Hugging Face's keywords and the repository's topics: hints for tag suggestions. */
  keywords: string[];
  repository?: GithubRepository;
  /** One line each, naming the service and why (already translated). */
  problems: string[];
}

const M = registerMessages({
  'lookup.failed': { en: '{service}: {reason}', zh: '{service}：{reason}' },
  'lookup.status': { en: 'the service answered HTTP {status}', zh: '服务返回 HTTP {status}' },
  'lookup.arxiv.error': { en: 'arXiv: {message}', zh: 'arXiv：{message}' },
  'lookup.arxiv.unknown': { en: 'arXiv knows no paper {id}', zh: 'arXiv 上没有论文 {id}' },
  'lookup.arxiv.unreadable': { en: 'arXiv: the answer is not a readable feed ({reason})', zh: 'arXiv：应答不是可读的 Atom 源（{reason}）' },
  'lookup.github.noPaper': { en: 'GitHub: {repo} names no arXiv paper in its description or README', zh: 'GitHub：{repo} 的简介和 README 中没有 arXiv 论文' },
  'lookup.notLink': { en: '"{input}" is not a link or an arXiv id', zh: '“{input}”不是链接，也不是 arXiv 编号' },
  'lookup.cancelled': { en: 'cancelled', zh: '已取消' },
});

const SERVICE = { arxiv: 'arXiv', hf: 'Hugging Face', github: 'GitHub', page: '' } as const;

export async function lookupPapers(inputs: readonly string[], deps: LookupDeps): Promise<PaperFacts[]> {
  const facts = inputs.map((input): PaperFacts => ({ input, authors: [], links: {}, keywords: [], problems: [] }));
  const get = cachedGetter(deps);
  const offlineSaid = new Set<PaperFacts>();
  const fail = (f: PaperFacts, service: string, err: unknown) => {
    // Offline, every service misses alike: said once per paper.
    if (err instanceof RequestFailure && err.code === 'offline-cache-miss') {
      if (offlineSaid.has(f)) return;
      offlineSaid.add(f);
    }
    const reason = err instanceof RequestFailure ? describeRequestFailure(err, deps.t) : (err as Error).message;
    f.problems.push(service ? deps.t(M['lookup.failed'], { service, reason }) : reason);
  };

  // 1. What each input is; GitHub repositories and project pages may lead to the paper.
  await Promise.all(
    facts.map(async (f) => {
      const link = parsePaperLink(f.input);
      f.link = link;
      if (!link) return void f.problems.push(deps.t(M['lookup.notLink'], { input: f.input }));
      if (link.kind === 'arxiv') f.arxivId = link.id;
      else if (link.kind === 'github') await fromGithub(f, link.owner, link.repo);
      else if (link.kind === 'project') await fromProjectPage(f, link.url.href, true);
      else f.links.paper = link.url.href;
    }),
  );

  // 2. arXiv, all ids in one paced request.
  const ids = [...new Set(facts.map((f) => f.arxivId).filter((id): id is string => !!id))];
  if (ids.length && !deps.cancelled?.()) {
    try {
      const papers = await arxivPapers(ids);
      for (const f of facts) {
        if (!f.arxivId) continue;
        const p = papers.get(f.arxivId);
        if (p) fromArxiv(f, p);
        else f.problems.push(deps.t(M['lookup.arxiv.unknown'], { id: f.arxivId }));
      }
    } catch (err) {
      for (const f of facts) {
        if (!f.arxivId) continue;
        if (err instanceof RequestFailure && err.code === 'offline-cache-miss') offlineSaid.add(f);
        f.problems.push(arxivProblem(err));
      }
    }
  }

  // 3. Hugging Face for the repository and project page; then the project page's image.
  await Promise.all(
    facts.map(async (f) => {
      if (f.arxivId && !deps.cancelled?.() && (!f.links.github || !f.links.project)) await fromHuggingFace(f, f.arxivId);
      if (f.links.project && !f.image && !deps.cancelled?.()) await fromProjectPage(f, f.links.project, false);
    }),
  );
  if (deps.cancelled?.()) for (const f of facts) f.problems.push(deps.t(M['lookup.cancelled']));
  return facts;

  async function arxivPapers(list: string[]): Promise<Map<string, ArxivPaper>> {
    const url = arxivQueryUrl(deps.settings.arxivApiUrl, list);
    // Only a feed with papers is worth keeping: an error entry or "Rate exceeded." is an answer of the moment.
    let feed: import('./arxivFeed').ArxivFeed | undefined;
    const res = await get(url, 'application/atom+xml', deps.arxivPace, (r) => (feed = deps.parseArxivFeed(r.body)).kind === 'entries' && feed.papers.length > 0);
    if (res.status !== 200) throw new RequestFailure('unreachable', { host: 'arXiv' }, `HTTP ${res.status}`);
    feed ??= deps.parseArxivFeed(res.body);
    if (feed.kind === 'rate-limited') throw new RequestFailure('rate-limited', { host: 'export.arxiv.org', status: 200 });
    if (feed.kind === 'unreadable') throw new Error(deps.t(M['lookup.arxiv.unreadable'], { reason: feed.reason }));
    if (feed.errors.length && !feed.papers.length) throw new Error(deps.t(M['lookup.arxiv.error'], { message: feed.errors[0] }));
    return new Map(feed.papers.map((p) => [p.id, p]));
  }

  function arxivProblem(err: unknown): string {
    if (err instanceof RequestFailure) return deps.t(M['lookup.failed'], { service: SERVICE.arxiv, reason: describeRequestFailure(err, deps.t) });
    return (err as Error).message;
  }

  function fromArxiv(f: PaperFacts, p: ArxivPaper) {
    f.title ??= p.title;
    f.abstract ??= p.abstract;
    f.authors = p.authors;
    f.published = p.published;
    // "Project page: https://…", "Code: https://github.com/…" in the comment or the abstract.
    for (const url of [...linksInText(p.comment), ...linksInText(p.abstract)]) place(f, url);
  }

  async function fromHuggingFace(f: PaperFacts, id: string) {
    const url = `${deps.settings.huggingFaceApiUrl.replace(/\/+$/, '')}/papers/${encodeURIComponent(id)}`;
    let hf: HuggingFacePaper | undefined;
    try {
      const res = await get(url, 'application/json');
      if (res.status === 404) return; // not every paper has a Hugging Face page: no problem to report
      if (res.status !== 200) throw new RequestFailure('unreachable', { host: 'huggingface.co' }, `HTTP ${res.status}`);
      hf = parseHuggingFacePaper(res.body);
    } catch (err) {
      return fail(f, SERVICE.hf, err);
    }
    if (!hf) return;
    f.title ??= hf.title;
    f.abstract ??= hf.summary;
    if (hf.githubRepo) place(f, hf.githubRepo);
    if (hf.projectPage) place(f, hf.projectPage);
    f.keywords.push(...hf.keywords);
  }

  async function fromGithub(f: PaperFacts, owner: string, repo: string) {
    const base = `${deps.settings.githubApiUrl.replace(/\/+$/, '')}/repos/${encodeURIComponent(owner)}/${encodeURIComponent(repo)}`;
    f.links.github = `https://github.com/${owner}/${repo}`;
    try {
      const res = await get(base, 'application/vnd.github+json');
      if (res.status !== 200) throw new RequestFailure('unreachable', { host: 'api.github.com' }, `HTTP ${res.status}`);
      const r = parseGithubRepository(res.body);
      if (!r) return;
      f.repository = r;
      f.links.github = `https://github.com/${r.owner}/${r.repo}`;
      f.keywords.push(...r.topics);
      if (r.homepage) place(f, r.homepage);
      let ids = arxivIdsIn(r.description);
      if (!ids.length) {
        const readme = await get(`${base}/readme`, 'application/vnd.github.raw');
        if (readme.status === 200) ids = arxivIdsIn(readme.body);
        for (const url of linksInText(readme.status === 200 ? readme.body.slice(0, 20_000) : '')) if (referenceSlotOf(url) === 'project' && /project|page|\.github\.io/i.test(url)) place(f, url);
      }
      if (ids.length) f.arxivId = ids[0];
      else f.problems.push(deps.t(M['lookup.github.noPaper'], { repo: `${r.owner}/${r.repo}` }));
    } catch (err) {
      fail(f, SERVICE.github, err);
    }
  }

  async function fromProjectPage(f: PaperFacts, url: string, given: boolean) {
    if (given) f.links.project = url;
    try {
      const res = await get(url, 'text/html,application/xhtml+xml');
      if (res.status !== 200 || !/html|xml/i.test(res.contentType)) return;
      const og = await deps.readOpenGraph(res.body, res.url);
      if (og.image && /^https?:\/\//i.test(og.image)) f.image = og.image;
      if (given) {
        // A project page links to its paper and code.
        f.arxivId ??= arxivIdsIn(res.body)[0];
        const repo = res.body.match(/https?:\/\/github\.com\/[\w.-]+\/[\w.-]+/i)?.[0];
        if (repo) place(f, repo);
        f.title ??= og.title;
      }
    } catch (err) {
      if (given) fail(f, new URL(url).host, err);
    }
  }
}

/** A URL to its slot, when the slot is free; a paper host's URL never overrides the arXiv id. */
function place(f: PaperFacts, url: string) {
  const link = parsePaperLink(url);
  if (!link) return;
  if (link.kind === 'arxiv') return void (f.arxivId ??= link.id);
  const slot = referenceSlotOf(link);
  if (slot === 'github' && link.kind !== 'github') return; // a user page is no repository
  if (slot && !f.links[slot]) f.links[slot] = link.kind === 'github' ? `https://github.com/${link.owner}/${link.repo}` : url;
}

/** GET through the disk cache; offline reads the cache only. */
function cachedGetter(deps: LookupDeps) {
  const now = deps.now ?? Date.now;
  return async (url: string, accept: string, pace?: <T>(task: () => Promise<T>) => Promise<T>, worthKeeping?: (res: HttpResponse) => boolean): Promise<HttpResponse> => {
    const key = `${accept} ${url}`;
    const hit = await deps.cache?.read<HttpResponse>('lookup', key).catch(() => undefined);
    if (hit && (deps.settings.offline || now() - hit.at < deps.settings.ttlMs)) return hit.value;
    if (deps.settings.offline) throw new RequestFailure('offline-cache-miss');
    const headers: Record<string, string> = {};
    if (deps.settings.githubToken && url.startsWith(deps.settings.githubApiUrl)) headers.authorization = `Bearer ${deps.settings.githubToken}`;
    const send = () => deps.client.request({ url, accept, headers });
    const res = await (pace ? pace(send) : send());
    // Answers worth keeping: found and not found; never a failure of the moment (429, 5xx).
    const keep = res.status === 404 || (res.status === 200 && (worthKeeping?.(res) ?? true));
    if (keep) await deps.cache?.write('lookup', key, { ...res, headers: {} }).catch(() => undefined);
    return res;
  };
}
