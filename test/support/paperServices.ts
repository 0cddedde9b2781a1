/**
 * Stand-ins on 127.0.0.1 for the services a paper lookup asks, answering in their real shapes (arXiv's Atom
 * with its namespaces, HTTP-200 error entries and "Rate exceeded."; Hugging Face's paper JSON and its 404;
 * GitHub's repository JSON, raw README and rate-limit answers; a project page with Open Graph tags), with
 * bad days switched on per test (`sites.badDay`). Counts requests per path.
 */
import * as http from 'http';
import type { AddressInfo } from 'net';

export interface PaperRecord {
  id: string;
  title: string;
  abstract: string;
  authors: string[];
  comment?: string;
  hf?: { githubRepo?: string; projectPage?: string; keywords?: string[] };
}

export const PAPERS: PaperRecord[] = [
  {
    id: '2504.12626',
    title: 'Packing Input Frame Context in Next-Frame Prediction Models for Video\n  Generation',
    abstract: '  We present a neural network structure, FramePack, to train next-frame (or\nnext-frame-section) prediction models for video generation. FramePack compresses input frames to make the transformer context length a fixed number regardless of the video length.\n',
    authors: ['Lvmin Zhang', 'Maneesh Agrawala'],
    comment: 'https://github.com/lllyasviel/FramePack',
    hf: { githubRepo: 'https://github.com/lllyasviel/FramePack', projectPage: 'PROJECT/frame_pack_gitpage/', keywords: ['FramePack', 'next-frame prediction', 'video diffusion'] },
  },
  {
    id: '2504.16072',
    title: 'Describe Anything: Detailed Localized Image and Video Captioning',
    abstract: 'Generating detailed and accurate descriptions for specific regions in images and videos remains a fundamental challenge for vision-language models.',
    authors: ['Long Lian', 'Yifan Ding'],
    comment: 'Project page: PROJECT/describe-anything/ Code: https://github.com/NVlabs/describe-anything',
  },
  {
    id: '2408.00714',
    title: 'SAM 2: Segment Anything in Images and Videos',
    abstract: 'We present Segment Anything Model 2 (SAM 2), a foundation model towards solving promptable visual\nsegmentation in images and videos. We build a data engine, which improves model and data via user\ninteraction, to collect the largest video segmentation dataset to date.',
    authors: ['Nikhila Ravi', 'Valentin Gabeur'],
    comment: 'Website: PROJECT/sam2/',
    hf: { githubRepo: 'https://github.com/facebookresearch/sam2', projectPage: 'PROJECT/sam2/', keywords: ['Segment Anything Model 2', 'promptable visual segmentation'] },
  },
  // A paper without code or a Hugging Face page.
  { id: '2501.00001', title: 'A Theory Paper Without Code', abstract: 'We prove things about 3D generation.', authors: ['Ada Lovelace'] },
];

