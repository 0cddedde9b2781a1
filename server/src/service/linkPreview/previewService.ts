/**
 * Web previews for hovers: which request a link needs (arXiv's API for arXiv papers, GitHub's REST API
 * for repositories, the page itself for anything else), a cache in memory and on disk with a
 * time-to-live, and a reason whenever there is no preview. The HTTP itself is the host's `fetch`
 * (server/src/node/httpFetcher.ts on the request layer: the address guard, 3 s, 1 MB, 3 redirects).
 */
import { classifyUrl } from './classify';
import { parseGithubRepo, type GithubPreview } from './githubRepo';
import type { ArxivPreview, PagePreview } from './parse';
import type { FetchedResponse, ServiceHost } from '../host';
import { describeRequestFailure } from '../network/request';
import { registerMessages, type Translate } from '../util/l10n';

/**
 * The parsers, loaded with the first answer to read: they hold an HTML parser (parse5), which the bundled
 * server keeps in dist/render.js (esbuild.mjs), so a session without hover previews never loads it.
 */
export const parsers = () => import('./parse');

export type { FetchedResponse } from '../host';

/** The link previews' view of the host (host.ts): its HTTP, and its clock for the time-to-live. */
export type Fetcher = Required<Pick<ServiceHost, 'fetch'>> & Pick<ServiceHost, 'now'>;

export interface StoredPreview {
  at: number;
  preview: Preview;
}

/** The on-disk part of the cache (the host decides where). */
export interface PreviewStore {
  read(key: string): Promise<StoredPreview | undefined>;
  write(key: string, value: StoredPreview): Promise<void>;
}

export interface PreviewSettings {
  /** arXiv's query API, `https://export.arxiv.org/api/query`. */
  arxivApiUrl: string;
  /** GitHub's REST API root, `https://api.github.com`. */
  githubApiUrl: string;
  /** How long a fetched preview is reused. */
  ttlMs: number;
}

export const defaultPreviewSettings: PreviewSettings = {
  arxivApiUrl: 'https://export.arxiv.org/api/query',
  githubApiUrl: 'https://api.github.com',
  ttlMs: 24 * 60 * 60 * 1000,
};

export type Preview =
  | { source: 'page'; url: string; page: PagePreview }
  | { source: 'arxiv'; id: string; arxiv: ArxivPreview }
  | { source: 'github'; repo: string; github: GithubPreview };

/** Why there is no preview, worded by `describePreviewFailure` in the user's language. */
export type PreviewFailure =
  | { kind: 'request'; error: unknown }
  | { kind: 'status'; host: string; status: number }
  | { kind: 'empty'; source: 'arxiv' | 'github' | 'page'; id?: string }
  | { kind: 'notHttp' };

export type PreviewResult = { preview: Preview; cached: boolean } | { failure: PreviewFailure };

const P = registerMessages({
  'preview.status': { en: '{host} answered HTTP {status}', zh: '{host} 返回了 HTTP {status}' },
  'preview.empty.arxiv': { en: "arXiv's API knows no paper {id}", zh: 'arXiv 的 API 中没有论文 {id}' },
  'preview.empty.github': { en: 'GitHub answered without repository details', zh: 'GitHub 的应答中没有仓库信息' },
  'preview.empty.page': { en: 'the page has no title or description', zh: '该页面没有标题或描述' },
  'preview.notHttp': { en: 'only http(s) links have previews', zh: '只有 http(s) 链接有预览' },
});

/** One short reason, in words (no error codes): the request layer's wording for failed requests. */
export function describePreviewFailure(failure: PreviewFailure, t: Translate): string {
  switch (failure.kind) {
    case 'request':
      return describeRequestFailure(failure.error, t);
    case 'status':
      return t(P['preview.status'], { host: failure.host, status: failure.status });
    case 'empty':
      return t(P[`preview.empty.${failure.source}` as const], { id: failure.id ?? '' });
    case 'notHttp':
      return t(P['preview.notHttp']);
  }
}

/** Failures are remembered briefly (in memory only), so a dead link is not fetched on every hover. */
const FAILURE_TTL_MS = 60_000;
/** Previews and failures kept in memory (the disk store keeps previews beyond it): a day of hovers over typed-over links stays bounded. */
const MEMORY_ENTRIES = 500;

export class LinkPreviewService {
  private readonly memory = new Map<string, { at: number; result: PreviewResult }>();
  private readonly inflight = new Map<string, Promise<PreviewResult>>();

