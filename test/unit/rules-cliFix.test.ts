/**
 * `weekly-issues lint --fix` (the bundled dist/cli.js, as a user runs it) on a copy of the sample issue
 * with every structure rule broken at once: it writes back a file that lints clean, and the papers' own
 * text (headings, images, summaries, the other tags) is unchanged. Needs `npm run build` (npm test does it).
 */
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { REPO, sample } from '../support/structure';
import { breakEverything } from '../support/structureBreakers';
import { sampleMislabelJson } from '../support/sampleMislabel';

const CLI = path.join(REPO, 'dist', 'cli.js');

function lint(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [CLI, 'lint', ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('weekly-issues lint --fix', () => {
  let dir = '';
  before(() => {
    assert.ok(fs.existsSync(CLI), `${CLI} is missing: run "npm run build" first`);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'weekly-fix-'));
    // The sample's /assets/… image, under the site root given with --root.
    fs.cpSync(path.join(REPO, 'examples', 'assets'), path.join(dir, 'assets'), { recursive: true });
  });

  it('the examples lint clean as they are but for the sample\'s mislabelled reference: examples/.weekly-issues.json makes examples/ the site root', () => {
    for (const args of [['examples'], ['--root', 'examples', 'examples']]) {
      const r = lint(['--format', 'json', ...args], REPO);
      assert.equal(r.code, 0, r.stderr);
      // No image-missing on /assets/… (the site root is right); only ref-kind-mismatch, as information.
      assert.deepEqual(JSON.parse(r.stdout), [sampleMislabelJson('examples/ai-weekly-sample.md')]);
    }
  });

  it('every rule broken at once: --fix gives back a file that lints clean, papers\' text unchanged', () => {
    const original = sample();
    const broken = breakEverything(original);
    const file = path.join(dir, 'issue.md');
    fs.writeFileSync(file, broken.text);

    const before = lint(['--format', 'json', '--root', '.', 'issue.md'], dir);
    const reported = new Set((JSON.parse(before.stdout) as Array<{ code: string }>).map((d) => d.code));
    assert.deepEqual([...reported].sort(), [...new Set(broken.codes)].sort(), 'every broken rule is reported');
    assert.equal(before.code, 1, 'ref-undefined is an error');

    const fixed = lint(['--fix', '--root', '.', 'issue.md'], dir);
    assert.equal(fixed.code, 0, fixed.stdout + fixed.stderr);
    assert.equal(fixed.stdout.trim(), '', 'nothing left to report');
    const after = lint(['--format', 'json', '--root', '.', 'issue.md'], dir);
    assert.deepEqual(JSON.parse(after.stdout), []);

    const text = fs.readFileSync(file, 'utf8');
    // The papers' own text: every heading, image line and summary sentence of the original is still there.
    for (const line of original.split('\n')) {
      if (/^#{1,2} |^!\[/.test(line)) assert.ok(text.includes(line), `lost: ${line}`);
      const summary = /^\*\*概要\*\*：(.*)$/.exec(line);
      if (summary) assert.ok(text.includes(summary[1]), `lost summary: ${summary[1].slice(0, 40)}`);
    }
    // What fix-all could restore exactly, it did: the TOC, the numbering, the tags it could read.
    const section = (t: string, from: string, to: string) => t.slice(t.indexOf(from), t.indexOf(to, t.indexOf(from)));
    assert.equal(section(text, '## 目录', '---'), section(original, '## 目录', '---'));
    const refs = text.slice(text.indexOf('### **参考链接**')).split('\n').filter((l) => /^\d+\. /.test(l));
    refs.forEach((l, i) => assert.ok(l.startsWith(`${i + 1}. `), `reference ${i + 1} is numbered: ${l}`));
  });
});
