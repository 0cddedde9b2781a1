/**
 * Outgoing HTTP as the service sees it: one request shape for hovers, paper lookups and the link checker,
 * and failures as codes the service words in the user's language. The host does the I/O
 * (server/src/node/http/httpClient.ts); tests give it a stand-in on 127.0.0.1.
 */
import { registerMessages, type Translate } from '../util/l10n';

export interface HttpRequest {
  url: string;
  method?: 'GET' | 'HEAD';
  /** The Accept header. */
  accept?: string;
  headers?: Record<string, string>;
  /** Per request, redirects included; the client's default when absent. */
  timeoutMs?: number;
  /** Body bytes read at most (after decompression). */
  maxBytes?: number;
  maxRedirects?: number;
  /** false: answer with the status and headers only (a link check needs no body). */
  readBody?: boolean;
}

export interface HttpRedirect {
  status: number;
  from: string;
  to: string;
}

export interface HttpResponse {
  status: number;
  /** The final URL, after redirects. */
  url: string;
  redirects: HttpRedirect[];
  /** Header names in lower case. */
  headers: Record<string, string>;
  contentType: string;
  body: string;
}

export type RequestFailureCode =
  | 'timeout'
  | 'too-large'
  | 'headers-too-large'
  | 'address-refused'
  | 'unknown-host'
  | 'refused'
  | 'reset'
  | 'unreachable'
  | 'scheme'
  | 'redirect-loop'
  | 'too-many-redirects'
  | 'redirect-without-location'
  | 'bad-encoding'
  | 'rate-limited'
  | 'offline-cache-miss';

/** Why a request gave no answer; `detail` is for logs, never shown alone. */
export class RequestFailure extends Error {
  constructor(
    readonly code: RequestFailureCode,
    readonly params: Record<string, string | number> = {},
    detail?: string,
  ) {
    super(detail ? `${code}: ${detail}` : code);
    this.name = 'RequestFailure';
  }
}

export interface HttpClient {
  /** Resolves with any HTTP status; rejects only with a RequestFailure. */
  request(request: HttpRequest): Promise<HttpResponse>;
}

const M = registerMessages({
  'request.timeout': { en: 'no answer within {seconds} s', zh: '{seconds} 秒内没有应答' },
  'request.too-large': { en: 'answer larger than {size}', zh: '应答超过 {size}' },
  'request.headers-too-large': { en: 'the server sent headers larger than allowed', zh: '服务器发送的响应头过大' },
  'request.address-refused': {
    en: '{host} is a private or local address; requests go there only when it is listed in weekly.network.allowPrivateHosts',
    zh: '{host} 是私有或本机地址；只有列入 weekly.network.allowPrivateHosts 时才会向它发送请求',
  },
  'request.address-forbidden': { en: '{host} is a link-local or cloud metadata address; requests never go there', zh: '{host} 是链路本地或云元数据地址，不会向它发送请求' },
  'request.unknown-host': { en: 'offline, or the host {host} is unknown', zh: '处于离线状态，或主机 {host} 不存在' },
  'request.refused': { en: '{host} refused the connection', zh: '{host} 拒绝了连接' },
  'request.reset': { en: 'the connection was cut off before the answer ended', zh: '应答结束前连接被中断' },
  'request.unreachable': { en: '{host} cannot be reached', zh: '无法连接 {host}' },
  'request.scheme': { en: 'only http and https links are followed, not {scheme}', zh: '只跟随 http 和 https 链接，不跟随 {scheme}' },
  'request.redirect-loop': { en: 'the redirects go round in a loop', zh: '重定向形成了循环' },
  'request.too-many-redirects': { en: 'more than {count} redirects', zh: '重定向超过 {count} 次' },
  'request.redirect-without-location': { en: 'the server redirected without saying where', zh: '服务器要求重定向，但没有给出目标地址' },
  'request.bad-encoding': { en: 'the answer is compressed in a way that cannot be read', zh: '应答的压缩格式无法读取' },
  'request.rate-limited': { en: '{host} asks to wait (HTTP {status}); try again later', zh: '{host} 要求稍后再试（HTTP {status}）' },
  'request.offline-cache-miss': { en: 'not in the cache, and requests are off (--offline)', zh: '缓存中没有，且已关闭网络请求（--offline）' },
});

/** The one-line reason shown to the user, in their language. */
export function describeRequestFailure(err: unknown, t: Translate): string {
  if (!(err instanceof RequestFailure)) return t(M['request.unreachable'], { host: '?' });
  if (err.code === 'address-refused' && err.params.forbidden) return t(M['request.address-forbidden'], err.params);
  return t(M[`request.${err.code}` as const], err.params);
}

/** Bytes in words for messages: "1 MB", "512 KB". */
export function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${Math.round((n / (1024 * 1024)) * 10) / 10} MB` : `${Math.round(n / 1024)} KB`;
}
