/**
 * The host's `fetch` (service/host.ts) on Node's fetch: http(s) only, one 3 s deadline for the whole request
 * (redirects included), at most 3 redirects (each one checked for http(s) again), and at most 1 MB read:
 * the body is streamed and dropped once it grows past the cap.
 */
import type { FetchedResponse, Fetcher } from '../service/linkPreview/previewService';
import { RequestFailure } from '../service/network/request';

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
          if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new RequestFailure('scheme', { scheme: parsed.protocol });
          const response = await fetch(parsed, {
            redirect: 'manual',
            signal,
            headers: { accept, 'user-agent': 'weekly-issues-vscode (link previews)' },
          });
          if (REDIRECTS.has(response.status)) {
            await response.body?.cancel();
            const location = response.headers.get('location');
            if (!location) throw new RequestFailure('redirect-without-location');
            if (hop >= maxRedirects) throw new RequestFailure('too-many-redirects', { count: maxRedirects });
            current = new URL(location, current).href;
            continue;
          }
          const body = await readCapped(response, maxBytes);
          return { status: response.status, url: current, contentType: response.headers.get('content-type') ?? '', body };
        }
      } catch (err) {
        throw toRequestFailure(err, timeoutMs, current);
      }
    },
  };
}

async function readCapped(response: Response, maxBytes: number): Promise<string> {
  const declared = Number(response.headers.get('content-length'));
  if (declared > maxBytes) {
    await response.body?.cancel();
    throw new RequestFailure('too-large', { size: formatBytes(maxBytes) });
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
      throw new RequestFailure('too-large', { size: formatBytes(maxBytes) });
    }
    chunks.push(value);
  }
  return new TextDecoder('utf-8').decode(Buffer.concat(chunks));
}

/** Node's fetch errors as the request layer's codes (network/request.ts words them in en/zh). */
function toRequestFailure(err: unknown, timeoutMs: number, url: string): RequestFailure {
  if (err instanceof RequestFailure) return err;
  const e = err as Error & { cause?: { code?: string; message?: string } };
  let host = url;
  try {
    host = new URL(url).host;
  } catch {
    // keep the URL as written
  }
  if (e?.name === 'TimeoutError' || e?.name === 'AbortError') return new RequestFailure('timeout', { seconds: timeoutMs / 1000 });
  const code = e?.cause?.code;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return new RequestFailure('unknown-host', { host }, code);
  if (code === 'ECONNREFUSED') return new RequestFailure('refused', { host }, code);
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET') return new RequestFailure('reset', {}, code);
  return new RequestFailure('unreachable', { host }, e?.cause?.message ?? e?.message);
}

function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${n / (1024 * 1024)} MB` : `${Math.round(n / 1024)} KB`;
}