export interface PaperServiceSites {
  origin: string;
  settings: { arxivApiUrl: string; huggingFaceApiUrl: string; githubApiUrl: string };
  hits: Map<string, number>;
  /** Path prefix -> bad day: 'error-entry' | 'rate-exceeded' | '429' | '503' | '404' | 'stall' | 'garbage'. */
  badDay: Map<string, string>;
  close(): Promise<void>;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function atom(origin: string, ids: string[]): string {
  const entries = ids
    .map((id) => PAPERS.find((p) => p.id === id))
    .filter((p): p is PaperRecord => !!p)
    .map(
      (p) => `  <entry>
    <id>http://arxiv.org/abs/${p.id}v2</id>
    <updated>2025-04-18T17:59:57Z</updated>
    <published>2025-04-17T17:59:57Z</published>
    <title>${esc(p.title)}</title>
    <summary>${esc(p.abstract)}</summary>
${p.authors.map((a) => `    <author>\n      <name>${esc(a)}</name>\n    </author>`).join('\n')}
${p.comment ? `    <arxiv:comment xmlns:arxiv="http://arxiv.org/schemas/atom">${esc(p.comment.replace(/PROJECT/g, origin))}</arxiv:comment>\n` : ''}    <link href="http://arxiv.org/abs/${p.id}v2" rel="alternate" type="text/html"/>
    <link title="pdf" href="http://arxiv.org/pdf/${p.id}v2" rel="related" type="application/pdf"/>
    <arxiv:primary_category xmlns:arxiv="http://arxiv.org/schemas/atom" term="cs.CV" scheme="http://arxiv.org/schemas/atom"/>
    <category term="cs.CV" scheme="http://arxiv.org/schemas/atom"/>
  </entry>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <link href="http://arxiv.org/api/query?search_query%3D%26id_list%3D${ids.join('%2C')}%26start%3D0%26max_results%3D10" rel="self" type="application/atom+xml"/>
  <title type="html">ArXiv Query: search_query=&amp;id_list=${ids.join(',')}&amp;start=0&amp;max_results=10</title>
  <id>http://arxiv.org/api/hY4gFYrUTT3aE9bS0bYqfS0K4EY</id>
  <updated>2025-04-18T00:00:00-04:00</updated>
  <opensearch:totalResults xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/">${ids.length}</opensearch:totalResults>
  <opensearch:startIndex xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/">0</opensearch:startIndex>
  <opensearch:itemsPerPage xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/">10</opensearch:itemsPerPage>
${entries}
</feed>
`;
}

const ERROR_FEED = (id: string) => `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <link href="http://arxiv.org/api/query?search_query%3D%26id_list%3D${id}" rel="self" type="application/atom+xml"/>
  <title type="html">ArXiv Query: search_query=&amp;id_list=${id}&amp;start=0&amp;max_results=10</title>
  <id>http://arxiv.org/api/bsUFO4kNfP1c7eH5cA6rR1g0xcw</id>
  <updated>2025-04-18T00:00:00-04:00</updated>
  <opensearch:totalResults xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/">1</opensearch:totalResults>
  <entry>
    <id>http://arxiv.org/api/errors#incorrect_id_format_for_${id}</id>
    <title>Error</title>
    <summary>incorrect id format for ${id}</summary>
    <updated>2025-04-18T00:00:00-04:00</updated>
    <link href="http://arxiv.org/api/errors#incorrect_id_format_for_${id}" rel="alternate" type="text/html"/>
    <author>
      <name>arXiv api core</name>
    </author>
  </entry>
</feed>
`;

const README: Record<string, string> = {
  'lllyasviel/FramePack': '# FramePack\n\nOfficial implementation of "[Packing Input Frame Context in Next-Frame Prediction Models for Video Generation](https://arxiv.org/abs/2504.12626)".\n\nSee also [HunyuanVideo](https://arxiv.org/abs/2412.03603).\n\n```bibtex\n@article{zhang2025framepack, journal={arXiv preprint arXiv:2504.12626}}\n```\n',
  'someone/no-paper': '# A tool\n\nNo paper here, just code.\n',
};

export async function startPaperServices(): Promise<PaperServiceSites> {
  const hits = new Map<string, number>();
  const badDay = new Map<string, string>();
  let origin = '';
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    hits.set(url.pathname, (hits.get(url.pathname) ?? 0) + 1);
    const send = (status: number, type: string, body: string, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': type, ...headers });
      res.end(body);
    };
    const bad = [...badDay.entries()].find(([prefix]) => url.pathname.startsWith(prefix))?.[1];
    if (bad === 'stall') return; // never answers
    if (bad === '429') return send(429, 'text/plain', 'Too Many Requests', { 'retry-after': '30' });
    if (bad === '503') return send(503, 'text/html', '<html><body>Service Unavailable</body></html>');
    if (bad === 'garbage') return send(200, 'application/json', '{"id": "2504.12626", "title": ["not', {});

    if (url.pathname === '/api/query') {
      const ids = (url.searchParams.get('id_list') ?? '').split(',').filter(Boolean).map((i) => i.replace(/v\d+$/, ''));
      if (bad === 'rate-exceeded') return send(503, 'text/plain', 'Rate exceeded.');
      if (bad === 'error-entry' || ids.some((i) => !/^\d{4}\.\d{4,5}$/.test(i))) return send(200, 'application/atom+xml; charset=utf-8', ERROR_FEED(ids.join(',')));
      return send(200, 'application/atom+xml; charset=utf-8', atom(origin, ids));
    }
    const hf = url.pathname.match(/^\/hf\/api\/papers\/(.+)$/);
    if (hf) {
      const p = PAPERS.find((x) => x.id === hf[1]);
      if (!p?.hf) return send(404, 'application/json', '{"error":"Entry not found"}');
      return send(200, 'application/json; charset=utf-8', JSON.stringify({
        id: p.id, authors: p.authors.map((name, i) => ({ _id: `a${i}`, name, hidden: false })), publishedAt: '2025-04-17T17:59:57.000Z',
        title: p.title.replace(/\s+/g, ' '), summary: p.abstract.trim(), upvotes: 48, discussionId: '6801a2c3',
        githubRepo: p.hf.githubRepo ?? null, projectPage: p.hf.projectPage?.replace('PROJECT', origin) ?? null, ai_keywords: p.hf.keywords ?? [], githubStars: 12000,
      }));
    }
    const readme = url.pathname.match(/^\/gh\/repos\/([^/]+)\/([^/]+)\/readme$/);
    if (readme) {
      const text = README[`${readme[1]}/${readme[2]}`];
      return text ? send(200, 'application/vnd.github.raw; charset=utf-8', text) : send(404, 'application/json', '{"message":"Not Found","documentation_url":"https://docs.github.com/rest/repos/contents#get-a-repository-readme","status":"404"}');
    }
    const repo = url.pathname.match(/^\/gh\/repos\/([^/]+)\/([^/]+)$/);
    if (repo) {
      if (bad === 'github-rate') return send(403, 'application/json', '{"message":"API rate limit exceeded for 127.0.0.1.","documentation_url":"https://docs.github.com/rest/overview/resources-in-the-rest-api#rate-limiting"}', { 'x-ratelimit-remaining': '0' });
      const full = `${repo[1]}/${repo[2]}`;
      if (!(full in README)) return send(404, 'application/json', '{"message":"Not Found","documentation_url":"https://docs.github.com/rest/repos/repos#get-a-repository","status":"404"}');
      return send(200, 'application/json; charset=utf-8', JSON.stringify({
        id: 1, name: repo[2], full_name: full, html_url: `https://github.com/${full}`, description: full === 'lllyasviel/FramePack' ? 'Lets make video diffusion practical!' : 'A tool',
        homepage: full === 'lllyasviel/FramePack' ? `${origin}/frame_pack_gitpage/` : '', topics: full === 'lllyasviel/FramePack' ? ['video-generation', 'diffusion'] : [], stargazers_count: 15321,
      }));
    }
    if (url.pathname === '/frame_pack_gitpage/' || url.pathname === '/describe-anything/' || url.pathname === '/sam2/') {
      const image = url.pathname === '/frame_pack_gitpage/' ? '/img/teaser.jpg' : url.pathname === '/sam2/' ? '../img/sam2.jpg' : `${origin}/img/dam.png`;
      return send(200, 'text/html; charset=utf-8', `<!doctype html><html><head><title>Project</title><meta property="og:title" content="Project page"><meta property="og:image" content="${image}"></head><body><a href="https://arxiv.org/abs/2504.12626">Paper</a></body></html>`);
    }
    send(404, 'text/plain', 'not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    settings: { arxivApiUrl: `${origin}/api/query`, huggingFaceApiUrl: `${origin}/hf/api`, githubApiUrl: `${origin}/gh` },
    hits,
    badDay,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
