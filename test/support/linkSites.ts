/**
 * Link targets on 127.0.0.1 for the link checker, one path per answer a real site gives: 200, a permanent
 * and a temporary redirect, 404, 410, 429 with Retry-After: 1, 503, a server refusing HEAD, a redirect loop,
 * a stall past the timeout. Counts requests per method and path, and the most in flight at once.
 */
import * as http from 'http';
import type { AddressInfo, Socket } from 'net';

export interface LinkSites {
  origin: string;
  counts: Map<string, number>;
  /** The most requests this server had in flight at once. */
  peakInFlight(): number;
  close(): Promise<void>;
}

export async function startLinkSites(): Promise<LinkSites> {
  const counts = new Map<string, number>();
  const sockets = new Set<Socket>();
  let inFlight = 0;
  let peak = 0;
  let origin = '';
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const key = `${req.method} ${url.pathname}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
    inFlight++;
    peak = Math.max(peak, inFlight);
    res.on('close', () => inFlight--);
    const send = (status: number, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'text/html', ...headers });
      res.end(req.method === 'HEAD' ? undefined : `<html><body>${status}</body></html>`);
    };
    const p = url.pathname;
    if (p === '/ok' || p.startsWith('/page/')) return void setTimeout(() => send(200), p.startsWith('/page/') ? 150 : 0);
    if (p === '/moved') return send(301, { location: `${origin}/ok` });
    if (p === '/moved-twice') return send(308, { location: '/moved' });
    if (p === '/temporary') return send(302, { location: '/ok' });
    if (p === '/gone') return send(410);
    if (p === '/limited') return send(429, { 'retry-after': '1' });
    if (p === '/down') return send(503);
    if (p === '/no-head') return req.method === 'HEAD' ? send(405, { allow: 'GET' }) : send(200);
    if (p === '/loop') return send(302, { location: '/loop2' });
    if (p === '/loop2') return send(301, { location: '/loop' });
    if (p === '/stall') return; // past any timeout
    send(404);
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    counts,
    peakInFlight: () => peak,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
