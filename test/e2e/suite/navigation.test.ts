/**
 * Completion, hover and rename through the VS Code API, against the packaged extension: the tag
 * completion list after `#` in a tags field, the hover of a TOC link, and a heading rename that
 * updates the TOC entry (its anchor and its text) in one edit.
 */
import * as assert from 'assert/strict';
import * as vscode from 'vscode';
import { SAMPLE_ISSUE, activeExtension, closeAllEditors, openEditor, waitFor, writeVariant } from './helpers';

const TAGS_LINE = '**标签**：#视频生成 #上下文压缩 #Transformer #高效计算 #视频扩散';
const FRAMEPACK = 'FramePack：提升视频生成效率的上下文压缩框架';

function positionAfter(doc: vscode.TextDocument, needle: string, delta = needle.length): vscode.Position {
  const at = doc.getText().indexOf(needle);
  if (at < 0) throw new Error(`"${needle}" is not in ${doc.uri.path}`);
  return doc.positionAt(at + delta);
}

/** Our items only: VS Code's own Markdown support completes paths and anchors too. */
const ours = (items: vscode.CompletionItem[]) => items.filter((i) => typeof i.detail === 'string' && /^\d+ papers?$/.test(i.detail));

suite('completion, hover and rename', () => {
  suiteSetup(activeExtension);
  suiteTeardown(closeAllEditors);

  test('after # in a tags field: the workspace tags, ranked by the papers using them, with the count', async () => {
    const uri = await writeVariant(SAMPLE_ISSUE, 'tag-completion.md', (t) => t.replace(TAGS_LINE, '**标签**：#视频生成 #'));
    const editor = await openEditor(uri);
    const position = positionAfter(editor.document, '**标签**：#视频生成 #');
    const items = await waitFor('tag completions from the index', async () => {
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, position, '#');
      const found = ours(list.items);
      return found.some((i) => i.label === '#扩散模型') ? found : undefined;
    });
    const labels = items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    for (const tag of ['#扩散模型', '#上下文压缩', '#3D风格迁移']) assert.ok(labels.includes(tag), `${tag} among ${labels.join(' ')}`);
    // A tag already on the line is not offered again.
    assert.ok(!labels.includes('#视频生成'), `#视频生成 is on the line: ${labels.join(' ')}`);
    const ranked = [...items].sort((a, b) => String(a.sortText).localeCompare(String(b.sortText)));
    const count = (i: vscode.CompletionItem) => Number(/\d+/.exec(String(i.detail))![0]);
    assert.equal(count(ranked[0]), Math.max(...items.map(count)), 'the most used tag first');
    assert.ok(count(ranked[ranked.length - 1]) < count(ranked[0]), 'tags this document lacks rank lower');
    assert.ok(ranked.every((item, k) => k === 0 || count(ranked[k - 1]) >= count(item)), 'ranked by use');
  });

  test('hovering a TOC link shows the heading it lands on and the paper summary', async () => {
    const uri = await writeVariant(SAMPLE_ISSUE, 'toc-hover.md', (t) => t.replace('## 摘要', '## 摘要（悬停）'));
    const editor = await openEditor(uri);
    const position = positionAfter(editor.document, '](#dreamo', 3);
    const text = await waitFor('our hover on the TOC link', async () => {
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position);
      const values = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value)));
      return values.find((v) => v.startsWith('## DreamO'));
    });
    assert.match(text, /^## DreamO：多条件图像定制统一框架\n\nDreamO 是由 字节跳动 提出的图像定制统一框架/);
  });

  test('renaming a heading updates its TOC entry, anchor and text, in one undoable edit', async () => {
    const uri = await writeVariant(SAMPLE_ISSUE, 'rename-heading.md', (t) => t.replace('## 摘要', '## 摘要（重命名）'));
    const editor = await openEditor(uri);
    const doc = editor.document;
    const original = doc.getText();
    const position = positionAfter(doc, `## ${FRAMEPACK}`, 5);
    const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', uri, position, 'FramePack：更快的视频生成');
    assert.ok(edit, 'a rename edit');
    assert.equal(await vscode.workspace.applyEdit(edit), true);
    const text = doc.getText();
    assert.match(text, /^## FramePack：更快的视频生成$/m);
    assert.match(text, /^1\. \[FramePack：更快的视频生成\]\(#framepack更快的视频生成\)$/m, 'the TOC entry follows: anchor and text');
    assert.ok(!text.includes('#framepack提升视频生成效率的上下文压缩框架'), 'no link to the old anchor is left');
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('undo');
    assert.equal(doc.getText(), original, 'one undo restores the document');
  });
});
