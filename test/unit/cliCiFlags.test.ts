/**
 * What CI users expect of `weekly-issues lint` (the bundled dist/cli.js; needs `npm run build`): disable
 * comments, --config, --quiet, colour (--color, --no-color, NO_COLOR, none off a terminal), --cache (kept
 * results, invalidated by the file, its config and the files it looks at), `!` globs, .gitignore, and
 * files named twice checked once. Exit codes as without them.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const CLI = path.resolve(__dirname, '..', '..', 'dist', 'cli.js');
const GUIDE = '# Guide\n\n- [Install](#install)\n- [Usage](#usag)\n\n## Install\n\n## Usage\n\nSee [x](#nope).\n';

let dir: string;
function lint(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [CLI, 'lint', ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, LANG: 'C', LC_ALL: 'C', NO_COLOR: '', ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
const write = (rel: string, text: string) => {
  fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
  fs.writeFileSync(path.join(dir, rel), text);
};
const files = (stdout: string) => [...new Set(stdout.split('\n').filter(Boolean).map((l) => l.split(':')[0]))];

before(() => {
  assert.ok(fs.existsSync(CLI), `${CLI} is missing: run "npm run build" first`);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'weekly-ci-'));
  write('guide.md', GUIDE);
});
after(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('lint: disable comments, --config, --quiet', () => {
  it('honours disable comments (exit 0 once the only error is disabled)', () => {
    // Indented into the item above, as the quick fix writes it: at column 0 it would end the TOC's list.
    write('disabled.md', GUIDE.replace('- [Usage](#usag)', '  <!-- weekly-issues-disable-next-line toc-broken-anchor -->\n- [Usage](#usag)'));
    const r = lint(['--format', 'json', 'disabled.md']);
    assert.equal(r.code, 0, r.stdout);
    assert.deepEqual(JSON.parse(r.stdout).map((p: { code: string }) => p.code), ['broken-anchor']);
  });
  it('--config uses that file and not the nearest one; a missing one is exit 2', () => {
    write('configs/lenient.json', '{ "severity": { "toc-broken-anchor": "off" } }\n');
    write('.weekly-issues.json', '{ "severity": { "broken-anchor": "off" } }\n');
    try {
      assert.deepEqual(JSON.parse(lint(['--format', 'json', 'guide.md']).stdout).map((p: { code: string }) => p.code), ['toc-broken-anchor']);
      const r = lint(['--format', 'json', '--config', 'configs/lenient.json', 'guide.md']);
      assert.equal(r.code, 0);
      assert.deepEqual(JSON.parse(r.stdout).map((p: { code: string }) => p.code), ['broken-anchor']);
      const missing = lint(['--config', 'nope.json', 'guide.md']);
      assert.equal(missing.code, 2);
      assert.match(missing.stderr, /nope\.json/);
    } finally {
      fs.rmSync(path.join(dir, '.weekly-issues.json'));
    }
  });
  it('--quiet prints errors only; warnings still count for --max-warnings', () => {
    const r = lint(['--quiet', 'guide.md']);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /toc-broken-anchor/);
    assert.doesNotMatch(r.stdout, /broken-anchor\]\n.*broken-anchor|warning/);
    write('warn-only.md', '# W\n\nSee [x](#nope).\n');
    const w = lint(['--quiet', '--max-warnings', '0', 'warn-only.md']);
    assert.equal(w.stdout, '');
    assert.equal(w.code, 1);
  });
});

describe('lint: colour', () => {
  const ESC = '\x1b[';
  it('none off a terminal (tests are not a TTY), none with --no-color or NO_COLOR even with --color', () => {
    assert.ok(!lint(['guide.md']).stdout.includes(ESC));
    assert.ok(!lint(['--no-color', '--color', 'guide.md']).stdout.includes(ESC));
  });
  it('--color forces it: the severity in red/yellow', () => {
    const out = lint(['--color', 'guide.md']).stdout;
    assert.ok(out.includes(`${ESC}31merror${ESC}0m`), JSON.stringify(out));
    assert.ok(out.includes(`${ESC}33mwarning${ESC}0m`));
  });
  it('NO_COLOR turns the default off (a TTY is simulated by script(1) where available)', (t) => {
    const script = spawnSync('script', ['--version'], { encoding: 'utf8' });
    if (script.status !== 0) return t.diagnostic('script(1) not available: TTY case not run');
    const tty = (env: string) =>
      spawnSync('script', ['-qec', `${env} ${JSON.stringify(process.execPath)} ${JSON.stringify(CLI)} lint guide.md`, '/dev/null'], { cwd: dir, encoding: 'utf8' }).stdout;
    assert.ok(tty('NO_COLOR=').includes(ESC), 'a terminal gets colour');
    assert.ok(!tty('NO_COLOR=1').includes(ESC), 'NO_COLOR removes it');
  });
});

describe('lint --cache', () => {
  it('keeps results, and a change to the file, its config or a file it links to is seen', () => {
    write('c/a.md', '# A\n\nSee [b](b.md#part) and [n](notes/n.md).\n');
    write('c/b.md', '# B\n\n## Part\n');
    const first = lint(['--format', 'json', '--cache', 'c']);
    assert.equal(first.code, 0, first.stderr);
    assert.deepEqual(JSON.parse(first.stdout).map((p: { code: string }) => p.code), ['broken-file-link']);
    assert.ok(fs.existsSync(path.join(dir, '.weekly-issues-cache')));
    const cache = JSON.parse(fs.readFileSync(path.join(dir, '.weekly-issues-cache'), 'utf8'));
    assert.ok(cache.files[path.join(dir, 'c', 'a.md')], 'a.md is in the cache');
    // The same run again: the same answer (from the cache: a poisoned entry shows it is read).
    cache.files[path.join(dir, 'c', 'a.md')].diagnostics[0].message = 'FROM THE CACHE';
    fs.writeFileSync(path.join(dir, '.weekly-issues-cache'), JSON.stringify(cache));
    assert.match(lint(['--cache', 'c']).stdout, /FROM THE CACHE/);
    // The linked file appears: the entry is stale.
    write('c/notes/n.md', '# N\n');
    assert.equal(lint(['--format', 'json', '--cache', 'c']).stdout.trim(), '[]');
    // The linked file loses its heading: broken-file-anchor, though a.md did not change.
    write('c/b.md', '# B\n\n## Other\n');
    assert.deepEqual(JSON.parse(lint(['--format', 'json', '--cache', 'c']).stdout).map((p: { code: string }) => p.code), ['broken-file-anchor']);
    // A config change (severity off) is seen too.
    write('c/.weekly-issues.json', '{ "severity": { "broken-file-anchor": "off" } }\n');
    assert.equal(lint(['--format', 'json', '--cache', 'c']).stdout.trim(), '[]');
    // And the file's own change.
    write('c/a.md', '# A\n\n[x](#gone)\n');
    assert.deepEqual(JSON.parse(lint(['--format', 'json', '--cache', 'c']).stdout).map((p: { code: string }) => p.code), ['broken-anchor']);
  });
  it('--cache-location puts it elsewhere', () => {
    lint(['--cache-location', 'custom-cache', 'guide.md']);
    assert.ok(fs.existsSync(path.join(dir, 'custom-cache')));
  });
});

describe('lint: which files', () => {
  before(() => {
    write('w/one.md', GUIDE);
    write('w/drafts/two.md', GUIDE);
    write('w/build/three.md', GUIDE);
    write('w/.gitignore', 'build/\n');
    fs.mkdirSync(path.join(dir, 'w', '.git'), { recursive: true });
  });
  it('a folder or glob skips what .gitignore ignores', () => {
    assert.deepEqual(files(lint(['w']).stdout), ['w/drafts/two.md', 'w/one.md']);
    assert.deepEqual(files(lint(['w/**/*.md']).stdout), ['w/drafts/two.md', 'w/one.md']);
  });
  it('!patterns leave files out (a folder name leaves its files out)', () => {
    assert.deepEqual(files(lint(['w/**/*.md', '!w/drafts/**']).stdout), ['w/one.md']);
    assert.deepEqual(files(lint(['w', '!w/drafts']).stdout), ['w/one.md']);
    assert.equal(lint(['!w/**']).code, 2);
  });
  it('a file named twice (or by a glob and by name) is checked once', () => {
    const r = lint(['--format', 'json', 'w/one.md', './w/one.md', 'w/*.md']);
    assert.equal(JSON.parse(r.stdout).length, 2);
  });
});
