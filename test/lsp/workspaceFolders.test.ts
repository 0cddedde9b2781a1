/**
 * Workspace folders added and removed after start-up (`workspace/didChangeWorkspaceFolders`), through the
 * real server over stdio on folders on disk: the added folder is indexed (same exclusions, work-done
 * progress), the removed one's files leave the index, and open documents are checked again. Also tag
 * completion with `weekly.tagAliases`. Needs `npm run build`.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import type { CompletionItem, CompletionList, SymbolInformation } from 'vscode-languageserver-types';
import { LspClient } from './lspClient';

const issue = (title: string, paper: string, summary: string, tags: string) =>
  `# ${title}\n\n## Contents\n\n1. [${paper}: x](#${paper.toLowerCase()}-x)\n\n## ${paper}: x\n\n**Summary**: ${summary}\n\n**Tags**: ${tags}\n\n## References\n\n1. [${paper} Paper](https://arxiv.org/abs/2501.00001)\n`;

let base: string;
let folderA: string;
let folderB: string;
let client: LspClient;
const progress: Array<{ kind: string; title?: string }> = [];
const NEW_TEXT = issue('New', 'Neo', 'see [w2](../B/w2.md#nope)', '#beta-onl');
const folder = (p: string) => ({ uri: pathToFileURL(p).href, name: path.basename(p) });

/** Line and character of the first `needle` in `text`, plus `delta`. */
function at(text: string, needle: string, delta = 0) {
  const i = text.indexOf(needle);
  assert.ok(i >= 0, `${needle} is in the text`);
  const lines = text.slice(0, i + delta).split('\n');
  return { line: lines.length - 1, character: lines[lines.length - 1].length };
}

before(async () => {
  base = fs.mkdtempSync(path.join(os.tmpdir(), 'weekly-folders-'));
  folderA = path.join(base, 'A');
  folderB = path.join(base, 'B');
  const write = (file: string, text: string) => {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
  };
  write(path.join(folderA, 'w1.md'), issue('Week 1', 'Alpha', 's', '#shared #a-only'));
  write(path.join(folderB, 'w2.md'), issue('Week 2', 'Beta', 's', '#shared #beta-only #扩散模型'));
  write(path.join(folderB, 'drafts', 'd.md'), issue('Draft', 'Gamma', 's', '#draft-only'));
  // On disk too, so the first build has it (an open document is indexed a moment after it opens).
  write(path.join(folderA, 'new.md'), NEW_TEXT);
  client = await LspClient.start({
    workspaceFolders: [folderA],
    settings: { weekly: { exclude: ['drafts/**'], tagAliases: { diffusion: '扩散模型' }, validate: { scope: 'all' } } },
  });
  client.connection.onNotification('$/progress', (p: { value: { kind: string; title?: string } }) => progress.push(p.value));
});

after(async () => {
  const code = await client.stop();
  fs.rmSync(base, { recursive: true, force: true });
  assert.equal(code, 0, `the server exits cleanly; stderr:\n${client.stderr}`);
});

