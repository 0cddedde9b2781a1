/**
 * The host's `fetch` (service/host.ts) for hover previews, on the one request layer (http/httpClient.ts):
 * the address guard of `weekly.network.allowPrivateHosts`, one 3 s deadline for the whole request
 * (redirects included), at most 3 redirects, at most 1 MB read; failures are RequestFailure codes the
 * hover words in the user's language.
 */
import type { FetchedResponse, Fetcher } from '../service/linkPreview/previewService';
import { createHttpClient } from './http/httpClient';

export interface HttpFetcherOptions {
  timeoutMs?: number;
  maxBytes?: number;
  maxRedirects?: number;
  /** Private or loopback hosts previews may be fetched from (read at each request: settings change). */
  allowPrivateHosts?: readonly string[] | (() => readonly string[]);
}

export function createHttpFetcher(options: HttpFetcherOptions = {}): Fetcher {
  const client = createHttpClient({
    timeoutMs: options.timeoutMs ?? 3000,
    maxBytes: options.maxBytes ?? 1024 * 1024,
    maxRedirects: options.maxRedirects ?? 3,
    allowPrivateHosts: options.allowPrivateHosts ?? [],
    userAgent: 'weekly-issues-vscode (link previews)',
  });
  return {
    async fetch(url: string, accept: string): Promise<FetchedResponse> {
      const res = await client.request({ url, accept });
      return { status: res.status, url: res.url, contentType: res.contentType, body: res.body };
    },
  };
}
