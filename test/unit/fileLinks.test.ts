/** broken-file-link and broken-file-anchor: links to other files, on in-memory file systems and workspaces. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { applyFix, findings, findingsOf, fixAll, range, replaceOnce, span } from '../support/structure';
import { ISSUE } from '../support/issueText';
import { ROOT, uriOf, workspaceService } from './navigationWorkspace';
import { lint } from '../../server/src/cli/lint';

const DOC = '/ws/2025/2025-05-08.md';
const URI = pathToFileURL(DOC).href;
const FILES = new Set(['/ws', '/ws/2025', '/ws/2025/2025-05-01.md', '/ws/2024', '/ws/2024/2024-12-26.md', '/ws/assets', '/ws/assets/x.png', '/ws/notes', '/ws/notes/Plan.md', '/ws/2025/2025-05-08.md']);
const LISTINGS: Record<string, string[]> = { '/ws/notes': ['Plan.md'], '/ws/2025': ['2025-05-01.md', '2025-05-08.md'], '/ws/2024': ['2024-12-26.md'] };
const ANCHORS: Record<string, string[]> = {
  '/ws/2025/2025-05-01.md': ['ai-周刊', 'framepack打包输入帧上下文', 'wan-21视频生成', 'Custom-Id'],
  '/ws/2024/2024-12-26.md': ['intro'],
};
const host = {
  workspaceRoots: () => [ROOT],
  fileExists: (p: string) => FILES.has(p),
  listDirectory: (dir: string) => LISTINGS[dir],
  anchorsOf: (p: string) => (ANCHORS[p] ? new Set(ANCHORS[p]) : undefined),
};
const check = (code: string, text: string, extra: object = {}) => findingsOf(code, text, { host: { ...host, ...extra }, uri: URI });

describe('broken-file-link', () => {
  it('reports relative and site-root links to files or folders that do not exist, on the path', () => {
    const text = '# T\n\n[上期](./2025-05-01.md) [去年](../2024/2024-12-26.md#intro) [图](/assets/x.png) [笔记](../notes/) [根](/)\n\n' +
      '[缺](./2025-04-24.md#framepack) [没有](/assets/y.png?v=2) [夹](../drafts/)\n';
    const found = check('broken-file-link', text);
    assert.deepEqual(found.map(range), [span(text, './2025-04-24.md'), span(text, '/assets/y.png'), span(text, '../drafts/')]);
    assert.match(found[0].message, /points to \.\/2025-04-24\.md, but no such file or folder exists \(looked for \/ws\/2025\/2025-04-24\.md\)/);
  });

  it('decodes the path and strips query and fragment; skips schemes, mailto, //host, #x and code', () => {
    const files = new Set([...FILES, '/ws/2025/my notes.md', '/ws/2025/中文.md']);
    const text = '# T\n\n[a](my%20notes.md?x=1#y) [b](<my notes.md>) [c](%E4%B8%AD%E6%96%87.md) [d](https://x.example/no.md) [e](mailto:a@b.c) ' +
      '[f](//cdn.example/no.md) [g](#nowhere) [h](vscode:extension/x) `[i](no.md)`\n\n```\n[j](no.md)\n```\n';
    assert.deepEqual(check('broken-file-link', text, { fileExists: (p: string) => files.has(p) }), []);
  });

  it('checks a reference-style link once, at its definition', () => {
    const text = '# T\n\n[上期][p] and [again][p]\n\n[p]: ./2025-04-24.md "old"\n';
    const found = check('broken-file-link', text);
    assert.deepEqual(found.map(range), [span(text, './2025-04-24.md')]);
  });

  it('is skipped when the host cannot look at files, and for site-root links without a root', () => {
    const text = '# T\n\n[缺](./nope.md)\n';
    assert.deepEqual(findingsOf('broken-file-link', text, { uri: URI }), []);
    assert.deepEqual(findingsOf('broken-file-link', '# T\n\n[x](/nope.md)\n', { host: { fileExists: () => false }, uri: URI }), []);
  });

  it('fixes a missing .md, a wrong case or extension in the folder when exactly one file fits', () => {
    const text = '# T\n\n[a](2025-05-01) [b](../notes/plan.md) [c](../notes/Plan.markdown)\n';
    const [a, b, c] = check('broken-file-link', text);
    assert.equal(applyFix(text, a), text.replace('(2025-05-01)', '(2025-05-01.md)'));
    assert.equal(applyFix(text, b), text.replace('../notes/plan.md', '../notes/Plan.md'));
    assert.equal(applyFix(text, c), text.replace('../notes/Plan.markdown', '../notes/Plan.md'));
    assert.equal(a.fixes![0].title, 'Change the link to 2025-05-01.md');
  });

  it('offers no fix when two files fit or none does', () => {
    const listings = { ...LISTINGS, '/ws/notes': ['Plan.md', 'PLAN.md'] };
    const text = '# T\n\n[b](../notes/plan.md) [z](../notes/zzz.md)\n';
    const found = check('broken-file-link', text, { listDirectory: (d: string) => listings[d as keyof typeof listings] });
    assert.deepEqual(found.map((f) => f.fixes), [[], []]);
  });

  it("leaves an issue's reference list to ref-bad-url (a scheme left out is not a file), and checks links elsewhere", () => {
    const entry = '3. [Beta GitHub 仓库](https://github.com/x/beta)';
    const text = replaceOnce(ISSUE, entry, entry.replace('https://', '')) + '\n见 [x](github.com/y)\n';
    const found = findings(text, { host, uri: URI }).filter((f) => f.code === 'broken-file-link' || f.code === 'ref-bad-url');
    const written = text.indexOf('](github.com/x/beta)') + 2;
    assert.deepEqual(found.map((f) => [f.code, range(f)]), [
      ['ref-bad-url', { start: written, end: written + 'github.com/x/beta'.length }],
      ['broken-file-link', span(text, 'github.com/y')],
    ]);
  });

  it('says it in Chinese for a Chinese client', () => {
    const [f] = check('broken-file-link', '# T\n\n[缺](./nope.md)\n', { locale: () => 'zh-cn' });
    assert.match(f.message, /^这个链接指向 \.\/nope\.md，但该文件或文件夹不存在/);
  });
});

describe('broken-file-anchor', () => {
  it("reports a fragment the other file has no anchor for, naming the file, with the nearest anchor's fix", () => {
    const text = '# T\n\n[ok](./2025-05-01.md#framepack打包输入帧上下文) [id](2025-05-01.md#Custom-Id) [bad](./2025-05-01.md#framepack打包输入帧上下) [far](./2025-05-01.md#zzzz)\n';
    const found = check('broken-file-anchor', text);
    assert.deepEqual(found.map(range), [span(text, 'framepack打包输入帧上下', 1), span(text, 'zzzz')]);
    assert.match(found[0].message, /#framepack打包输入帧上下 in 2025-05-01\.md, .*Did you mean #framepack打包输入帧上下文\?/);
    assert.equal(applyFix(text, found[0]), text.replace('#framepack打包输入帧上下)', '#framepack打包输入帧上下文)'));
    assert.deepEqual(found[1].fixes, []);
    assert.match(found[1].message, /Check the heading/);
  });

  it('a case-only difference gets its own message and fix; #top and an empty fragment are fine', () => {
    const text = '# T\n\n[a](./2025-05-01.md#WAN-21视频生成) [b](./2025-05-01.md#TOP) [c](./2025-05-01.md#)\n';
    const [f, ...rest] = check('broken-file-anchor', text);
    assert.equal(rest.length, 0);
    assert.match(f.message, /matches the anchor #wan-21视频生成 of 2025-05-01\.md only when case is ignored/);
    assert.equal(fixAll(text, { host, uri: URI }).text, text.replace('WAN-21', 'wan-21'));
  });

  it('decodes the fragment; skips files the host cannot tell about, and missing files (broken-file-link says it)', () => {
    const text = '# T\n\n[a](./2025-05-01.md#%E4%B8%8D%E5%AD%98%E5%9C%A8) [b](../assets/x.png#p) [c](./gone.md#x)\n';
    const found = check('broken-file-anchor', text);
    assert.deepEqual(found.map(range), [span(text, '%E4%B8%8D%E5%AD%98%E5%9C%A8')]);
    assert.match(found[0].message, /#不存在 in 2025-05-01\.md/);
  });

  it('a link to this same file by name is checked against its own headings', () => {
    const text = '# T\n\n## 第一节\n\n[a](./2025-05-08.md#第一节) [b](2025-05-08.md#第二节)\n';
    const found = check('broken-file-anchor', text);
    assert.deepEqual(found.map(range), [span(text, '第二节')]);
  });

  it('severity and ignore settings apply like every other code', () => {
    const text = '# T\n\n[bad](./2025-05-01.md#nope) [x](./nope.md)\n';
    assert.deepEqual(findingsOf('broken-file-anchor', text, { host, uri: URI, config: { severity: { 'broken-file-anchor': 'off' } } }), []);
    assert.deepEqual(findingsOf('broken-file-link', text, { host, uri: URI, config: { ignore: ['2025/**'] } }), []);
  });
});

describe('file links through the workspace index', () => {
  const OTHER = '# 上期\n\n## FramePack：打包输入帧上下文\n\n<a id="extra"></a>\n\n## Wan 2.1\n';
  const files = { '2025/2025-05-01.md': OTHER, 'notes/deep/moved.md': '# Moved\n' };
  const exists = (p: string) => ['/ws/2025/2025-05-01.md', '/ws/notes/deep/moved.md', '/ws/2025'].includes(p);

  it("answers another file's heading slugs and HTML ids from the index, under the document's slug style", async () => {
    const { service } = await workspaceService(files, { fileExists: exists });
    const text = '# T\n\n[a](2025-05-01.md#framepack打包输入帧上下文) [b](2025-05-01.md#extra) [c](2025-05-01.md#wan-21) [d](2025-05-01.md#wan-22)\n';
    const found = service.getFindings({ uri: uriOf('2025/new.md'), version: 1, getText: () => text }).filter((f) => f.code === 'broken-file-anchor');
    assert.deepEqual(found.map(range), [span(text, 'wan-22')]);
    assert.match(found[0].message, /Did you mean #wan-21\?/);
    const hexo = await workspaceService(files, { fileExists: exists, getConfig: () => ({ ...(require('../../server/src/service/config/weeklyConfig').defaultConfig), slugStyle: 'hexo' }) });
    const underHexo = hexo.service.getFindings({ uri: uriOf('2025/new.md'), version: 1, getText: () => text }).filter((f) => f.code === 'broken-file-anchor');
    assert.ok(underHexo.some((f) => /framepack/.test(f.message)), "hexo slugs the heading differently: the github-style fragment is broken there");
  });

  it('an open document edit reaches the other file: the index entry is what is answered', async () => {
    const { service, index } = await workspaceService(files, { fileExists: exists });
    const text = '# T\n\n[a](2025-05-01.md#新标题)\n';
    const doc = { uri: uriOf('2025/new.md'), version: 1, getText: () => text };
    assert.equal(service.getFindings(doc).filter((f) => f.code === 'broken-file-anchor').length, 1);
    const edited = OTHER + '\n## 新标题\n';
    index.setOpenDocument(uriOf('2025/2025-05-01.md'), service.getModel({ uri: uriOf('2025/2025-05-01.md'), version: 2, getText: () => edited }));
    service.forget(doc.uri);
    assert.deepEqual(service.getFindings(doc).filter((f) => f.code === 'broken-file-anchor'), []);
  });

  it('forgetFindings (the server calls it when the index is built): the findings follow the index, the model is kept', async () => {
    const { service, index } = await workspaceService(files, { fileExists: exists });
    const text = '# T\n\n[a](2025-05-01.md#另一个标题)\n';
    const doc = { uri: uriOf('2025/new.md'), version: 1, getText: () => text };
    const model = service.getModel(doc);
    assert.equal(service.getFindings(doc).filter((f) => f.code === 'broken-file-anchor').length, 1);
    const edited = OTHER + '\n## 另一个标题\n';
    index.setOpenDocument(uriOf('2025/2025-05-01.md'), service.getModel({ uri: uriOf('2025/2025-05-01.md'), version: 2, getText: () => edited }));
    assert.equal(service.getFindings(doc).filter((f) => f.code === 'broken-file-anchor').length, 1, 'until told, the findings are the cached ones');
    service.forgetFindings(doc.uri);
    assert.deepEqual(service.getFindings(doc).filter((f) => f.code === 'broken-file-anchor'), []);
    assert.equal(service.getModel(doc), model, 'the same model object: the document was not parsed again');
    service.forget(doc.uri);
    assert.notEqual(service.getModel(doc), model, 'forget drops the model too');
  });

  it('index change events name the file, for re-checking the documents that link to it', async () => {
    const { index, workspace } = await workspaceService(files);
    const seen: string[] = [];
    index.onDidChangeFile((uri) => seen.push(uri));
    workspace.files.set(uriOf('2025/2025-05-01.md'), OTHER + '\n## More\n');
    await index.refreshFile(uriOf('2025/2025-05-01.md'));
    index.removeFile(uriOf('notes/deep/moved.md'));
    assert.deepEqual(seen, [uriOf('2025/2025-05-01.md'), uriOf('notes/deep/moved.md')]);
  });

  it('fixes a link to a file moved elsewhere in the workspace when it is the only one of that name', async () => {
    const { service } = await workspaceService(files, { fileExists: exists, listDirectory: () => [] });
    const text = '# T\n\n[m](../notes/moved.md#moved) [r](/moved.md)\n';
    const found = service.getFindings({ uri: uriOf('2025/new.md'), version: 1, getText: () => text }).filter((f) => f.code === 'broken-file-link');
    assert.equal(found.length, 2);
    assert.equal(applyFix(text, found[0]), text.replace('../notes/moved.md#', '../notes/deep/moved.md#'));
    assert.equal(applyFix(text, found[1]), text.replace('(/moved.md)', '(/notes/deep/moved.md)'));
  });
});

describe('weekly-issues lint: links to other files', () => {
  it('reports a missing file and a broken anchor in another issue, with exit code 1 under --max-warnings 0', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'weekly-filelinks-'));
    try {
      fs.writeFileSync(path.join(dir, 'a.md'), '# 上期\n\n## FramePack：打包输入帧上下文\n\n<a id="extra"></a>\n');
      fs.writeFileSync(path.join(dir, 'b.md'), '# 本期\n\n[好](./a.md#framepack打包输入帧上下文) [id](a.md#extra)\n\n[坏](./a.md#framepack) [缺](./zz.md)\n');
      const result = lint({ paths: ['.'], format: 'json', root: '.', fix: false, cwd: dir, maxWarnings: 0 } as never);
      const problems = JSON.parse(result.stdout) as Array<{ file: string; line: number; code: string; message: string }>;
      assert.deepEqual(problems.map((p) => [p.file, p.line, p.code]), [['b.md', 5, 'broken-file-anchor'], ['b.md', 5, 'broken-file-link']]);
      assert.equal(result.exitCode, 1);
      const fixed = lint({ paths: ['b.md'], format: 'json', root: '.', fix: true, cwd: dir } as never);
      assert.equal(fixed.exitCode, 0);
      assert.match(fs.readFileSync(path.join(dir, 'b.md'), 'utf8'), /\[坏\]\(\.\/a\.md#framepack\)/, 'no suggestion near enough: nothing rewritten');

      // An issue moved into a folder: the one file of the run with that name is where the fix points.
      fs.mkdirSync(path.join(dir, '2025'));
      fs.renameSync(path.join(dir, 'a.md'), path.join(dir, '2025', 'a.md'));
      const moved = lint({ paths: ['.'], format: 'json', root: '.', fix: true, cwd: dir } as never);
      assert.equal(moved.exitCode, 0, moved.stdout);
      assert.match(fs.readFileSync(path.join(dir, 'b.md'), 'utf8'), /\[好\]\(\.\/2025\/a\.md#framepack打包输入帧上下文\) \[id\]\(2025\/a\.md#extra\)/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
