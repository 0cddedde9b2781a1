/**
 * Malformed answers shaped like the real services' (issue 19): the stand-ins' arXiv Atom feed, Hugging Face
 * paper JSON, GitHub repository JSON and a project page, fetched from 127.0.0.1, then cut short, with bytes
 * dropped, doubled or replaced by markup characters, NUL or U+FFFD. Every parser the lookups and the hover
 * previews use answers with a value of the right shape or "nothing / unreadable", and never throws.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseArxivFeed as parseLookupFeed } from '../../server/src/service/lookups/arxivFeed';
import { parseGithubRepository, parseHuggingFacePaper } from '../../server/src/service/lookups/paperSources';
import { parseArxivFeed as parsePreviewFeed, parseOpenGraph } from '../../server/src/service/linkPreview/parse';
import { parseGithubRepo } from '../../server/src/service/linkPreview/githubRepo';
import { startPaperServices, type PaperServiceSites } from '../support/paperServices';

let sites: PaperServiceSites;
const answers: Record<string, string> = {};

before(async () => {
  sites = await startPaperServices();
  const get = async (path: string) => {
    const res = await fetch(sites.origin + path);
    assert.equal(res.status, 200, path);
    return res.text();
  };
  answers.atom = await get('/api/query?id_list=2504.12626&max_results=1');
  answers.hf = await get('/hf/api/papers/2504.12626');
  answers.github = await get('/gh/repos/lllyasviel/FramePack');
  answers.page = await get('/frame_pack_gitpage/');
});
after(() => sites.close());

type Damage = { kind: 'cut' | 'drop' | 'double' | 'replace'; at: number; length: number; by: string };

const damageArb: fc.Arbitrary<Damage> = fc.record({
  kind: fc.constantFrom('cut', 'drop', 'double', 'replace'),
  at: fc.integer({ min: 0, max: 10_000 }).map((n) => n / 10_000), // spread over the text (doubles favour 0 and 1)
  length: fc.integer({ min: 1, max: 40 }),
  by: fc.constantFrom('<', '>', '"', '{', '}', ']', '&', '&#x0;', '\u0000', '\uFFFD', '<![CDATA[', '<!--', '\\', ''),
});

function damage(text: string, d: Damage): string {
  const at = Math.floor(d.at * text.length);
  switch (d.kind) {
    case 'cut':
      return text.slice(0, at);
    case 'drop':
      return text.slice(0, at) + text.slice(at + d.length);
    case 'double':
      return text.slice(0, at + d.length) + text.slice(at);
    case 'replace':
      return text.slice(0, at) + d.by + text.slice(at + d.length);
  }
}

const damagedArb = (name: string) => fc.array(damageArb, { minLength: 1, maxLength: 3 }).map((ds) => ds.reduce(damage, answers[name]));

const optionalString = (v: unknown) => v === undefined || typeof v === 'string';

test('the undamaged answers parse (the properties below test something)', async () => {
  const feed = parseLookupFeed(answers.atom);
  assert.equal(feed.kind, 'entries');
  assert.equal(feed.kind === 'entries' && feed.papers[0]?.id, '2504.12626');
  assert.equal(parseHuggingFacePaper(answers.hf)?.id, '2504.12626');
  const repo = parseGithubRepository(answers.github);
  assert.equal(repo && `${repo.owner}/${repo.repo}`, 'lllyasviel/FramePack');
  assert.ok((await parsePreviewFeed(answers.atom))?.title);
  assert.ok(parseGithubRepo(answers.github));
  assert.ok((await parseOpenGraph(answers.page, sites.origin + '/frame_pack_gitpage/')).title);
});

test('a damaged arXiv feed: entries, rate-limited or unreadable, never a throw', async () => {
  const kinds = new Map<string, number>();
  await fc.assert(
    fc.asyncProperty(damagedArb('atom'), async (body) => {
      const feed = parseLookupFeed(body);
      kinds.set(feed.kind, (kinds.get(feed.kind) ?? 0) + 1);
      assert.ok(['entries', 'rate-limited', 'unreadable'].includes(feed.kind), feed.kind);
      if (feed.kind === 'entries') for (const p of feed.papers) assert.equal(typeof p.id, 'string');
      const preview = await parsePreviewFeed(body);
      if (preview) assert.equal(typeof preview.title, 'string');
    }),
    { numRuns: 300, seed: 19 },
  );
  // The damage reaches both outcomes: some feeds still read, some do not.
  assert.ok((kinds.get('entries') ?? 0) > 0 && (kinds.get('unreadable') ?? 0) > 0, JSON.stringify([...kinds]));
});

test('damaged Hugging Face and GitHub JSON: a paper / repository or nothing', () => {
  let nothing = 0;
  fc.assert(
    fc.property(damagedArb('hf'), damagedArb('github'), (hf, github) => {
      const paper = parseHuggingFacePaper(hf);
      if (paper) assert.equal(typeof paper.id, 'string');
      else nothing++;
      const repo = parseGithubRepository(github);
      if (repo) assert.ok(Array.isArray(repo.topics));
      const preview = parseGithubRepo(github);
      if (preview) assert.ok(optionalString((preview as { description?: unknown }).description));
    }),
    { numRuns: 500, seed: 19 },
  );
  assert.ok(nothing > 0 && nothing < 500, `${nothing} of 500 damaged answers were no paper`);
});

test('a damaged project page: a preview whose fields are strings, never a throw', async () => {
  await fc.assert(
    fc.asyncProperty(damagedArb('page'), async (html) => {
      const preview = await parseOpenGraph(html, sites.origin + '/frame_pack_gitpage/');
      for (const key of ['title', 'description', 'image'] as const) assert.ok(optionalString((preview as Record<string, unknown>)[key]), key);
    }),
    { numRuns: 300, seed: 19 },
  );
});
