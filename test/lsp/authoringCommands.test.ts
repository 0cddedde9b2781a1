/**
 * The authoring commands over real JSON-RPC: `workspace/executeCommand` answers with an edit bound to the
 * document's version, refuses a stale version, and speaks the client's language (`locale`).
 * Needs `npm run build` (runs dist/extension.js as the server).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextDocumentEdit } from 'vscode-languageserver-types';
import { LspClient, REPO_ROOT } from './lspClient';
import type { EditCommandResult, KnownTagsResult } from '../../server/src/protocol/commandProtocol';

const SAMPLE = fs.readFileSync(path.join(REPO_ROOT, 'examples', 'ai-weekly-sample.md'), 'utf8');

function applyResult(text: string, result: EditCommandResult): string {
  const change = result.edit!.documentChanges![0] as TextDocumentEdit;
  return TextDocument.applyEdits(TextDocument.create('x', 'markdown', 1, text), change.edits);
}

describe('authoring commands over LSP', () => {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start({ locale: 'zh-cn' });
  });
  after(async () => {
    await client.stop();
  });

  it('advertises its commands', () => {
    const commands = (client.initializeResult as { capabilities: { executeCommandProvider?: { commands: string[] } } }).capabilities.executeCommandProvider?.commands;
    assert.deepEqual(commands?.filter((c) => c.startsWith('weekly.server.')).sort(), [
      'weekly.server.checkLinks', 'weekly.server.fixAll', 'weekly.server.knownTags', 'weekly.server.lookupPapers', 'weekly.server.newPaperEntries', 'weekly.server.newPaperEntry',
      'weekly.server.renumberReferences', 'weekly.server.updateToc',
    ]);
  });

  it('New Paper Entry: a versioned edit, the cursor on the summary in the edited text', async () => {
    const uri = client.uri('examples/lsp-new-entry.md');
    client.open(uri, SAMPLE, 3);
    // The cursor at the start of the `## Describe Anything` heading: the paper goes before it, as third.
    const line = SAMPLE.split('\n').indexOf('## Describe Anything：局部区域的精细图像与视频描述模型');
    assert.ok(line > 0);
    const result = await client.request<EditCommandResult>('workspace/executeCommand', {
      command: 'weekly.server.newPaperEntry',
      arguments: [{ uri, version: 3, name: 'NewNet', title: '一个新模型', summary: '新方法。', tags: ['扩散模型'], urls: ['https://github.com/a/newnet'], cursor: { line, character: 0 } }],
    });
    assert.equal(result.error, undefined);
    const change = result.edit!.documentChanges![0] as TextDocumentEdit;
    assert.deepEqual(change.textDocument, { uri, version: 3 });
    const text = applyResult(SAMPLE, result);
    const cut = SAMPLE.indexOf('### **参考链接**');
    const head = SAMPLE.slice(0, cut)
      .replace('3. [Describe Anything', '3. [NewNet：一个新模型](#newnet一个新模型)\n4. [Describe Anything')
      .replace('4. [DreamID', '5. [DreamID').replace('5. [DreamO', '6. [DreamO').replace('6. [StyleMe3D', '7. [StyleMe3D')
      .replace('## Describe Anything：', '## NewNet：一个新模型\n\n![NewNet 图]()\n\n**概要**：新方法。\n\n**标签**：#扩散模型\n\n---\n\n## Describe Anything：');
    const refs = SAMPLE.slice(cut)
      .replace(/\n(\d+)\. \[(Describe|DreamI|DreamO|StyleMe3D)/g, (_, n: string, w: string) => `\n${Number(n) + 1}. [${w}`)
      .replace('7. [Describe Anything 项目主页]', '6. [NewNet GitHub 仓库](https://github.com/a/newnet)\n7. [Describe Anything 项目主页]');
    const expected = head + refs;
    assert.equal(text, expected);
    const lines = text.split('\n');
    const sel = result.selection!;
    assert.equal(lines[sel.start.line].slice(sel.start.character, sel.end.character), '新方法。');
  });

  it('refuses a stale version, in Chinese for a zh-cn client', async () => {
    const uri = client.uri('examples/lsp-stale.md');
    client.open(uri, SAMPLE, 1);
    client.replace(uri, 2, SAMPLE + '\n');
    const result = await client.request<EditCommandResult>('workspace/executeCommand', {
      command: 'weekly.server.newPaperEntry',
      arguments: [{ uri, version: 1, name: 'X' }],
    });
    assert.deepEqual(result, { error: '准备修改期间文档已被更改，请重新运行该命令。' });
  });

  it('says why on a file that is not an issue', async () => {
    const uri = client.uri('notes-not-issue.md');
    client.open(uri, '# Notes\n\nJust notes.\n', 1);
    const result = await client.request<EditCommandResult>('workspace/executeCommand', {
      command: 'weekly.server.updateToc',
      arguments: [{ uri, version: 1 }],
    });
    assert.match(result.error ?? '', /^此文件不是周报/);
  });

  it('Update Table of Contents and Renumber References return the structure fixes', async () => {
    const uri = client.uri('examples/lsp-structure.md');
    const broken = SAMPLE.replace('2. [Step1X-Edit', '9. [Step1X-Edit').replace('5. [Step1X-Edit 论文链接]', '50. [Step1X-Edit 论文链接]');
    client.open(uri, broken, 1);
    const toc = await client.request<EditCommandResult>('workspace/executeCommand', { command: 'weekly.server.updateToc', arguments: [{ uri, version: 1 }] });
    assert.equal(applyResult(broken, toc), SAMPLE.replace('5. [Step1X-Edit 论文链接]', '50. [Step1X-Edit 论文链接]'));
    const refs = await client.request<EditCommandResult>('workspace/executeCommand', { command: 'weekly.server.renumberReferences', arguments: [{ uri, version: 1 }] });
    assert.equal(applyResult(broken, refs), SAMPLE.replace('2. [Step1X-Edit', '9. [Step1X-Edit'));
    const same = await client.request<EditCommandResult>('workspace/executeCommand', { command: 'weekly.server.renumberReferences', arguments: [{ uri: client.uri('examples/lsp-new-entry.md'), version: 3 }] });
    assert.deepEqual(same, { unchanged: true });
  });
});

describe('known tags for New Paper Entry, from the workspace index', () => {
  let client: LspClient;
  let workspace: string;
  before(async () => {
    // A workspace of one other issue, so the index's counts are known.
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'weekly-lsp-authoring-'));
    fs.writeFileSync(path.join(workspace, 'other.md'), [
      '# Other', '', '## 目录', '', '1. [X：Y](#xy)', '', '## X：Y', '', '**概要**：x', '', '**标签**：#扩散模型 #SharedTag', '',
      '### **参考链接**', '', '1. [X 项目主页](https://x.example.org/)', '',
    ].join('\n'));
    client = await LspClient.start({ workspaceFolders: [workspace] });
  });
  after(async () => {
    await client.stop();
    fs.rmSync(workspace, { recursive: true, force: true });
  });

  it('ranks the tags by the issues using them, this one included', async () => {
    const uri = client.uri('this.md');
    client.open(uri, SAMPLE, 1);
    // The workspace index is built in the background: ask until it knows the other issue's tags.
    let tags: KnownTagsResult = { tags: [] };
    for (let attempt = 0; attempt < 200 && !tags.tags.some((t) => t.tag === 'SharedTag'); attempt++) {
      if (attempt) await new Promise((r) => setTimeout(r, 50));
      tags = await client.request<KnownTagsResult>('workspace/executeCommand', { command: 'weekly.server.knownTags', arguments: [{ uri, version: 1 }] });
    }
    // Papers using each tag (the shared ranking): one in other.md and two in this one.
    assert.deepEqual(tags.tags[0], { tag: '扩散模型', count: 3 });
    assert.deepEqual(tags.tags.find((t) => t.tag === '视频生成'), { tag: '视频生成', count: 1 });
    assert.deepEqual(tags.tags.find((t) => t.tag === 'SharedTag'), { tag: 'SharedTag', count: 1 });
  });
});
