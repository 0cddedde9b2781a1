/**
 * `weekly-issues render` as a user runs it (a child process on the CLI's entry): the page it writes has
 * heading ids that every TOC link of the sample lands on, a CSP, site-absolute images written relative to
 * the page, and bad input gets exit code 2 with a one-line message.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';

const root = path.join(__dirname, '..', '..');
const entry = path.join(root, 'server', 'src', 'cli', 'main.ts');
const sample = path.join(root, 'examples', 'ai-weekly-sample.md');

function cli(args: string[], cwd: string) {
  // tsx by absolute URL: the child runs in a temporary folder, where `--import tsx` would not resolve.
  const tsx = pathToFileURL(require.resolve('tsx')).href;
  const r = spawnSync(process.execPath, ['--import', tsx, entry, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('weekly-issues render', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'weekly-render-'));
    fs.mkdirSync(path.join(dir, 'site', 'assets', 'images', 'ai-weekly'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'site', 'assets', 'images', 'ai-weekly', 'ui.png'), 'png');
    fs.copyFileSync(sample, path.join(dir, 'site', 'issue.md'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('writes a page whose heading ids match every TOC link of the sample', () => {
    const r = cli(['render', 'site/issue.md', '-o', 'out/page.html', '--root', 'site'], dir);
    assert.equal(r.code, 2, 'the out folder does not exist yet: an I/O error');
    assert.match(r.stderr, /^weekly-issues: out\/page\.html: could not write the page/m);
    fs.mkdirSync(path.join(dir, 'out'));
    const ok = cli(['render', 'site/issue.md', '-o', 'out/page.html', '--root', 'site'], dir);
    assert.equal(ok.code, 0, ok.stderr);
    assert.match(ok.stdout, /^Wrote out\/page\.html \(0 errors, 0 warnings\)$/m);
    const html = fs.readFileSync(path.join(dir, 'out', 'page.html'), 'utf8');
    const ids = new Set([...html.matchAll(/<h[1-6][^>]* id="([^"]+)"/g)].map((m) => m[1]));
    const tocSection = html.slice(html.indexOf('id="目录"'), html.indexOf('</ol>', html.indexOf('id="目录"')));
    const tocLinks = [...tocSection.matchAll(/<a href="#([^"]+)"/g)].map((m) => decodeURIComponent(m[1]));
    assert.equal(tocLinks.length, 6);
    for (const link of tocLinks) assert.ok(ids.has(link), `#${link} lands on a heading id`);
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;;/);
    assert.match(html, /<img src="\.\.\/site\/assets\/images\/ai-weekly\/ui\.png" alt="FramePack 示例">/);
    assert.match(html, /<title>FramePack压缩加速视频生成/);
  });

  it('without -o writes the page to standard output; --no-problems leaves the header out', () => {
    const r = cli(['render', path.join(root, 'test', 'fixtures', 'broken-issue.md')], dir);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^<!DOCTYPE html>/);
    assert.match(r.stdout, /class="weekly-problems weekly-problems-found" data-errors="[1-9]/);
    assert.match(r.stdout, /class="anchor-problem anchor-problem-error" title="[^"]*No heading has the anchor #第二篇新模形/);
    const quiet = cli(['render', '--no-problems', path.join(root, 'test', 'fixtures', 'broken-issue.md')], dir);
    const body = quiet.stdout.slice(quiet.stdout.indexOf('<body>'));
    assert.match(body, /<h2 [^>]*id="目录"/);
    assert.doesNotMatch(body, /weekly-problems|anchor-problem/);
  });

  it('bad input: exit 2 and a one-line message', () => {
    const missing = cli(['render', 'nope.md'], dir);
    assert.equal(missing.code, 2);
    assert.equal(missing.stderr.trim().split('\n').length, 1);
    assert.match(missing.stderr, /nope\.md/);
    const none = cli(['render'], dir);
    assert.equal(none.code, 2);
    assert.match(none.stderr, /exactly one Markdown file/);
    const slug = cli(['render', 'site/issue.md', '--slug', 'nope'], dir);
    assert.equal(slug.code, 2);
    assert.match(slug.stderr, /--slug must be one of/);
    const help = cli(['--help'], dir);
    assert.match(help.stdout, /render \[options\] FILE/);
    assert.match(help.stdout, /--no-problems/);
  });
});
