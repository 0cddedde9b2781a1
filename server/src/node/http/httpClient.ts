/**
 * Every outgoing request of the extension and the CLI (hover previews, paper lookups, link checks) goes
 * through here. On Node's http/https rather than fetch: the address guard must see the address a host name
 * resolves to at connect time (a `lookup` hook; fetch has none without the undici package), and the header
 * size, the decompressed-body cap and the deadline must hold against servers that misbehave on purpose
 * (gzip bombs, endless or dripping bodies, huge headers, loops, resets, silence).
 */
import * as http from 'http';
import * as https from 'https';
import * as dns from 'dns';
import * as net from 'net';
import * as zlib from 'zlib';
import type { Readable } from 'stream';
import { RequestFailure, formatBytes, type HttpClient, type HttpRequest, type HttpResponse, type HttpRedirect } from '../../service/network/request';
import { checkAddress, isMetadataHost, type AddressPolicy } from './addressGuard';
import { createHostLimiter, type HostLimiter } from './hostLimiter';

export interface HttpClientOptions {
  /** Private or loopback hosts requests may go to (names, addresses, CIDR ranges); a function is read per request. */
  allowPrivateHosts?: readonly string[] | (() => readonly string[]);
  timeoutMs?: number;
  maxBytes?: number;
  maxRedirects?: number;
  /** Response header bytes at most (Node's default is 16 KB). */
  maxHeaderBytes?: number;
  userAgent?: string;
  /** Requests in flight at once, in all and per host. */
  concurrency?: { total: number; perHost: number };
  /** Name resolution; tests and the guard's unit tests pass their own. */
  lookup?: typeof dns.lookup;
}

const REDIRECT = new Set([301, 302, 303, 307, 308]);
type Lookup = typeof dns.lookup;

export function createHttpClient(options: HttpClientOptions = {}): HttpClient {
  const defaults = {
    timeoutMs: options.timeoutMs ?? 10_000,
    maxBytes: options.maxBytes ?? 1024 * 1024,
    maxRedirects: options.maxRedirects ?? 5,
  };
  const allowed = options.allowPrivateHosts ?? [];
  const policy = (): AddressPolicy => ({ allowPrivateHosts: typeof allowed === 'function' ? allowed() : allowed });
  const limiter: HostLimiter = createHostLimiter(options.concurrency ?? { total: 8, perHost: 2 });
  const baseLookup: Lookup = options.lookup ?? dns.lookup;

  return {
    request(req) {
      const host = safeHost(req.url);
      return limiter.run(host, () => send(req));
    },
  };

  async function send(req: HttpRequest): Promise<HttpResponse> {
    const timeoutMs = req.timeoutMs ?? defaults.timeoutMs;
    const maxRedirects = req.maxRedirects ?? defaults.maxRedirects;
    const deadline = AbortSignal.timeout(timeoutMs);
    const redirects: HttpRedirect[] = [];
    const seen = new Set<string>();
    let current = req.url;
    for (;;) {
      const url = parseHttp(current);
      if (seen.has(url.href)) throw new RequestFailure('redirect-loop');
      seen.add(url.href);
      const answer = await once(url, req, deadline, timeoutMs);
      if (REDIRECT.has(answer.status) && answer.location === undefined) throw new RequestFailure('redirect-without-location');
      if (REDIRECT.has(answer.status)) {
        if (redirects.length >= maxRedirects) throw new RequestFailure('too-many-redirects', { count: maxRedirects });
        let next: string;
        try {
          next = new URL(answer.location!, url).href;
        } catch {
          throw new RequestFailure('redirect-without-location');
        }
        redirects.push({ status: answer.status, from: url.href, to: next });
        current = next;
        continue;
      }
      return { status: answer.status, url: url.href, redirects, headers: answer.headers, contentType: answer.headers['content-type'] ?? '', body: answer.body };
    }
  }

  /** One hop: connect (guarded), send, read at most maxBytes of the decoded body. */
  function once(url: URL, req: HttpRequest, deadline: AbortSignal, timeoutMs: number) {
    const maxBytes = req.maxBytes ?? defaults.maxBytes;
    const hostname = url.hostname.replace(/^\[|\]$/g, '');
    // An address literal never reaches `lookup`, and a metadata name may not resolve here: check both first.
    if (net.isIP(hostname)) guard(hostname, hostname);
    else if (isMetadataHost(hostname)) guard(hostname, '0.0.0.0');
    const lookup = ((name: string, opts: dns.LookupOptions, cb: (...a: unknown[]) => void) => {
      baseLookup(name, { ...opts, all: true }, (err, addresses) => {
        if (err) return cb(err);
        const list = addresses as unknown as dns.LookupAddress[];
        try {
          for (const a of list) guard(name, a.address);
        } catch (refusal) {
          return cb(refusal);
        }
        if (opts.all) cb(null, list);
        else cb(null, list[0].address, list[0].family);
      });
    }) as unknown as Lookup;
    const mod = url.protocol === 'https:' ? https : http;
    return new Promise<{ status: number; location?: string; headers: Record<string, string>; body: string }>((resolve, reject) => {
      let settled = false;
      const fail = (err: unknown) => {
        if (settled) return;
        settled = true;
        request.destroy();
        reject(toFailure(err, url, timeoutMs));
      };
      const onAbort = () => fail(new RequestFailure('timeout', { seconds: timeoutMs / 1000 }));
      if (deadline.aborted) return onAbort();
      deadline.addEventListener('abort', onAbort, { once: true });
      const request = mod.request(url, {
        method: req.method ?? 'GET',
        // No keep-alive pool: a socket a hostile server half-closed must not be handed to the next request.
        agent: false,
        lookup,
        maxHeaderSize: options.maxHeaderBytes ?? 64 * 1024,
        headers: {
          accept: req.accept ?? '*/*',
          'accept-encoding': 'gzip, deflate, br',
          'user-agent': options.userAgent ?? 'weekly-issues (+https://github.com/weekly-issues/weekly-issues)',
          ...req.headers,
        },
      });
      request.on('error', fail);
      request.on('response', (res) => {
        const headers = flatHeaders(res.headers);
        const status = res.statusCode ?? 0;
        if (REDIRECT.has(status) || req.method === 'HEAD' || req.readBody === false) {
          res.resume();
          settled = true;
          deadline.removeEventListener('abort', onAbort);
          request.destroy();
          return resolve({ status, location: headers.location, headers, body: '' });
        }
        const declared = Number(headers['content-length']);
        if (declared > maxBytes && !headers['content-encoding']) return fail(new RequestFailure('too-large', { size: formatBytes(maxBytes) }));
        readBody(res, headers['content-encoding'], maxBytes).then(
          (body) => {
            if (settled) return;
            settled = true;
            deadline.removeEventListener('abort', onAbort);
            resolve({ status, headers, body: decodeText(body, headers['content-type']) });
          },
          fail,
        );
      });
      request.end();
    });
  }

  function guard(host: string, address: string): void {
    const verdict = checkAddress(policy(), host, address);
    if (!verdict.allowed) throw new RequestFailure('address-refused', { host, ...(verdict.forbidden ? { forbidden: 1 } : {}) }, `${address} is ${verdict.cls}`);
  }
}

