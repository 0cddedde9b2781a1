/**
 * Manners on top of the request layer, the same for hovers, lookups and link checks: a 429 or 503 with a
 * `Retry-After` the caller can afford is waited out (bounded) and retried; one it cannot afford is a
 * failure that says so. A pacer keeps at least `intervalMs` between the starts of requests to one service
 * (arXiv asks for one request every 3 s).
 */
import { RequestFailure, type HttpClient, type HttpRequest, type HttpResponse } from './request';

export interface PoliteOptions {
  /** The longest single wait honoured; a longer Retry-After gives up at once. */
  maxWaitMs: number;
  /** Retries after a 429/503 at most. */
  retries: number;
  sleep?(ms: number): Promise<void>;
  now?(): number;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Retry-After in seconds or as an HTTP date; absent or unreadable: undefined. */
export function retryAfterMs(value: string | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

export function withRetryAfter(client: HttpClient, options: PoliteOptions): HttpClient {
  const sleep = options.sleep ?? realSleep;
  const now = options.now ?? Date.now;
  return {
    async request(req: HttpRequest): Promise<HttpResponse> {
      for (let attempt = 0; ; attempt++) {
        const res = await client.request(req);
        if (res.status !== 429 && res.status !== 503) return res;
        const wait = retryAfterMs(res.headers['retry-after'], now());
        // A 503 without Retry-After is an answer (the link checker calls it unverified); a 429 is a refusal.
        if (wait === undefined) {
          if (res.status === 503) return res;
          throw new RequestFailure('rate-limited', { host: hostOf(req.url), status: res.status });
        }
        if (attempt >= options.retries || wait > options.maxWaitMs) throw new RequestFailure('rate-limited', { host: hostOf(req.url), status: res.status }, `Retry-After ${wait} ms`);
        await sleep(wait);
      }
    },
  };
}

/** At most one request start per `intervalMs`, in order. */
export function createPacer(intervalMs: number, options: Pick<PoliteOptions, 'sleep' | 'now'> = {}): <T>(task: () => Promise<T>) => Promise<T> {
  const sleep = options.sleep ?? realSleep;
  const now = options.now ?? Date.now;
  let nextStart = 0;
  let chain: Promise<unknown> = Promise.resolve();
  return <T>(task: () => Promise<T>) => {
    const run = chain.then(async () => {
      const wait = nextStart - now();
      if (wait > 0) await sleep(wait);
      nextStart = now() + intervalMs;
    });
    chain = run.catch(() => undefined);
    return run.then(task);
  };
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
