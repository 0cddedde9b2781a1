/**
 * Is a link alive? HEAD first, GET where HEAD is refused; redirects followed by the request layer (which
 * records them); GitHub repositories through GitHub's API when a token is set; arXiv at arXiv's pace.
 * A verdict is never "dead" unless the server or the name service says so plainly (404, 410, unknown host,
 * refused connection, a redirect loop): rate limits, 5xx, 401/403 and timeouts are "unverified".
 * Verdicts are cached (the host's disk cache), longer for good news than for bad.
 */
import { parsePaperLink } from '../links/paperLink';
import { RequestFailure, describeRequestFailure, type HttpClient, type HttpResponse, type RequestFailureCode } from '../network/request';
import type { Translate } from '../util/l10n';

export type LinkStatus =
  | { state: 'ok'; status: number }
  | { state: 'moved'; status: number; to: string }
  | { state: 'dead'; reason: string; status?: number; failure?: RequestFailureCode }
  | { state: 'unverified'; reason: string; status?: number; failure?: RequestFailureCode };

export interface LinkCache {
  read<T>(kind: string, key: string): Promise<{ at: number; value: T } | undefined>;
  write<T>(kind: string, key: string, value: T): Promise<void>;
}

export interface LinkCheckDeps {
  client: HttpClient;
  t: Translate;
  timeoutMs: number;
  cache?: LinkCache;
  /** `--no-cache`: neither read nor write the cache. */
  noCache?: boolean;
  now?(): number;
  githubApiUrl: string;
  githubToken?: string;
  arxivPace?<T>(task: () => Promise<T>): Promise<T>;
}

/** How long a verdict is trusted: success a week, a move a week, death a day, doubt an hour. */
export const LINK_TTL_MS: Record<LinkStatus['state'], number> = { ok: 7 * 86400_000, moved: 7 * 86400_000, dead: 86400_000, unverified: 3600_000 };

const PERMANENT = new Set([301, 308]);
/** The message key of an HTTP status as a reason (registered in linkFindings.ts). */
const LINK_REASON_STATUS = 'link.reason.status';
/** Statuses some servers give HEAD (and only HEAD) wrongly: asked again with GET. */
const HEAD_REFUSED = new Set([400, 403, 404, 405, 501]);

export async function checkLink(url: string, deps: LinkCheckDeps): Promise<{ status: LinkStatus; fromCache: boolean }> {
  const now = deps.now ?? Date.now;
  if (!deps.noCache) {
    const hit = await deps.cache?.read<LinkStatus>('link', url).catch(() => undefined);
    if (hit && now() - hit.at < LINK_TTL_MS[hit.value.state]) return { status: hit.value, fromCache: true };
  }
  const status = await freshStatus(url, deps);
  if (!deps.noCache) await deps.cache?.write('link', url, status).catch(() => undefined);
  return { status, fromCache: false };
}

async function freshStatus(url: string, deps: LinkCheckDeps): Promise<LinkStatus> {
  const link = parsePaperLink(url);
  try {
    if (link?.kind === 'github' && deps.githubToken && !/\/(blob|tree)\//.test(link.url.pathname)) return await viaGithubApi(link.owner, link.repo, deps);
    const send = (method: 'HEAD' | 'GET') => deps.client.request({ url, method, readBody: false, timeoutMs: deps.timeoutMs, maxRedirects: 5, accept: 'text/html,application/xhtml+xml,*/*;q=0.8' });
    const paced = <T>(task: () => Promise<T>) => (link?.kind === 'arxiv' && deps.arxivPace ? deps.arxivPace(task) : task());
    let res = await paced(() => send('HEAD'));
    if (HEAD_REFUSED.has(res.status)) res = await paced(() => send('GET'));
    return verdict(res, deps.t);
  } catch (err) {
    return failureVerdict(err, deps.t);
  }
}

async function viaGithubApi(owner: string, repo: string, deps: LinkCheckDeps): Promise<LinkStatus> {
  const api = `${deps.githubApiUrl.replace(/\/+$/, '')}/repos/${encodeURIComponent(owner)}/${encodeURIComponent(repo)}`;
  const res = await deps.client.request({ url: api, accept: 'application/vnd.github+json', headers: { authorization: `Bearer ${deps.githubToken}` }, timeoutMs: deps.timeoutMs });
  if (res.status === 200) {
    // A renamed or transferred repository answers (after GitHub's redirect) with its new name.
    let full: string | undefined;
    try {
      full = (JSON.parse(res.body) as { full_name?: string }).full_name;
    } catch {
      full = undefined;
    }
    if (full && full.toLowerCase() !== `${owner}/${repo}`.toLowerCase()) return { state: 'moved', status: 301, to: `https://github.com/${full}` };
    return { state: 'ok', status: 200 };
  }
  return verdict({ ...res, redirects: [] }, deps.t);
}

function verdict(res: HttpResponse, t: Translate): LinkStatus {
  const s = res.status;
  if (s >= 200 && s < 300) {
    // Moved when every hop was permanent; a temporary hop (login pages, mirrors, A/B) is no new address.
    if (res.redirects.length > 0 && res.redirects.every((r) => PERMANENT.has(r.status))) return { state: 'moved', status: res.redirects[0].status, to: res.url };
    return { state: 'ok', status: s };
  }
  const reason = t(LINK_REASON_STATUS, { status: s });
  if (s === 404 || s === 410) return { state: 'dead', status: s, reason };
  return { state: 'unverified', status: s, reason };
}

function failureVerdict(err: unknown, t: Translate): LinkStatus {
  const reason = describeRequestFailure(err, t);
  const failure = err instanceof RequestFailure ? err.code : undefined;
  if (failure && ['unknown-host', 'refused', 'redirect-loop', 'too-many-redirects', 'scheme', 'redirect-without-location'].includes(failure)) return { state: 'dead', reason, failure };
  return { state: 'unverified', reason, failure };
}
