/** `weekly-issues links` against link targets on 127.0.0.1: each answer's code, the cache, the limits, --fix. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { checkLinksCommand } from '../../server/src/cli/links';
import { startLinkSites, type LinkSites } from '../support/linkSites';

let sites: LinkSites;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'weekly-links-'));
const env = { ...process.env, WEEKLY_ISSUES_CACHE_DIR: path.join(dir, '.cache'), GITHUB_TOKEN: '', LANG: 'C', LC_ALL: '' };
const PATHS = ['ok', 'moved', 'moved-twice', 'temporary', 'missing', 'gone', 'limited', 'down', 'no-head', 'loop', 'stall'];

function issue(origin: string, paths: readonly string[]): string {
  const names = paths.map((p, i) => `P${i}`);
  return [
    '# Links【AI周报】', '', '## 目录', '', ...names.map((n, i) => `${i + 1}. [${n}](#${n.toLowerCase()})`), '',
    ...names.flatMap((n) => [`## ${n}`, '', `**概要**：x。`, '', `**标签**：#测试`, '']),
    '### **参考链接**', '', ...paths.map((p, i) => `${i + 1}. [${names[i]} 项目主页](${origin}/${p})`), '',
  ].join('\n');
}

before(async () => {
  sites = await startLinkSites();
  fs.writeFileSync(path.join(dir, '.weekly-issues.json'), JSON.stringify({ network: { allowPrivateHosts: ['127.0.0.1'] } }));
});
after(async () => {
  await sites.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const run = (over: Partial<Parameters<typeof checkLinksCommand>[0]> = {}) =>
  checkLinksCommand({ paths: ['issue.md'], format: 'json', all: false, timeoutSeconds: 1, noCache: false, fix: false, cwd: dir, env, ...over });

describe('weekly-issues links', () => {
  it('reports each answer with its code and exits 1 on a dead link', async () => {
    fs.writeFileSync(path.join(dir, 'issue.md'), issue(sites.origin, PATHS));
    const r = await run();
    assert.deepEqual(r.stderr, []);
    assert.equal(r.exitCode, 1);
    const found = JSON.parse(r.stdout) as Array<{ line: number; code: string; message: string }>;
    const byPath = new Map(found.map((f) => [PATHS[f.line - (found.length ? firstRefLine() : 0)], f]));
    const codeOf = (p: string) => byPath.get(p)?.code ?? 'none';
    assert.deepEqual(Object.fromEntries(PATHS.map((p) => [p, codeOf(p)])), {
      ok: 'none', moved: 'link-moved', 'moved-twice': 'link-moved', temporary: 'none', missing: 'link-dead', gone: 'link-dead',
      limited: 'link-unverified', down: 'link-unverified', 'no-head': 'none', loop: 'link-dead', stall: 'link-unverified',
    });
    assert.equal(byPath.get('moved')!.message, `This page moved permanently to ${sites.origin}/ok. Link the new address.`);
    assert.equal(byPath.get('gone')!.message, 'Dead link (HTTP 410): readers get an error page. Fix the address or remove the link.');
    assert.equal(byPath.get('stall')!.message, 'Could not verify this link (no answer within 1 s); it may still work in a browser.');
    assert.equal(byPath.get('loop')!.message, 'Dead link (the redirects go round in a loop): readers get an error page. Fix the address or remove the link.');
    // HEAD first, GET only where HEAD was refused; Retry-After: 1 waited out once.
    assert.equal(sites.counts.get('HEAD /no-head'), 1);
    assert.equal(sites.counts.get('GET /no-head'), 1);
    assert.equal(sites.counts.get('GET /ok') ?? 0, 0);
    assert.equal(sites.counts.get('HEAD /limited'), 2);
    assert.equal(r.counts.urls, PATHS.length);
    assert.equal(r.counts.fromCache, 0);
  });

  it('a second run sends no request for links still fresh in the cache; --no-cache sends them again', async () => {
    const before = total();
    const r = await run();
    // Fresh: ok, redirects, dead links (a day); doubtful ones (an hour) too, within the hour.
    assert.equal(r.counts.fromCache, PATHS.length);
    assert.equal(total(), before);
    await run({ noCache: true });
    assert.ok(total() > before);
  });

  it('at most 2 requests at once to one host, however many links', async () => {
    const many = Array.from({ length: 12 }, (_, i) => `page/${i}`);
    fs.writeFileSync(path.join(dir, 'many.md'), issue(sites.origin, many));
    const r = await run({ paths: ['many.md'] });
    assert.equal(r.exitCode, 0);
    assert.equal(sites.peakInFlight(), 2);
  });

  it('--fix replaces moved links by their new address and leaves the rest byte-identical', async () => {
    const file = path.join(dir, 'fix.md');
    const text = issue(sites.origin, ['moved', 'gone', 'ok']);
    fs.writeFileSync(file, text);
    const r = await run({ paths: ['fix.md'], fix: true });
    assert.equal(fs.readFileSync(file, 'utf8'), text.replace(`${sites.origin}/moved)`, `${sites.origin}/ok)`));
    assert.deepEqual((JSON.parse(r.stdout) as Array<{ code: string }>).map((f) => f.code), ['link-dead']);
  });
});

function total(): number {
  return [...sites.counts.values()].reduce((a, b) => a + b, 0);
}

/** The line (1-based) of the first reference entry of the test issue. */
function firstRefLine(): number {
  return issue('x', PATHS).split('\n').findIndex((l) => l.startsWith('1. [P0 项目主页]')) + 1;
}