function parseHttp(text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new RequestFailure('scheme', { scheme: text.split(':')[0] || text });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new RequestFailure('scheme', { scheme: url.protocol });
  return url;
}

function safeHost(text: string): string {
  try {
    return new URL(text).host.toLowerCase();
  } catch {
    return '';
  }
}

function flatHeaders(headers: http.IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) if (v !== undefined) out[k] = Array.isArray(v) ? v.join(', ') : v;
  return out;
}

/** Streams the body through the decoder it is compressed with, and stops at `maxBytes` decoded. */
function readBody(res: http.IncomingMessage, encoding: string | undefined, maxBytes: number): Promise<Buffer> {
  const enc = (encoding ?? '').trim().toLowerCase();
  let stream: Readable = res;
  if (enc === 'gzip' || enc === 'x-gzip') stream = res.pipe(zlib.createGunzip());
  else if (enc === 'deflate') stream = res.pipe(zlib.createInflate());
  else if (enc === 'br') stream = res.pipe(zlib.createBrotliDecompress());
  else if (enc && enc !== 'identity') return Promise.reject(new RequestFailure('bad-encoding'));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let total = 0;
    let done = false;
    // The first reason wins: destroying the streams below emits their own errors.
    const stop = (err: unknown) => {
      if (done) return;
      done = true;
      reject(err);
      res.destroy();
      if (stream !== res) stream.destroy();
    };
    stream.on('data', (chunk: Buffer) => {
      total += chunk.length;
      if (total > maxBytes) return stop(new RequestFailure('too-large', { size: formatBytes(maxBytes) }));
      chunks.push(chunk);
    });
    stream.on('end', () => {
      if (done) return;
      done = true;
      resolve(Buffer.concat(chunks));
    });
    stream.on('error', (err: NodeJS.ErrnoException) => stop(err.code?.startsWith('Z_') ? new RequestFailure('bad-encoding') : err));
    res.on('aborted', () => stop(new RequestFailure('reset')));
    res.on('error', stop);
  });
}

/** The body as text: the charset the server names when the runtime knows it, else UTF-8; bad bytes become U+FFFD. */
function decodeText(body: Buffer, contentType: string | undefined): string {
  const charset = /charset=["']?([\w-]+)/i.exec(contentType ?? '')?.[1];
  try {
    return new TextDecoder(charset ?? 'utf-8').decode(body);
  } catch {
    return new TextDecoder('utf-8').decode(body);
  }
}

function toFailure(err: unknown, url: URL, timeoutMs: number): RequestFailure {
  if (err instanceof RequestFailure) return err;
  const e = err as NodeJS.ErrnoException & { cause?: unknown };
  if (e?.cause instanceof RequestFailure) return e.cause;
  const host = url.hostname;
  switch (e?.code) {
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new RequestFailure('unknown-host', { host }, e.code);
    case 'ECONNREFUSED':
      return new RequestFailure('refused', { host }, e.code);
    case 'ECONNRESET':
    case 'EPIPE':
    case 'ERR_STREAM_PREMATURE_CLOSE':
      return new RequestFailure('reset', {}, e.code);
    case 'HPE_HEADER_OVERFLOW':
      return new RequestFailure('headers-too-large', {}, e.code);
    case 'ETIMEDOUT':
      return new RequestFailure('timeout', { seconds: timeoutMs / 1000 }, e.code);
    default:
      if (e?.code?.startsWith('HPE_')) return new RequestFailure('unreachable', { host }, e.code);
      if (e?.message === 'aborted') return new RequestFailure('reset', {}, 'aborted');
      return new RequestFailure('unreachable', { host }, e?.message ?? String(err));
  }
}
