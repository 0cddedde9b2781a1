/**
 * A web server on 127.0.0.1 that misbehaves on purpose, one path per way: what every component that sends
 * requests (hover previews, paper lookups, the link checker) must survive. Also counts requests per path.
 */
import * as http from 'http';
import * as zlib from 'zlib';
import type { AddressInfo, Socket } from 'net';

export interface HostileSites {
  origin: string;
  port: number;
  /** Requests seen per path (method + path). */
  counts: Map<string, number>;
  close(): Promise<void>;
}

/** One gzip member of 16 MB of zeros is ~16 KB; 64 members in a row inflate to 1 GB. */
let bombMember: Buffer | undefined;
const bomb = () => (bombMember ??= zlib.gzipSync(Buffer.alloc(16 * 1024 * 1024), { level: 9 }));

export async function startHostileSites(): Promise<HostileSites> {
  bomb(); // made before serving, so its cost is not counted against the client under test
  const counts = new Map<string, number>();
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  let origin = '';
  const later = (ms: number, fn: () => void) => {
    const t = setTimeout(() => {
      timers.delete(t);
      fn();
    }, ms);
    timers.add(t);
  };
  const server = http.createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    const key = `${req.method} ${path}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
    switch (path) {
      case '/ok':
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        return res.end('<html><head><title>OK</title></head><body>fine</body></html>');
      case '/gzip-bomb': {
        res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' });
        let sent = 0;
        const more = () => {
          while (sent < 64) {
            sent++;
            if (!res.write(bomb())) return void res.once('drain', more);
          }
          res.end();
        };
        return more();
      }
      case '/endless': {
        res.writeHead(200, { 'content-type': 'text/html' });
        const chunk = Buffer.alloc(64 * 1024, 'a');
        const pump = () => {
          while (!res.destroyed && res.write(chunk));
          if (!res.destroyed) res.once('drain', pump);
        };
        return pump();
      }
      case '/drip': {
        res.writeHead(200, { 'content-type': 'text/html' });
        const drip = () => {
          if (res.destroyed) return;
          res.write('a');
          later(1000, drip);
        };
        return drip();
      }
      case '/loop-a':
        res.writeHead(302, { location: '/loop-b' });
        return res.end();
      case '/loop-b':
        res.writeHead(301, { location: `${origin}/loop-a` });
        return res.end();
      case '/to-file':
        res.writeHead(302, { location: 'file:///etc/passwd' });
        return res.end();
      case '/to-data':
        res.writeHead(302, { location: 'data:text/html,<script>alert(1)</script>' });
        return res.end();
      case '/to-loopback':
        // 127.0.0.2 is loopback too, but not on the tests' allow list.
        res.writeHead(302, { location: origin.replace('127.0.0.1', '127.0.0.2') + '/ok' });
        return res.end();
      case '/to-metadata':
        res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' });
        return res.end();
      case '/no-location':
        res.writeHead(302);
        return res.end();
      case '/huge-headers':
        // A megabyte of headers, written raw so no limit on this side trims them.
        req.socket.write(`HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nX-Filler: ${'a'.repeat(1024 * 1024)}\r\nContent-Length: 2\r\n\r\nok`);
        return req.socket.end();
      case '/wrong-type':
        res.writeHead(200, { 'content-type': 'image/png' });
        return res.end('<html><head><meta property="og:title" content="Not an image"></head></html>');
      case '/no-type':
        req.socket.write('HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello');
        return req.socket.end();
      case '/bad-utf8':
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        return res.end(Buffer.from([0x3c, 0x70, 0x3e, 0xff, 0xfe, 0xc3, 0x28, 0xe2, 0x82, 0x3c, 0x2f, 0x70, 0x3e]));
      case '/bad-gzip':
        res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' });
        return res.end('this is not gzip at all');
      case '/reset':
        res.writeHead(200, { 'content-type': 'text/html', 'content-length': '100000' });
        res.write('<html><head><title>cut');
        return later(50, () => req.socket.destroy());
      case '/silent':
        return; // accepts, reads the request, never answers
      case '/big':
        res.writeHead(200, { 'content-type': 'text/html', 'content-length': String(5 * 1024 * 1024) });
        return res.end(Buffer.alloc(5 * 1024 * 1024, 'b'));
      default:
        res.writeHead(404, { 'content-type': 'text/plain' });
        return res.end('not found');
    }
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    port,
    counts,
    close: () =>
      new Promise<void>((resolve) => {
        for (const t of timers) clearTimeout(t);
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
