/**
 * Links to other files through the real server over stdio, on a workspace on disk: broken-file-link and
 * broken-file-anchor are published with their fixes, and an open document that links to another file is
 * checked again when that file appears on disk or its open document changes its headings.
 * Needs `npm run build` (runs dist/extension.js as the server, as VS Code does).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-types';
import { LspClient, type PublishedDiagnostics } from './lspClient';

const issue = (title: string, body: string) =>
  `# ${title}\n\n## 目录\n\n1. [FramePack：打包输入帧上下文](#framepack打包输入帧上下文)\n\n## FramePack：打包输入帧上下文\n\n${body}\n\n**概要**：s\n\n**标签**：#视频生成\n\n### **参考链接**\n\n1. [FramePack 论文链接](https://arxiv.org/abs/2504.12626)\n`;
const OLDER = issue('AI 周刊 5 月 1 日', '上周的文章。');
const NEWER = issue('AI 周刊 5 月 8 日', '见[上期](./2025-05-01.md#framepack打包输入帧上下文)，[错的锚点](./2025-05-01.md#framepack打包输入帧上下)，\n[更早](./2025-04-24.md)。');

let workspace: string;
let client: LspClient;
const fileUri = (rel: string) => pathToFileURL(path.join(workspace, rel)).href;
const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length - 1;
const ours = (p: PublishedDiagnostics) => p.diagnostics.filter((d) => String(d.code).startsWith('broken-file-'));
const summary = (ds: Diagnostic[]) => ds.map((d) => [d.code, d.range.start.line]);

before(async () => {
  workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'weekly-filelinks-'));
  fs.mkdirSync(path.join(workspace, '2025'));
  fs.writeFileSync(path.join(workspace, '2025', '2025-05-01.md'), OLDER);
  fs.writeFileSync(path.join(workspace, '2025', '2025-05-08.md'), NEWER);
  client = await LspClient.start({ workspaceFolders: [workspace] });
});

after(async () => {
  const code = await client.stop();
  fs.rmSync(workspace, { recursive: true, force: true });
  assert.equal(code, 0, `the server exits cleanly; stderr:\n${client.stderr}`);
});

describe('LSP: links to other files', () => {
  it('publishes a missing file and a broken anchor in another issue, with the nearest-anchor fix', async () => {
    const uri = fileUri('2025/2025-05-08.md');
    client.open(uri, NEWER, 1);
    const published = await client.waitForDiagnostics(uri, { version: 1, where: (p) => ours(p).length === 2 });
    const found = ours(published);
    assert.deepEqual(summary(found), [['broken-file-anchor', lineOf(NEWER, '错的锚点')], ['broken-file-link', lineOf(NEWER, '2025-04-24')]]);
    assert.match(found[0].message, /#framepack打包输入帧上下 in 2025-05-01\.md/);
    assert.equal(found[0].severity, 2, 'a warning');
    const actions = (await client.codeActions(uri, found[0].range, [found[0]], ['quickfix'])) as CodeAction[];
    const fix = actions.find((a) => a.title === 'Change the link to #framepack打包输入帧上下文');
    assert.ok(fix, `the fix is offered: ${actions.map((a) => a.title).join(', ')}`);
    const edits = (fix.edit!.documentChanges![0] as { edits: Array<{ newText: string }> }).edits;
    assert.deepEqual(edits.map((e) => e.newText), ['framepack打包输入帧上下文']);
  });

  it('checks the document again when the missing file appears on disk', async () => {
    const uri = fileUri('2025/2025-05-08.md');
    const after = client.published.length;
    fs.writeFileSync(path.join(workspace, '2025', '2025-04-24.md'), issue('AI 周刊 4 月 24 日', '更早的文章。'));
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri('2025/2025-04-24.md'), type: 1 }] });
    const published = await client.waitForDiagnostics(uri, { after, where: (p) => ours(p).length === 1 });
    assert.deepEqual(summary(ours(published)), [['broken-file-anchor', lineOf(NEWER, '错的锚点')]]);
  });

  it("checks it again when the other file's open document renames the heading the link lands on", async () => {
    const uri = fileUri('2025/2025-05-08.md');
    const other = fileUri('2025/2025-05-01.md');
    client.open(other, OLDER, 1);
    await client.waitForDiagnostics(other, { version: 1 });
    const after = client.published.length;
    client.replace(other, 2, OLDER.replace('## FramePack：打包输入帧上下文', '## FramePack 新标题'));
    const published = await client.waitForDiagnostics(uri, { after, where: (p) => ours(p).length === 2 });
    assert.deepEqual(summary(ours(published)), [['broken-file-anchor', lineOf(NEWER, '上期')], ['broken-file-anchor', lineOf(NEWER, '错的锚点')]]);
    assert.match(ours(published)[0].message, /#framepack打包输入帧上下文 in 2025-05-01\.md/);
  });
});
