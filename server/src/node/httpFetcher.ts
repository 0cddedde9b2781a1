/**
 * The host's `fetch` (service/host.ts) on Node's fetch: http(s) only, one 3 s deadline for the whole request
 * (redirects included), at most 3 redirects (each one checked for http(s) again), and at most 1 MB read:
 * the body is streamed and dropped once it grows past the cap.
 */
import type { FetchedResponse, Fetcher } from '../service/linkPreview/previewService';

export interface HttpFetcherOptions {
  timeoutMs?: number;
  maxBytes?: number;
  maxRedirects?: number;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

export function createHttpFetcher(options: HttpFetcherOptions = {}): Fetcher {
  const timeoutMs = options.timeoutMs ?? 3000;
  const maxBytes = options.maxBytes ?? 1024 * 1024;
  const maxRedirects = options.maxRedirects ?? 3;
  return {
    async fetch(url: string, accept: string): Promise<FetchedResponse> {
      const signal = AbortSignal.timeout(timeoutMs);
      let current = url;
      try {
        for (let hop = 0; ; hop++) {
          const parsed = new URL(current);
          if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new Error(`only http(s) is fetched, not ${parsed.protocol}`);
          const response = await fetch(parsed, {
            redirect: 'manual',
            signal,
            headers: { accept, 'user-agent': 'weekly-issues-vscode (link previews)' },
          });
          if (REDIRECTS.has(response.status)) {
            await response.body?.cancel();
            const location = response.headers.get('location');
            if (!location) throw new Error(`the site redirected (HTTP ${response.status}) without saying where`);
            if (hop >= maxRedirects) throw new Error(`more than ${maxRedirects} redirects`);
            current = new URL(location, current).href;
            continue;
          }
          const body = await readCapped(response, maxBytes);
          return { status: response.status, url: current, contentType: response.headers.get('content-type') ?? '', body };
        }
      } catch (err) {
        throw new Error(describeFailure(err, timeoutMs));
      }
    },
  };
}

async function readCapped(response: Response, maxBytes: number): Promise<string> {
  const declared = Number(response.headers.get('content-length'));
  if (declared > maxBytes) {
    await response.body?.cancel();
    throw new Error(`the answer is larger than ${formatBytes(maxBytes)}`);
  }
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw new Error(`the answer is larger than ${formatBytes(maxBytes)}`);
    }
    chunks.push(value);
  }
  return new TextDecoder('utf-8').decode(Buffer.concat(chunks));
}

function describeFailure(err: unknown, timeoutMs: number): string {
  const e = err as Error & { cause?: { code?: string; message?: string } };
  if (e?.name === 'TimeoutError' || e?.name === 'AbortError') return `timed out after ${timeoutMs / 1000} s`;
  if (e?.message === 'fetch failed' || e instanceof TypeError) {
    const code = e.cause?.code;
    if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return `offline, or the host is unknown (${code})`;
    if (code) return `the site is unreachable (${code})`;
    return `the site is unreachable (${e.cause?.message ?? e.message})`;
  }
  return e?.message ?? String(err);
}

function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${n / (1024 * 1024)} MB` : `${Math.round(n / 1024)} KB`;
}
