/**
 * `.weekly-issues.json` through the real server: a bad file gets one diagnostic on the file itself while
 * the defaults are used; a good one changes the slug style; the server reads the file again when the
 * client reports it changed (workspace/didChangeWatchedFiles), and VS Code settings the user set win.
 * Needs `npm run build` (runs dist/extension.js as the server, as VS Code does).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import type { Diagnostic } from 'vscode-languageserver-types';
import { LspClient, type PublishedDiagnostics } from './lspClient';

// A zh issue whose TOC links are Hexo's ids (case and `：` kept): broken under GitHub's slugs, fine under Hexo's.
const ISSUE = [
  '# AI 周报 第 1 期',
  '',
  '## 目录',
  '',
  '1. [FramePack：提升视频生成效率的上下文压缩框架](#FramePack：提升视频生成效率的上下文压缩框架)',
  '',
  '## FramePack：提升视频生成效率的上下文压缩框架',
  '',
  '**概要**：一个压缩框架。',
  '',
  '**标签**：#视频生成',
  '',
  '### **参考链接**',
  '',
  '1. [FramePack 项目主页](https://example.org/framepack)',
  '',
].join('\n');

const CHANGED = 2;
const DELETED = 3;
const anchorProblems = (p: PublishedDiagnostics) => p.diagnostics.filter((d) => d.code === 'toc-broken-anchor');

describe('.weekly-issues.json in the LSP server', () => {
  let dir: string;
  let client: LspClient;
  let configFile: string;
  let configUri: string;
  let issueUri: string;

  /** Writes the config file and tells the server, as VS Code's file watcher does. */
  function writeConfig(text: string): number {
    const mark = client.published.length;
    fs.writeFileSync(configFile, text);
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: configUri, type: CHANGED }] });
    return mark;
  }

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'weekly-lsp-config-'));
    configFile = path.join(dir, '.weekly-issues.json');
    configUri = pathToFileURL(configFile).href;
    issueUri = pathToFileURL(path.join(dir, 'issue.md')).href;
    fs.writeFileSync(path.join(dir, 'issue.md'), ISSUE);
    fs.writeFileSync(configFile, '{\n  "slugStyle": "hexo",\n}\n'); // a trailing comma: not JSON
    client = await LspClient.start({ workspaceFolders: [dir], settings: { weekly: {} } });
  });

  after(async () => {
    await client?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('a bad file: one diagnostic on the file, at the fault; the issue is checked with the defaults', async () => {
    client.open(issueUri, ISSUE);
    const onFile = await client.waitForDiagnostics(configUri, { where: (p) => p.diagnostics.length > 0 });
    assert.equal(onFile.diagnostics.length, 1);
    const [d] = onFile.diagnostics as Diagnostic[];
    assert.equal(d.source, 'weekly');
    assert.equal(d.code, 'config-invalid');
    assert.equal(d.severity, 1, 'invalid JSON is an error');
    assert.deepEqual(d.range.start, { line: 2, character: 0 }, 'where the JSON breaks: the } after the trailing comma');
    assert.match(d.message, /^\.weekly-issues\.json: not valid JSON \(.+\); using the default settings\.$/);

    const issue = await client.waitForDiagnostics(issueUri, { version: 1 });
    assert.equal(anchorProblems(issue).length, 1, 'GitHub slugs (the default) do not match the Hexo-style TOC link');
  });

  it('a good file replaces the bad one: the diagnostic goes and the Hexo slug style applies', async () => {
    const mark = writeConfig('{ "slugStyle": "hexo" }\n');
    const cleared = await client.waitForDiagnostics(configUri, { after: mark });
    assert.deepEqual(cleared.diagnostics, []);
    const issue = await client.waitForDiagnostics(issueUri, { after: mark });
    assert.deepEqual(anchorProblems(issue), [], 'the TOC link is the Hexo id of its heading');
  });

  it('a valid file with a wrong setting: one warning at that setting, its good settings still used', async () => {
    const mark = writeConfig('{\n  "slugStyle": "hexo",\n  "severity": { "tag-duplicate": "loud" }\n}\n');
    const onFile = await client.waitForDiagnostics(configUri, { after: mark, where: (p) => p.diagnostics.length > 0 });
    assert.equal(onFile.diagnostics.length, 1);
    const [d] = onFile.diagnostics;
    assert.equal(d.severity, 2);
    assert.deepEqual(d.range, { start: { line: 2, character: 16 }, end: { line: 2, character: 39 } });
    assert.match(d.message, /severity\.tag-duplicate must be one of off, hint, info, warning, error/);
    const issue = await client.waitForDiagnostics(issueUri, { after: mark });
    assert.deepEqual(anchorProblems(issue), [], 'slugStyle from the file still applies');
  });

  it('VS Code settings the user set win over the file; defaults VS Code merely reports do not', async () => {
    let mark = client.published.length;
    // As our client sends them: VS Code's answer (defaults included) and the keys the user set.
    client.setSettings({ weekly: { slugStyle: 'github', __explicitKeys: [] } });
    let issue = await client.waitForDiagnostics(issueUri, { after: mark });
    assert.deepEqual(anchorProblems(issue), [], 'slugStyle github is only the default here: the file (hexo) applies');

    mark = client.published.length;
    client.setSettings({ weekly: { slugStyle: 'github', __explicitKeys: ['slugStyle'] } });
    issue = await client.waitForDiagnostics(issueUri, { after: mark });
    assert.equal(anchorProblems(issue).length, 1, 'the user chose github: it wins over the file');

    mark = client.published.length;
    client.setSettings({ weekly: {} });
    issue = await client.waitForDiagnostics(issueUri, { after: mark });
    assert.deepEqual(anchorProblems(issue), []);
  });

  it('the file deleted: its diagnostic is cleared and the defaults apply again', async () => {
    writeConfig('{ "slugStyle": 1 }');
    await client.waitForDiagnostics(configUri, { where: (p) => p.diagnostics.length > 0 && /slugStyle/.test(p.diagnostics[0].message) });
    const mark = client.published.length;
    fs.rmSync(configFile);
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: configUri, type: DELETED }] });
    const cleared = await client.waitForDiagnostics(configUri, { after: mark });
    assert.deepEqual(cleared.diagnostics, []);
    const issue = await client.waitForDiagnostics(issueUri, { after: mark });
    assert.equal(anchorProblems(issue).length, 1);
    await client.roundTrip(); // still answering
  });
});

