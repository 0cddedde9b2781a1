import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { CompletionItem, CompletionList, Range, TextEdit } from 'vscode-languageserver-types';
import { docAt, SAMPLE, workspaceService } from './navigationWorkspace';

const issue = (title: string, tags: string) =>
  `# ${title}\n\n## Contents\n\n1. [A: x](#a-x)\n\n## A: x\n\n**Summary**: s\n\n**Tags**: ${tags}\n\n## References\n\n1. [A Paper](https://arxiv.org/abs/2501.00001)\n`;

const others = {
  'a.md': issue('One', '#diffusion #video #视频生成'),
  'b.md': issue('Two', '#diffusion #video'),
  'c.md': issue('Three', '#diffusion #视频扩散'),
  'sample.md': SAMPLE,
};
let lastList: CompletionList | undefined;
/** An item's edit: its own, or the list's default range with its textEditText (LSP 3.17 itemDefaults). */
const edit = (item: CompletionItem): TextEdit =>
  (item.textEdit as TextEdit | undefined) ?? { range: lastList!.itemDefaults!.editRange as Range, newText: item.textEditText! };

describe('completion', () => {
  it('offers the workspace tags after # in a tags field, ranked by use, with the count', async () => {
    const { service } = await workspaceService(others);
    const { doc, position } = docAt('new.md', issue('New', '#$$CURSOR$$'));
    const items = (lastList = service.getCompletions(doc, position)).items;
    const top = [...items].sort((a, b) => a.sortText!.localeCompare(b.sortText!)).slice(0, 2);
    assert.deepEqual(top.map((i) => [i.label, i.detail]), [
      ['#diffusion', '3 papers'],
      ['#video', '2 papers'],
    ]);
    assert.equal(items.find((i) => i.label === '#视频生成')?.detail, '2 papers', 'a.md and the sample');
    assert.ok(items.some((i) => i.label === '#3D风格迁移'), 'tags of the sample issue too');
    // The edit replaces what follows the # (nothing yet) with the name; the client filters by filterText.
    assert.deepEqual(edit(top[0]).range, { start: position, end: position });
    assert.equal(edit(top[0]).newText, 'diffusion');
    assert.equal(top[0].filterText, 'diffusion');
  });

  it('ranks by papers, then issues of the same language, then recency; count in detail, papers in documentation', async () => {
    const { service } = await workspaceService({
      '2025-01-01-one.md': issue('One', '#shared #old'),
      '2026-01-01-two.md': issue('Two', '#shared #new'),
      'sample.md': SAMPLE,
    });
    const { doc, position } = docAt('new.md', issue('New', '#$$CURSOR$$'));
    const items = (lastList = service.getCompletions(doc, position)).items;
    const ranked = [...items].sort((a, b) => a.sortText!.localeCompare(b.sortText!));
    assert.deepEqual(ranked.slice(0, 4).map((i) => [i.label, i.detail]), [
      ['#shared', '2 papers'], // 2 papers in 2 English issues
      ['#扩散模型', '2 papers'], // 2 papers, but in a Chinese issue
      ['#new', '1 paper'], // the later issue
      ['#old', '1 paper'],
    ]);
    assert.ok(ranked.every((i) => i.filterText === (i.label as string).slice(1)), 'filterText is the name without #');
    assert.deepEqual(items.find((i) => i.label === '#new')?.documentation, { kind: 'markdown', value: 'Used by A (2026-01-01-two)' });
  });

  it('replaces the Unicode tag being typed, and the rest of it after the cursor', async () => {
    const { service, index } = await workspaceService(others);
    const { doc, position } = docAt('new.md', issue('New', '#old #视频$$CURSOR$$生'));
    index.setOpenDocument(doc.uri, service.getModel(doc)); // as the server does for open documents
    const items = (lastList = service.getCompletions(doc, position)).items;
    const item = items.find((i) => i.label === '#视频扩散')!;
    assert.equal(item.filterText, '视频扩散');
    assert.deepEqual(edit(item).range, { start: { ...position, character: position.character - 2 }, end: { ...position, character: position.character + 1 } });
    assert.ok(!items.some((i) => i.label === '#old'), 'a tag already on the line is not offered again');
    assert.ok(!items.some((i) => i.label === '#视频生'), 'the tag being typed is no suggestion');
  });

  it('sends at most 200 tags, the most used, filtered by what is typed and marked incomplete', async () => {
    // 250 tags: tag-k is used in k % 7 + 1 issues.
    const files: Record<string, string> = {};
    for (let f = 0; f < 7; f++) {
      const tags = Array.from({ length: 250 }, (_, k) => k).filter((k) => k % 7 >= f).map((k) => `#tag-${k}`);
      files[`w${f}.md`] = issue(`W${f}`, tags.join(' '));
    }
    const { service } = await workspaceService(files);
    const empty = docAt('new.md', issue('New', '#$$CURSOR$$'));
    const top = service.getCompletions(empty.doc, empty.position);
    assert.equal(top.isIncomplete, true);
    assert.equal(top.items.length, 200);
    assert.equal(top.items[0].detail, '7 papers');
    assert.ok(!top.items.some((i) => i.detail === '1 paper'), 'the least used are left for typing to find');
    const typed = docAt('new.md', issue('New', '#t249$$CURSOR$$'));
    const found = service.getCompletions(typed.doc, typed.position);
    assert.equal(found.isIncomplete, true);
    // Letters in order, as the client's fuzzy filter matches them: only tag-249 has t, 2, 4, 9 in order.
    assert.deepEqual(found.items.map((i) => i.label).sort(), ['#tag-249']);
    const loose = docAt('new.md', issue('New', '#t24$$CURSOR$$'));
    const many = service.getCompletions(loose.doc, loose.position).items.map((i) => i.label as string);
    assert.ok(many.includes('#tag-24') && many.includes('#tag-124') && many.includes('#tag-249'));
    assert.ok(many.every((l) => /t.*2.*4/.test(l)));
  });

  it('offers no tags where a # starts a heading, but does after a space in prose', async () => {
    const { service } = await workspaceService(others);
    const heading = docAt('new.md', '# Title\n\n#$$CURSOR$$\n');
    assert.equal(service.getCompletions(heading.doc, heading.position).items.length, 0);
    const prose = docAt('new.md', '# Title\n\nSee also #dif$$CURSOR$$\n');
    assert.ok(service.getCompletions(prose.doc, prose.position).items.some((i) => i.label === '#diffusion'));
  });

  it('offers the anchors after (# in document order, labelled by heading, inserting slugs with duplicate suffixes', async () => {
    const { service } = await workspaceService({});
    const { doc, position } = docAt('new.md', '# 标题\n\n## FramePack：视频\n\n## Intro\n\n## Intro\n\nSee [x](#$$CURSOR$$)\n');
    const items = (lastList = service.getCompletions(doc, position)).items;
    assert.deepEqual(items.map((i) => [i.label, edit(i).newText]), [
      ['标题', '标题'],
      ['FramePack：视频', 'framepack视频'],
      ['Intro', 'intro'],
      ['Intro', 'intro-1'],
    ]);
    assert.deepEqual(items.map((i) => i.sortText), ['0', '1', '2', '3']);
  });

  it("offers another file's anchors after (file.md#", async () => {
    const { service } = await workspaceService(others);
    const { doc, position } = docAt('new.md', '# N\n\n[x](a.md#$$CURSOR$$)\n');
    assert.deepEqual((lastList = service.getCompletions(doc, position)).items.map((i) => edit(i).newText), ['one', 'contents', 'a-x', 'references']);
  });

  it('offers reference labels inside [text][', async () => {
    const { service } = await workspaceService({});
    const { doc, position } = docAt('new.md', '# N\n\nSee [paper][$$CURSOR$$]\n\n[Arxiv One]: https://arxiv.org/abs/1\n[code]: https://github.com/a/b\n');
    assert.deepEqual((lastList = service.getCompletions(doc, position)).items.map((i) => [i.label, i.detail]), [
      ['Arxiv One', 'https://arxiv.org/abs/1'],
      ['code', 'https://github.com/a/b'],
    ]);
  });

  it("offers the field labels of the issue's language at the start of a line in a paper", async () => {
    const { service } = await workspaceService({});
    const zh = SAMPLE.replace('**标签**：#视频生成', () => '$$CURSOR$$\n\n**标签**：#视频生成');
    const a = docAt('zh.md', zh);
    const zhItems = (lastList = service.getCompletions(a.doc, a.position)).items;
    assert.deepEqual(zhItems.map((i) => edit(i).newText), ['**概要**：', '**标签**：']);
    assert.match(zhItems[0].detail!, /already has/);
    const b = docAt('en.md', issue('E', '#a').replace('**Summary**: s', () => '**Su$$CURSOR$$'));
    const enItems = (lastList = service.getCompletions(b.doc, b.position)).items;
    assert.deepEqual(enItems.map((i) => edit(i).newText), ['**Summary**: ', '**Tags**: ']);
    assert.deepEqual(edit(enItems[0]).range.start, { line: b.position.line, character: 0 });
    const outside = docAt('en.md', '$$CURSOR$$' + issue('E', '#a'));
    assert.equal(service.getCompletions(outside.doc, outside.position).items.length, 0, 'not outside a paper');
  });
});