  constructor(
    private readonly fetcher: Fetcher,
    private readonly settings: () => PreviewSettings = () => defaultPreviewSettings,
    private readonly store?: PreviewStore,
  ) {}

  private now(): number {
    return this.fetcher.now?.() ?? Date.now();
  }

  async get(url: string): Promise<PreviewResult> {
    const request = this.requestFor(url);
    if (!request) return { failure: { kind: 'notHttp' } };
    const settings = this.settings();
    const hit = this.memory.get(request.key);
    if (hit) {
      const ttl = 'preview' in hit.result ? settings.ttlMs : FAILURE_TTL_MS;
      if (this.now() - hit.at < ttl) return 'preview' in hit.result ? { preview: hit.result.preview, cached: true } : hit.result;
    }
    const running = this.inflight.get(request.key);
    if (running) return running;
    const work = this.load(request, settings).finally(() => this.inflight.delete(request.key));
    this.inflight.set(request.key, work);
    return work;
  }

  private async load(request: PreviewRequest, settings: PreviewSettings): Promise<PreviewResult> {
    const stored = await this.store?.read(request.key).catch(() => undefined);
    if (stored && this.now() - stored.at < settings.ttlMs) {
      this.remember(request.key, { at: stored.at, result: { preview: stored.preview, cached: true } });
      return { preview: stored.preview, cached: true };
    }
    let result: PreviewResult;
    try {
      const response = await this.fetcher.fetch(request.url, request.accept);
      if (response.status < 200 || response.status >= 300) result = { failure: { kind: 'status', host: hostOf(request.url), status: response.status } };
      else {
        const preview = await request.read(response);
        result = preview ? { preview, cached: false } : { failure: request.empty };
      }
    } catch (err) {
      result = { failure: { kind: 'request', error: err } };
    }
    const at = this.now();
    this.remember(request.key, { at, result });
    if ('preview' in result) await this.store?.write(request.key, { at, preview: result.preview }).catch(() => undefined);
    return result;
  }

  /** Newest last (a Map keeps insertion order): past the bound, the oldest entries go first. */
  private remember(key: string, entry: { at: number; result: PreviewResult }): void {
    this.memory.delete(key);
    this.memory.set(key, entry);
    for (const old of this.memory.keys()) {
      if (this.memory.size <= MEMORY_ENTRIES) break;
      this.memory.delete(old);
    }
  }

  private requestFor(url: string): PreviewRequest | undefined {
    const kind = classifyUrl(url);
    const settings = this.settings();
    switch (kind.kind) {
      case 'arxiv': {
        const api = `${settings.arxivApiUrl}?id_list=${encodeURIComponent(kind.id + (kind.version ?? ''))}`;
        return {
          key: `arxiv:${api}`,
          url: api,
          accept: 'application/atom+xml',
          empty: { kind: 'empty', source: 'arxiv', id: kind.id },
          read: async (r) => {
            const arxiv = await (await parsers()).parseArxivFeed(r.body);
            return arxiv && { source: 'arxiv', id: kind.id, arxiv };
          },
        };
      }
      case 'github': {
        const api = `${settings.githubApiUrl.replace(/\/+$/, '')}/repos/${encodeURIComponent(kind.owner)}/${encodeURIComponent(kind.repo)}`;
        return {
          key: `github:${api}`,
          url: api,
          accept: 'application/vnd.github+json',
          empty: { kind: 'empty', source: 'github' },
          read: (r) => {
            const github = parseGithubRepo(r.body);
            return github && { source: 'github', repo: `${kind.owner}/${kind.repo}`, github };
          },
        };
      }
      case 'page':
        return {
          key: `page:${url}`,
          url,
          accept: 'text/html,application/xhtml+xml',
          empty: { kind: 'empty', source: 'page' },
          read: async (r) => {
            if (!/html|xml/i.test(r.contentType)) return undefined;
            const page = await (await parsers()).parseOpenGraph(r.body, r.url);
            return page.title || page.description ? { source: 'page', url: r.url, page } : undefined;
          },
        };
      default:
        return undefined;
    }
  }
}

interface PreviewRequest {
  key: string;
  url: string;
  accept: string;
  /** Why there is no preview when the answer holds none. */
  empty: PreviewFailure;
  read(response: FetchedResponse): Preview | undefined | Promise<Preview | undefined>;
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
