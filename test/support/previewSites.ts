/**
 * A local HTTP server on 127.0.0.1 standing in for the sites hover previews fetch from: arXiv's API
 * (`/api/query`), GitHub's REST API (`/repos/o/r`) and ordinary pages with Open Graph tags, plus
 * misbehaving ones (slow, huge, redirect loops, 404). It counts requests so tests can see the cache work.
 */
import * as http from 'http';
import type { AddressInfo } from 'net';

export interface PreviewSites {
  base: string;
  arxivApiUrl: string;
  githubApiUrl: string;
  hits: Map<string, number>;
  close(): Promise<void>;
}

const ATOM = (id: string) => `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title type="html">ArXiv Query: id_list=${id}</title>
  <entry>
    <id>http://arxiv.org/abs/${id}v1</id>
    <published>2025-04-17T17:59:57Z</published>
    <title>Packing Input Frame Context in Next-Frame Prediction Models
      for Video Generation</title>
    <summary>  We present a neural network structure, FramePack, to train next-frame prediction models &amp; more.
    </summary>
    <author><name>Lvmin Zhang</name></author>
    <author><name>Maneesh Agrawala</name></author>
  </entry>
</feed>`;

const ATOM_ERROR = `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><entry><id>http://arxiv.org/api/errors#incorrect_id_format_for_9999</id><title>Error</title><summary>incorrect id format</summary></entry></feed>`;

const PAGE = `<!doctype html><html><head><title>Fallback title</title>
<meta property="og:title" content="FramePack &amp; friends">
<meta property="og:description" content="Video diffusion, but feels like image diffusion.">
<meta property="og:image" content="/img/teaser.png">
</head><body>hello</body></html>`;

export async function startPreviewSites(): Promise<PreviewSites> {
  const hits = new Map<string, number>();
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    hits.set(url.pathname, (hits.get(url.pathname) ?? 0) + 1);
    const send = (status: number, type: string, body: string) => {
      res.writeHead(status, { 'content-type': type });
      res.end(body);
    };
    if (url.pathname === '/api/query') {
      const id = url.searchParams.get('id_list') ?? '';
      return send(200, 'application/atom+xml', id.startsWith('9999') ? ATOM_ERROR : ATOM(id));
    }
    const repo = url.pathname.match(/^\/repos\/([^/]+)\/([^/]+)$/);
    if (repo) {
      if (repo[2] === 'missing') return send(404, 'application/json', '{"message":"Not Found"}');
      return send(200, 'application/json', JSON.stringify({ full_name: `${repo[1]}/${repo[2]}`, description: 'Lets make video diffusion practical!', stargazers_count: 15321, pushed_at: '2025-05-02T10:00:00Z', language: 'Python' }));
    }
    if (url.pathname === '/page' || url.pathname === '/project/') return send(200, 'text/html; charset=utf-8', PAGE);
    if (url.pathname === '/missing') return send(404, 'text/html', 'no');
    if (url.pathname === '/slow') return void setTimeout(() => send(200, 'text/html', PAGE), 5000);
    if (url.pathname === '/big') {
      res.writeHead(200, { 'content-type': 'text/html' });
      const chunk = 'x'.repeat(64 * 1024);
      for (let i = 0; i < 40; i++) res.write(chunk); // 2.5 MB, streamed without a length
      return void res.end();
    }
    const redirect = url.pathname.match(/^\/redirect\/(\d+)$/);
    if (redirect) {
      const n = Number(redirect[1]);
      res.writeHead(302, { location: n > 1 ? `/redirect/${n - 1}` : '/page' });
      return void res.end();
    }
    send(404, 'text/plain', 'unknown');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    arxivApiUrl: `${base}/api/query`,
    githubApiUrl: base,
    hits,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
