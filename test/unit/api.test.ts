/**
 * The library API (`import { lintText, lintFiles, renderIssue } from 'weekly-issues'`): from the sources,
 * from the bundle dist/api.js (needs `npm run build`), and its hand-written types held to the sources.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as api from '../../server/src/cli/api';
import type * as declared from '../../types/index';

// tsc fails here when types/index.d.ts and the implementation drift apart (both ways for the options).
const lintTextTyped: typeof declared.lintText = api.lintText;
const lintFilesTyped: typeof declared.lintFiles = api.lintFiles;
const renderIssueTyped: typeof declared.renderIssue = api.renderIssue;
const implLintText: typeof api.lintText = lintTextTyped;
const implRenderIssue: typeof api.renderIssue = renderIssueTyped;
void [lintFilesTyped, implLintText, implRenderIssue];

const REPO = path.resolve(__dirname, '..', '..');
const BROKEN_TOC = '# Guide\n\n- [Install](#install)\n- [Usage](#usag)\n\n## Install\n\n## Usage\n';
let dir: string;
before(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'weekly-api-'));
  fs.writeFileSync(path.join(dir, 'guide.md'), BROKEN_TOC);
  fs.writeFileSync(path.join(dir, 'clean.md'), '# Clean\n\n## Part\n\n[p](#part)\n');
});
after(() => fs.rmSync(dir, { recursive: true, force: true }));

for (const [name, load] of [
  ['sources', () => api],
  ['dist/api.js', () => require(path.join(REPO, 'dist', 'api.js')) as typeof api],
] as const) {
  describe(`library API (${name})`, () => {
    it('lintText finds the broken TOC entry with 1-based positions', () => {
      const problems = load().lintText(BROKEN_TOC, { fileName: 'guide.md', cwd: dir });
      assert.deepEqual(
        problems.map((p) => [p.file, p.line, p.column, p.severity, p.code]),
        [['guide.md', 4, 11, 'error', 'toc-broken-anchor']],
      );
    });
    it('lintText takes a config as .weekly-issues.json does, and refuses a bad one', () => {
      assert.deepEqual(load().lintText(BROKEN_TOC, { cwd: dir, config: { severity: { 'toc-broken-anchor': 'off' } } }), []);
      assert.throws(() => load().lintText(BROKEN_TOC, { config: { slugStyle: 'nonsense' } }), TypeError);
    });
    it('lintText speaks Chinese when asked', () => {
      const [p] = load().lintText(BROKEN_TOC, { cwd: dir, locale: 'zh-cn' });
      assert.match(p.message, /[\u4e00-\u9fff]/);
    });
    it('lintFiles checks a folder as the CLI does (exit code, counts)', async () => {
      const result = await load().lintFiles(dir, { cwd: dir });
      assert.equal(result.exitCode, 1);
      assert.equal(result.errorCount, 1);
      assert.deepEqual(result.problems.map((p) => p.file), ['guide.md']);
      assert.deepEqual(result.messages, []);
    });
    it('renderIssue gives a page with slug ids and the title', () => {
      const page = load().renderIssue(BROKEN_TOC, { cwd: dir });
      assert.equal(page.title, 'Guide');
      assert.match(page.body, /id="install"/);
      assert.match(page.html, /^<!DOCTYPE html>/);
      // Not a weekly issue: the page shows no problems (validate.scope "issues"), as the preview does.
      assert.equal(page.errorCount, 0);
    });
    it('version is package.json\'s', () => {
      assert.equal(load().version, JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')).version);
    });
  });
}
