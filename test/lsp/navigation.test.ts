/**
 * Completion, hover, navigation and the workspace index through the real server over stdio, on a
 * workspace on disk, with a local HTTP server on 127.0.0.1 standing in for arXiv, GitHub and project pages.
 * Needs `npm run build` (runs dist/extension.js as the server, as VS Code does).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import type { CompletionList, DocumentLink, DocumentSymbol, FoldingRange, Hover, Location, MarkupContent, SymbolInformation, WorkspaceEdit } from 'vscode-languageserver-types';
import { LspClient } from './lspClient';
import { startPreviewSites, type PreviewSites } from '../support/previewSites';

const SAMPLE = fs.readFileSync(path.join(__dirname, '..', '..', 'examples', 'ai-weekly-sample.md'), 'utf8');
const REFERENCE_3 = '[FramePack 论文链接](https://arxiv.org/html/2504.12626)';
const FRAMEPACK = 'framepack提升视频生成效率的上下文压缩框架';
const issue = (title: string, tags: string) =>
  `# ${title}\n\n## Contents\n\n1. [A: x](#a-x)\n\n## A: x\n\n**Summary**: s\n\n**Tags**: ${tags}\n\n## References\n\n1. [A Paper](https://arxiv.org/abs/2501.00001)\n`;

/** Line and character of the first `needle` in `text`, plus `delta`. */
function at(text: string, needle: string, delta = 0) {
  const i = text.indexOf(needle);
  assert.ok(i >= 0, `${needle} is in the text`);
  const before = text.slice(0, i + delta).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}

let workspace: string;
let sites: PreviewSites;
let client: LspClient;
const progress: Array<{ kind: string; title?: string; message?: string }> = [];
const fileUri = (rel: string) => pathToFileURL(path.join(workspace, rel)).href;

before(async () => {
  sites = await startPreviewSites();
  workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'weekly-nav-'));
  const write = (rel: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(workspace, rel)), { recursive: true });
    fs.writeFileSync(path.join(workspace, rel), text);
  };
  write('2025/w17.md', SAMPLE);
  write('2025/w18.md', issue('Week 18', '#扩散模型 #video'));
  write('2025/w19.md', issue('Week 19', '#扩散模型 #video #agents #neuralfield'));
  write('notes.md', `# Notes\n\nSee [FramePack](2025/w17.md#${FRAMEPACK}).\n`);
  write('drafts/secret.md', issue('Draft', '#draft-only'));
  write('archive/old.md', issue('Old', '#archived-only'));
  client = await LspClient.start({
    workspaceFolders: [workspace],
    settings: { weekly: { exclude: ['drafts/**'], services: { arxivApiUrl: sites.arxivApiUrl, githubApiUrl: sites.githubApiUrl }, network: { allowPrivateHosts: ['127.0.0.1'] } }, files: { exclude: { '**/.git': true, archive: true, '**/*.tmp': false } } },
    initializationOptions: { workspaceTrusted: true, previewCacheDir: path.join(workspace, '.cache') },
  });
  client.connection.onNotification('$/progress', (p: { value: { kind: string; title?: string; message?: string } }) => progress.push(p.value));
});

after(async () => {
  const code = await client.stop();
  await sites.close();
  fs.rmSync(workspace, { recursive: true, force: true });
  assert.equal(code, 0, `the server exits cleanly; stderr:\n${client.stderr}`);
});

