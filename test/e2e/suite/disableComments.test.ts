/**
 * Inline disable comments in the real VS Code: the quick fix "Disable … for this line" writes the comment in
 * one undoable edit and the problem goes; a `weekly-issues-disable` block silences its codes until
 * `weekly-issues-enable`.
 */
import * as assert from 'assert/strict';
import * as vscode from 'vscode';
import { SAMPLE_ISSUE, activeExtension, closeAllEditors, diagnosticCode, openEditor, waitFor, waitForDiagnostic, writeVariant } from './helpers';

const GOOD = '#dreamid基于扩散模型的高保真快速换脸方法';
const BROKEN = '#dreamid-broken';

suite('inline disable comments', () => {
  suiteTeardown(closeAllEditors);

  test('the quick fix disables the code for that line, as one undoable edit', async () => {
    const uri = await writeVariant(SAMPLE_ISSUE, 'disable-fix.md', (t) => t.replace(`(${GOOD})`, `(${BROKEN})`));
    const editor = await openEditor(uri);
    await activeExtension();
    const before = editor.document.getText();
    const d = await waitForDiagnostic(uri, (x) => diagnosticCode(x) === 'toc-broken-anchor');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, d.range, vscode.CodeActionKind.QuickFix.value);
    const disable = actions.find((a) => a.title === 'Disable toc-broken-anchor for this line');
    assert.ok(disable?.edit, `offered: ${actions.map((a) => a.title).join(' | ')}`);
    assert.ok(await vscode.workspace.applyEdit(disable.edit));
    const text = editor.document.getText();
    assert.match(text, /<!-- weekly-issues-disable-next-line toc-broken-anchor -->\n\s*4\. \[DreamID/);
    await waitFor('the problem to go', () => !vscode.languages.getDiagnostics(uri).some((x) => diagnosticCode(x) === 'toc-broken-anchor'));
    await vscode.commands.executeCommand('undo');
    assert.equal(editor.document.getText(), before, 'one undo restores the file');
    await waitForDiagnostic(uri, (x) => diagnosticCode(x) === 'toc-broken-anchor');
  });

  test('a disable block silences its codes until enable', async () => {
    const uri = await writeVariant(SAMPLE_ISSUE, 'disable-block.md', (t) =>
      t.replace('**标签**：#视频生成', '<!-- weekly-issues-disable tag-duplicate -->\n**标签**：#视频生成 #视频生成\n<!-- weekly-issues-enable -->').replace('**标签**：#图像编辑', '**标签**：#图像编辑 #图像编辑'),
    );
    await openEditor(uri);
    const reported = await waitForDiagnostic(uri, (x) => diagnosticCode(x) === 'tag-duplicate');
    const all = vscode.languages.getDiagnostics(uri).filter((x) => diagnosticCode(x) === 'tag-duplicate');
    assert.equal(all.length, 1, 'only the duplicate after the enable comment');
    const doc = await vscode.workspace.openTextDocument(uri);
    assert.match(doc.lineAt(reported.range.start.line).text, /#图像编辑 #图像编辑/);
  });
});