describe('LSP: workspace folders added and removed after start-up', () => {
  const uri = () => pathToFileURL(path.join(folderA, 'new.md')).href;
  const symbols = async () => (await client.request<SymbolInformation[]>('workspace/symbol', { query: '' })).map((s) => s.name).sort();
  const tags = async () => {
    const list = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri: uri() }, position: at(NEW_TEXT, '**Tags**: #', 11) });
    return new Map(list.items.map((i: CompletionItem) => [i.label, i.detail]));
  };
  const anchors = async () => {
    const list = await client.request<CompletionList | null>('textDocument/completion', { textDocument: { uri: uri() }, position: at(NEW_TEXT, 'w2.md#', 6) });
    return (list?.items ?? []).map((i) => i.label);
  };
  const codes = (p: { diagnostics: Array<{ code?: unknown; message: string }> }) => p.diagnostics.map((d) => d.code).sort();
  const begins = () => progress.filter((p) => p.kind === 'begin').length;

  it('announces workspace folder support with change notifications', () => {
    const caps = client.initializeResult!.capabilities as { workspace?: unknown };
    assert.deepEqual(caps.workspace, { workspaceFolders: { supported: true, changeNotifications: true } });
  });

  it('before: only the first folder is indexed', async () => {
    client.open(uri(), NEW_TEXT);
    const published = await client.waitForDiagnostics(uri(), { version: 1 });
    assert.ok(!codes(published).includes('tag-near-duplicate'), 'beta-only is not known yet');
    assert.ok(!codes(published).includes('broken-file-anchor'), "w2.md's anchors are not known yet");
    assert.deepEqual(await symbols(), ['Alpha', 'Neo']);
    const known = await tags();
    assert.equal(known.get('#shared'), '1 paper');
    assert.ok(!known.has('#beta-only'));
    assert.deepEqual(await anchors(), []);
    assert.equal(begins(), 1, 'the first build reported progress');
  });

  it('an added folder is indexed with progress and its exclusions; open documents are checked again', async () => {
    const seen = client.published.length;
    client.notify('workspace/didChangeWorkspaceFolders', { event: { added: [folder(folderB)], removed: [] } });
    assert.deepEqual(await symbols(), ['Alpha', 'Beta', 'Neo'], 'drafts/ stays out (weekly.exclude)');
    const known = await tags();
    assert.equal(known.get('#shared'), '2 papers');
    assert.equal(known.get('#beta-only'), '1 paper');
    assert.ok(!known.has('#draft-only'));
    assert.deepEqual(await anchors(), ['Week 2', 'Contents', 'Beta: x', 'References']);
    assert.equal(begins(), 2);
    assert.match(progress.filter((p) => p.kind === 'begin')[1].title!, /indexing Markdown files/);
    assert.equal(progress[progress.length - 1].kind, 'end');
    const rechecked = await client.waitForDiagnostics(uri(), { after: seen, where: (p) => codes(p).includes('tag-near-duplicate') });
    assert.ok(codes(rechecked).includes('broken-file-anchor'), `w2.md has no #nope: ${JSON.stringify(rechecked.diagnostics)}`);
    assert.match(rechecked.diagnostics.find((d) => d.code === 'tag-near-duplicate')!.message, /beta-only/);
  });

  it('tag completion offers the canonical tag of an alias, not the alias', async () => {
    const text = issue('Aliased', 'Delta', 's', '#diff');
    const aliased = pathToFileURL(path.join(folderA, 'aliased.md')).href;
    client.open(aliased, text);
    await client.waitForDiagnostics(aliased, { version: 1 }); // its settings (the aliases) are read by then
    const list = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri: aliased }, position: at(text, '#diff', 5) });
    const item = list.items.find((i) => i.filterText === 'diffusion');
    assert.equal(item?.label, '#扩散模型');
    assert.equal(item?.detail, 'canonical tag for #diffusion · 1 paper');
    assert.equal((item?.textEdit as { newText: string } | undefined)?.newText, '扩散模型');
    assert.ok(!list.items.some((i) => i.label === '#diffusion'));
    client.close(aliased);
  });

  it("a removed folder's files leave the index; open documents are checked again", async () => {
    const seen = client.published.length;
    client.notify('workspace/didChangeWorkspaceFolders', { event: { added: [], removed: [folder(folderB)] } });
    assert.deepEqual(await symbols(), ['Alpha', 'Neo']);
    const known = await tags();
    assert.equal(known.get('#shared'), '1 paper');
    assert.ok(!known.has('#beta-only'));
    assert.deepEqual(await anchors(), []);
    const rechecked = await client.waitForDiagnostics(uri(), { after: seen, where: (p) => !codes(p).includes('tag-near-duplicate') });
    assert.ok(!codes(rechecked).includes('broken-file-anchor'), "w2.md's anchors are no longer known");
    assert.equal(begins(), 2, 'removing reads nothing');
    client.close(uri());
  });
});