describe('LSP: workspace index and symbols', () => {
  it('announces the providers, with # ( [ as completion triggers', () => {
    const caps = client.initializeResult!.capabilities as Record<string, unknown>;
    assert.deepEqual((caps.completionProvider as { triggerCharacters: string[] }).triggerCharacters, ['#', '(', '[']);
    for (const p of ['hoverProvider', 'definitionProvider', 'referencesProvider', 'documentSymbolProvider', 'workspaceSymbolProvider', 'foldingRangeProvider']) assert.ok(caps[p], p);
    assert.deepEqual(caps.renameProvider, { prepareProvider: true });
  });

  it('indexes the workspace with work-done progress, leaving out weekly.exclude and files.exclude', async () => {
    const symbols = await client.request<SymbolInformation[]>('workspace/symbol', { query: '' });
    assert.deepEqual(symbols.map((s) => s.name).sort(), ['A', 'A', 'Describe Anything', 'DreamID', 'DreamO', 'FramePack', 'Step1X-Edit', 'StyleMe3D']);
    const dream = await client.request<SymbolInformation[]>('workspace/symbol', { query: 'dreamo' });
    assert.deepEqual(dream.map((s) => [s.name, s.location.uri, s.location.range.start.line]), [['DreamO', fileUri('2025/w17.md'), at(SAMPLE, '## DreamO').line]]);
    assert.equal(progress[0]?.kind, 'begin');
    assert.match(progress[0].title!, /indexing Markdown files/);
    assert.equal(progress[progress.length - 1].kind, 'end');
  });

  it('offers document symbols, folding ranges and document links', async () => {
    const uri = fileUri('2025/w17.md');
    client.open(uri, SAMPLE);
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    // The outline: the issue, then its summary, TOC, papers (Object, tags as detail) and references as siblings.
    const shape = (s: DocumentSymbol): unknown => [s.name, s.kind, s.detail ?? '', s.range.start.line, (s.children ?? []).map(shape)];
    const line = (needle: string) => at(SAMPLE, needle).line;
    assert.deepEqual(symbols.map(shape), [
      ['FramePack压缩加速视频生成 | Step1X-Edit开源高质量图像编辑 | DreamID高保真换脸【AI周报】', 1, '6 papers', 0, [
        ['摘要', 3, '', line('## 摘要'), []],
        ['目录', 3, '', line('## 目录'), []],
        ['FramePack', 19, '#视频生成 #上下文压缩 #Transformer #高效计算 #视频扩散', line('## FramePack'), []],
        ['Step1X-Edit', 19, '#图像编辑 #多模态大模型 #扩散模型 #开源框架 #高质量数据生成', line('## Step1X-Edit'), []],
        ['Describe Anything', 19, '#局部描述 #图像视频理解 #多模态模型 #区域问答 #视觉语言模型', line('## Describe Anything'), []],
        ['DreamID', 19, '#扩散模型 #换脸 #身份保留 #高保真 #快速推理', line('## DreamID'), []],
        ['DreamO', 19, '#图像定制 #多条件控制 #DiffusionTransformer #特征路由 #渐进式训练', line('## DreamO'), []],
        ['StyleMe3D', 19, '#3D风格迁移 #高斯点云 #多模态建模 #语义解耦 #实时渲染', line('## StyleMe3D'), []],
        ['参考链接', 3, '', line('### **参考链接**'), []],
      ]],
    ]);
    const folds = await client.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri } });
    assert.ok(folds.some((f) => f.startLine === at(SAMPLE, '## FramePack').line && f.endLine === at(SAMPLE, '**标签**：#视频生成').line + 2), 'FramePack folds down to its closing rule');
    const links = await client.request<DocumentLink[]>('textDocument/documentLink', { textDocument: { uri } });
    assert.equal(links.length, 17);
    assert.equal(links[1].tooltip, 'FramePack: GitHub repository lllyasviel/FramePack');
    client.close(uri);
  });
});

describe('LSP: the index feeds the tag rules', () => {
  it('tag-near-duplicate knows the tags of the other issues', async () => {
    const uri = fileUri('2025/w21.md');
    client.open(uri, issue('Week 21', '#neuralfeld'));
    const published = await client.waitForDiagnostics(uri, { where: (p) => p.diagnostics.some((d) => d.code === 'tag-near-duplicate') });
    const d = published.diagnostics.find((x) => x.code === 'tag-near-duplicate')!;
    assert.match(d.message, /neuralfield/);
    client.close(uri);
  });
});

describe('LSP: completion', () => {
  it('completes tags from the index, ranked by use; watched file changes count', async () => {
    const uri = fileUri('2025/w20.md');
    const text = issue('Week 20', '#');
    client.open(uri, text);
    const position = at(text, '**Tags**: #', 11);
    const list = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri }, position, context: { triggerKind: 2, triggerCharacter: '#' } });
    const ranked = [...list.items].sort((a, b) => a.sortText!.localeCompare(b.sortText!));
    // Papers using the tag, then English issues using it (this one is English), then name (no dates here).
    assert.deepEqual(ranked.slice(0, 5).map((i) => [i.label, i.detail, i.filterText]), [
      ['#扩散模型', '4 papers', '扩散模型'],
      ['#video', '2 papers', 'video'],
      ['#agents', '1 paper', 'agents'],
      ['#neuralfield', '1 paper', 'neuralfield'],
      ['#3D风格迁移', '1 paper', '3D风格迁移'], // the Chinese sample's
    ]);
    assert.deepEqual(ranked[3].documentation, { kind: 'markdown', value: 'Used by A (w19)' });
    // This client announces no completionList.itemDefaults: every item carries its own edit.
    assert.deepEqual(ranked[0].textEdit, { range: { start: position, end: position }, newText: '扩散模型' });
    assert.equal(list.itemDefaults, undefined);
    assert.ok(!list.items.some((i) => i.label === '#draft-only'), 'weekly.exclude: not indexed');
    assert.ok(!list.items.some((i) => i.label === '#archived-only'), 'files.exclude: not indexed');

    fs.writeFileSync(path.join(workspace, '2025/w16.md'), issue('Week 16', '#robotics'));
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri('2025/w16.md'), type: 1 }] });
    const again = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri }, position });
    assert.equal(again.items.find((i) => i.label === '#robotics')?.detail, '1 paper');
    fs.rmSync(path.join(workspace, '2025/w16.md'));
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri('2025/w16.md'), type: 3 }] });
    const gone = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri }, position });
    assert.ok(!gone.items.some((i) => i.label === '#robotics'));
    client.close(uri);

    const withTags = issue('Week 20', '#video #扩散模型 #');
    client.open(uri, withTags);
    const rest = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri }, position: at(withTags, '扩散模型 #', 6) });
    const labels = [...rest.items].sort((a, b) => a.sortText!.localeCompare(b.sortText!)).map((i) => i.label);
    assert.deepEqual(labels.slice(0, 2), ['#agents', '#neuralfield'], 'tags already on the line are left out');
    client.close(uri);
  });

  it('completes anchors after (# with the heading text as label and the slug as edit', async () => {
    const uri = fileUri('scratch.md');
    const text = '# Title\n\n## Intro\n\n## Intro\n\n[x](#)\n';
    client.open(uri, text);
    const list = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri }, position: at(text, '(#', 2) });
    assert.deepEqual(list.items.map((i) => [i.label, (i.textEdit as { newText: string }).newText]), [['Title', 'title'], ['Intro', 'intro'], ['Intro', 'intro-1']]);
    client.close(uri);
  });
});

