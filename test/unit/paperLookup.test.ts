/** A paper from its link, against stand-ins of arXiv, Hugging Face, GitHub and a project page on 127.0.0.1. */
import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { lookupPapers, type LookupCache, type LookupDeps } from '../../server/src/service/lookups/paperLookup';
import { parseArxivFeed } from '../../server/src/service/lookups/arxivFeed';
import { parseOpenGraph } from '../../server/src/service/linkPreview/parse';
import { createHttpClient } from '../../server/src/node/http/httpClient';
import { createTranslator } from '../../server/src/service/util/l10n';
import { startPaperServices, type PaperServiceSites } from '../support/paperServices';

let sites: PaperServiceSites;
before(async () => {
  sites = await startPaperServices();
});
after(() => sites.close());
beforeEach(() => {
  sites.badDay.clear();
  sites.hits.clear();
});

function memoryCache(): LookupCache & { size: () => number } {
  const map = new Map<string, { at: number; value: unknown }>();
  return {
    async read<T>(kind: string, key: string) {
      return map.get(`${kind} ${key}`) as { at: number; value: T } | undefined;
    },
    async write(kind: string, key: string, value: unknown) {
      map.set(`${kind} ${key}`, { at: Date.now(), value: JSON.parse(JSON.stringify(value)) });
    },
    size: () => map.size,
  };
}

function deps(over: Partial<LookupDeps> = {}, settings: Partial<LookupDeps['settings']> = {}): LookupDeps {
  return {
    client: createHttpClient({ allowPrivateHosts: ['127.0.0.1'], timeoutMs: 1500 }),
    settings: { ...sites.settings, ttlMs: 3600_000, ...settings },
    t: createTranslator('en'),
    parseArxivFeed,
    readOpenGraph: parseOpenGraph,
    ...over,
  };
}