describe('.weekly-issues.json in the LSP server: its diagnostic (and the index\'s progress) in the client\'s language, linked to its page', () => {
  for (const [locale, expected] of [
    ['zh-cn', /^\.weekly-issues\.json：severity\.tag-duplicate 必须是 off, hint, info, warning, error 之一。$/],
    ['en', /^\.weekly-issues\.json: severity\.tag-duplicate must be one of off, hint, info, warning, error\.$/],
  ] as const) {
    it(`${locale}: the message, and codeDescription.href to docs/rules/config-invalid.md`, async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'weekly-config-l10n-'));
      const file = path.join(dir, '.weekly-issues.json');
      fs.writeFileSync(file, '{\n  "severity": { "tag-duplicate": "loud" }\n}\n');
      const client = await LspClient.start({ workspaceFolders: [dir], settings: { weekly: {} }, locale });
      try {
        client.open(pathToFileURL(path.join(dir, 'issue.md')).href, ISSUE);
        const onFile = await client.waitForDiagnostics(pathToFileURL(file).href, { where: (p) => p.diagnostics.length > 0 });
        const [d] = onFile.diagnostics as Diagnostic[];
        assert.match(d.message, expected);
        assert.deepEqual(d.range, { start: { line: 1, character: 16 }, end: { line: 1, character: 39 } }, 'at the setting, in either language');
        assert.match(d.codeDescription?.href ?? '', /\/docs\/rules\/config-invalid\.md$/);
        // The index's progress, in the same language (workspace/symbol is answered once the index is built).
        await client.request('workspace/symbol', { query: 'x' });
        const begin = client.events.find((e) => e.kind === 'progress' && e.value.kind === 'begin') as { value: { title?: string } } | undefined;
        assert.match(begin?.value.title ?? '', locale === 'en' ? /^Weekly Issues: indexing Markdown files$/ : /^Weekly Issues：正在索引 Markdown 文件$/);
      } finally {
        await client.stop();
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
  }
});