describe('LSP: hover', () => {
  it('previews an arXiv reference from the API (local stand-in), and says why not when untrusted', async () => {
    const uri = fileUri('2025/w17.md');
    client.open(uri, SAMPLE);
    const position = at(SAMPLE, 'https://arxiv.org/html/2504.12626', 5);
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position });
    const value = (hover.contents as MarkupContent).value;
    assert.match(value, /^\*\*arXiv paper 2504\.12626\*\* · paper \*\*FramePack\*\* · reference 3/);
    assert.match(value, /\*\*Packing Input Frame Context in Next-Frame Prediction Models for Video Generation\*\*/);
    assert.deepEqual(hover.range, { start: at(SAMPLE, '[FramePack 论文链接]'), end: at(SAMPLE, REFERENCE_3, REFERENCE_3.length) });

    client.notify('weekly/workspaceTrust', { trusted: false });
    const gh = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: at(SAMPLE, 'https://github.com/bytedance/DreamO', 5) });
    assert.match((gh.contents as MarkupContent).value, /GitHub repository bytedance\/DreamO\*\* · paper \*\*DreamO\*\*[\s\S]*No preview: previews are off in an untrusted workspace/);
    assert.equal(sites.hits.get('/repos/bytedance/DreamO'), undefined, 'nothing fetched');
    client.notify('weekly/workspaceTrust', { trusted: true });
    client.close(uri);
  });

  it('on a TOC link shows the heading and the summary; on a tag, its use', async () => {
    const uri = fileUri('2025/w17.md');
    client.open(uri, SAMPLE);
    const toc = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: at(SAMPLE, '(#dreamo', 3) });
    assert.match((toc.contents as MarkupContent).value, /^## DreamO：多条件图像定制统一框架\n\nDreamO 是由 字节跳动/);
    const tag = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: at(SAMPLE, '#扩散模型', 2) });
    assert.equal((tag.contents as MarkupContent).value, '**#扩散模型**: used in 3 issues and 4 papers.\n\nPapers with this tag:\n- Step1X-Edit (`w17.md`)\n- DreamID (`w17.md`)\n- A (`w19.md`)\n- A (`w18.md`)');
    client.close(uri);
  });
});

describe('LSP: definition, references, rename', () => {
  it('goes to a heading from a TOC link, and finds its links across files', async () => {
    const uri = fileUri('2025/w17.md');
    client.open(uri, SAMPLE);
    const defs = await client.request<Location[]>('textDocument/definition', { textDocument: { uri }, position: at(SAMPLE, `(#${FRAMEPACK}`, 3) });
    assert.deepEqual(defs.map((d) => [d.uri, d.range.start.line]), [[uri, at(SAMPLE, '## FramePack').line]]);
    const refs = await client.request<Location[]>('textDocument/references', { textDocument: { uri }, position: at(SAMPLE, '## FramePack', 4), context: { includeDeclaration: false } });
    assert.deepEqual(refs.map((r) => [path.basename(r.uri), r.range.start.line]), [['w17.md', at(SAMPLE, `(#${FRAMEPACK}`).line], ['notes.md', 2]]);
    client.close(uri);
  });

  it('renames a heading: the TOC entry and the other file follow; refuses clearly elsewhere', async () => {
    const uri = fileUri('2025/w17.md');
    client.open(uri, SAMPLE);
    const position = at(SAMPLE, '## FramePack', 4);
    const prepared = await client.request<{ placeholder: string }>('textDocument/prepareRename', { textDocument: { uri }, position });
    assert.equal(prepared.placeholder, 'FramePack：提升视频生成效率的上下文压缩框架');
    const edit = await client.request<WorkspaceEdit>('textDocument/rename', { textDocument: { uri }, position, newName: 'FramePack：更快' });
    const own = edit.changes![uri].map((e) => e.newText).sort();
    assert.deepEqual(own, ['FramePack：更快', 'FramePack：更快', 'framepack更快']);
    assert.deepEqual(edit.changes![fileUri('notes.md')].map((e) => e.newText), ['framepack更快']);
    await assert.rejects(
      client.request('textDocument/prepareRename', { textDocument: { uri }, position: at(SAMPLE, '本周亮点') }),
      /Only a heading or a #tag can be renamed/,
    );
    client.close(uri);
  });
});