describe('paper lookups', () => {
  it('an arXiv link: title and abstract unwrapped, authors, the code from the comment, project page and image via Hugging Face', async () => {
    const [f] = await lookupPapers(['https://arxiv.org/pdf/2504.12626v1'], deps());
    assert.deepEqual(f.problems, []);
    assert.equal(f.arxivId, '2504.12626');
    assert.equal(f.title, 'Packing Input Frame Context in Next-Frame Prediction Models for Video Generation');
    assert.match(f.abstract!, /^We present a neural network structure, FramePack, to train next-frame \(or next-frame-section\) prediction/);
    assert.deepEqual(f.authors, ['Lvmin Zhang', 'Maneesh Agrawala']);
    assert.equal(f.links.github, 'https://github.com/lllyasviel/FramePack');
    assert.equal(f.links.project, `${sites.origin}/frame_pack_gitpage/`);
    assert.equal(f.image, `${sites.origin}/img/teaser.jpg`);
    assert.deepEqual(f.keywords, ['FramePack', 'next-frame prediction', 'video diffusion']);
  });

  it('several ids go to arXiv in one request; a paper without code or HF page is no problem', async () => {
    const facts = await lookupPapers(['2504.16072', 'https://huggingface.co/papers/2501.00001', 'arXiv:2504.12626'], deps());
    assert.equal(sites.hits.get('/api/query'), 1);
    assert.deepEqual(facts.map((f) => f.problems), [[], [], []]);
    assert.equal(facts[0].links.project, `${sites.origin}/describe-anything/`);
    assert.equal(facts[0].links.github, 'https://github.com/NVlabs/describe-anything');
    assert.equal(facts[0].image, `${sites.origin}/img/dam.png`);
    assert.equal(facts[1].title, 'A Theory Paper Without Code');
    assert.deepEqual(facts[1].links, {});
  });

  it('a GitHub repository alone: its homepage, topics and the paper its README cites most', async () => {
    const [f] = await lookupPapers(['https://github.com/lllyasviel/FramePack/tree/main'], deps());
    assert.deepEqual(f.problems, []);
    assert.equal(f.arxivId, '2504.12626');
    assert.equal(f.title, 'Packing Input Frame Context in Next-Frame Prediction Models for Video Generation');
    assert.equal(f.links.github, 'https://github.com/lllyasviel/FramePack');
    assert.equal(f.links.project, `${sites.origin}/frame_pack_gitpage/`);
    assert.ok(f.keywords.includes('video-generation'));
  });

  it('a repository without a paper says so, naming GitHub; an unknown repository too', async () => {
    const [none, missing] = await lookupPapers(['https://github.com/someone/no-paper', 'https://github.com/someone/missing'], deps());
    assert.deepEqual(none.problems, ['GitHub: someone/no-paper names no arXiv paper in its description or README']);
    assert.equal(none.links.github, 'https://github.com/someone/no-paper');
    assert.equal(missing.problems.length, 1);
    assert.match(missing.problems[0], /^GitHub: /);
  });

  it("arXiv's HTTP-200 error entry, 'Rate exceeded.', a stall and a 429 are failures naming arXiv; what else is known stays", async () => {
    sites.badDay.set('/api/query', 'error-entry');
    let [f] = await lookupPapers(['2504.12626'], deps());
    assert.deepEqual(f.problems, ['arXiv: incorrect id format for 2504.12626']);
    assert.equal(f.links.github, 'https://github.com/lllyasviel/FramePack'); // Hugging Face still answered

    sites.badDay.set('/api/query', 'rate-exceeded');
    [f] = await lookupPapers(['2504.12626'], deps({}, { ttlMs: 0 }));
    assert.match(f.problems[0], /^arXiv: /);

    sites.badDay.set('/api/query', 'stall');
    [f] = await lookupPapers(['2504.16072'], deps({ client: createHttpClient({ allowPrivateHosts: ['127.0.0.1'], timeoutMs: 300 }) }));
    assert.deepEqual(f.problems, ['arXiv: no answer within 0.3 s']);

    sites.badDay.set('/api/query', '429');
    [f] = await lookupPapers(['2504.16072'], deps());
    assert.match(f.problems[0], /^arXiv: /);
  });

  it('Hugging Face garbage or 503 and GitHub rate limits are one line each; the arXiv part stands', async () => {
    sites.badDay.set('/hf/', 'garbage');
    let [f] = await lookupPapers(['2504.12626'], deps());
    assert.deepEqual(f.problems, []); // unreadable JSON is no paper page: nothing to report, nothing taken
    assert.equal(f.title, 'Packing Input Frame Context in Next-Frame Prediction Models for Video Generation');
    sites.badDay.set('/hf/', '503');
    [f] = await lookupPapers(['2504.12626'], deps({}, { ttlMs: 0 }));
    assert.equal(f.problems.length, 1);
    assert.match(f.problems[0], /^Hugging Face: /);
    sites.badDay.clear();
    sites.badDay.set('/gh/repos/lllyasviel/FramePack', 'github-rate');
    [f] = await lookupPapers(['https://github.com/lllyasviel/FramePack'], deps());
    assert.match(f.problems[0], /^GitHub: /);
  });

  it('what is not a link is said; a second run is served from the cache; offline reads the cache only', async () => {
    const cache = memoryCache();
    const [bad] = await lookupPapers(['FramePack'], deps({ cache }));
    assert.deepEqual(bad.problems, ['"FramePack" is not a link or an arXiv id']);
    await lookupPapers(['2504.12626'], deps({ cache }));
    const before = [...sites.hits.values()].reduce((a, b) => a + b, 0);
    const [again] = await lookupPapers(['2504.12626'], deps({ cache }));
    assert.equal([...sites.hits.values()].reduce((a, b) => a + b, 0), before);
    assert.equal(again.links.project, `${sites.origin}/frame_pack_gitpage/`);
    const [offline] = await lookupPapers(['2504.16072'], deps({ cache }, { offline: true }));
    assert.deepEqual(offline.problems, ['arXiv: not in the cache, and requests are off (--offline)']);
    assert.equal([...sites.hits.values()].reduce((a, b) => a + b, 0), before);
  });

  it('GITHUB_TOKEN goes to GitHub only', async () => {
    const seen: Array<{ url: string; auth?: string }> = [];
    const client = createHttpClient({ allowPrivateHosts: ['127.0.0.1'] });
    await lookupPapers(['https://github.com/lllyasviel/FramePack'], deps({ client: { request: (r) => (seen.push({ url: r.url, auth: r.headers?.authorization }), client.request(r)) } }, { githubToken: 'ghp_secret' }));
    for (const s of seen) assert.equal(s.auth, s.url.startsWith(sites.settings.githubApiUrl) ? 'Bearer ghp_secret' : undefined, s.url);
    assert.ok(seen.some((s) => s.auth));
  });

  it('arXiv requests go through the pacer', async () => {
    let paced = 0;
    await lookupPapers(['2504.12626', '2504.16072'], deps({ arxivPace: (task) => (paced++, task()) }));
    assert.equal(paced, 1);
  });
});
