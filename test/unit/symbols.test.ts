/** Document symbols, workspace symbols, folding ranges and document links. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { SymbolKind } from 'vscode-languageserver-types';
import { docAt, positionOf, SAMPLE, uriOf, workspaceService } from './navigationWorkspace';

const EN = '# Weekly 2\n\n## Contents\n\n1. [FlowPack: video](#flowpack-video)\n\n## FlowPack: video\n\n**Summary**: s\n\n**Tags**: #video #fast\n\n### Details\n\nd\n\n## References\n\n1. [FlowPack Project Page](https://flowpack.example.org/)\n2. [FlowPack Paper](https://arxiv.org/abs/2501.00002v2)\n';

describe('document symbols', () => {
  it('shows the issue holding its sections; papers by name with their tags as detail', async () => {
    const { service } = await workspaceService({});
    const symbols = service.getDocumentSymbols(docAt('sample.md', SAMPLE).doc);
    assert.equal(symbols.length, 1);
    const issue = symbols[0];
    assert.equal(issue.kind, SymbolKind.File);
    assert.equal(issue.detail, '6 papers');
    const children = issue.children!;
    // The reference list (a ### after the last paper) is the issue's part, a sibling of the papers.
    assert.deepEqual(children.map((c) => [c.name, c.kind]), [
      ['摘要', SymbolKind.Namespace],
      ['目录', SymbolKind.Namespace],
      ['FramePack', SymbolKind.Object],
      ['Step1X-Edit', SymbolKind.Object],
      ['Describe Anything', SymbolKind.Object],
      ['DreamID', SymbolKind.Object],
      ['DreamO', SymbolKind.Object],
      ['StyleMe3D', SymbolKind.Object],
      ['参考链接', SymbolKind.Namespace],
    ]);
    const framePack = children[2];
    assert.equal(framePack.detail, '#视频生成 #上下文压缩 #Transformer #高效计算 #视频扩散');
    assert.equal(framePack.selectionRange.start.line, positionOf(SAMPLE, '## FramePack：').line);
    assert.deepEqual(children[7].children, [], 'nothing nests under the last paper');
    assert.ok(children[7].range.end.line < children[8].range.start.line, "the last paper's range ends before the reference list");
  });
});

describe('workspace symbols', () => {
  it("finds the papers of every issue by name, letters in order, with the issue's title", async () => {
    const { service } = await workspaceService({ '2025/w1.md': SAMPLE, '2025/w2.md': EN, 'notes.md': '# Notes\n\n## Not a paper\n' });
    const found = service.getWorkspaceSymbols('dream');
    assert.deepEqual(found.map((s) => [s.name, s.location.uri, s.location.range.start.line]), [
      ['DreamID', uriOf('2025/w1.md'), positionOf(SAMPLE, '## DreamID：').line],
      ['DreamO', uriOf('2025/w1.md'), positionOf(SAMPLE, '## DreamO：').line],
    ]);
    assert.match(found[0].containerName!, /AI周报/);
    assert.deepEqual(service.getWorkspaceSymbols('flwpk').map((s) => s.name), ['FlowPack']);
    assert.equal(service.getWorkspaceSymbols('').length, 7);
  });
});

describe('folding ranges', () => {
  it('folds each section up to its last non-blank line', async () => {
    const { service } = await workspaceService({});
    const ranges = service.getFoldingRanges(docAt('en.md', EN).doc);
    assert.deepEqual(ranges, [
      { startLine: 0, endLine: 19 },
      { startLine: 2, endLine: 4 },
      { startLine: 6, endLine: 14 },
      { startLine: 12, endLine: 14 },
      { startLine: 16, endLine: 19 },
    ]);
  });
});

describe('document links', () => {
  it('links each reference entry, saying what it is and whose it is', async () => {
    const { service } = await workspaceService({});
    const links = service.getDocumentLinks(docAt('en.md', EN).doc);
    assert.deepEqual(links.map((l) => [l.target, l.tooltip, l.range.start]), [
      ['https://flowpack.example.org/', 'FlowPack: Project page on flowpack.example.org', positionOf(EN, 'https://flowpack')],
      ['https://arxiv.org/abs/2501.00002v2', 'FlowPack: arXiv paper 2501.00002v2', positionOf(EN, 'https://arxiv')],
    ]);
  });
});
