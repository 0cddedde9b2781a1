/**
 * Diagnostics and quick fixes through the VS Code API: a copy of the sample issue whose TOC entry for
 * DreamID lost a word of its anchor must get a `toc-broken-anchor` error on exactly the link's
 * destination, and the offered quick fix must restore the anchor in one undoable step. The sample's own
 * "Step1X-Edit 项目主页", which links to a GitHub repository, is information (ref-kind-mismatch) with a
 * fix that relabels it; nothing else is reported.
 */
import * as assert from 'assert/strict';
import * as vscode from 'vscode';
import {
  SAMPLE_ISSUE, activeExtension, closeAllEditors, diagnosticCode, openEditor, rangeOf, waitFor, waitForDiagnostic, writeVariant,
} from './helpers';
import { SAMPLE_MISLABEL_FIX, SAMPLE_MISLABEL_MESSAGE, SAMPLE_MISLABEL_TEXT, SAMPLE_RELABELLED } from '../../support/sampleMislabel';

const GOOD = '#dreamid基于扩散模型的高保真快速换脸方法';
const BROKEN = '#dreamid基于扩散模型的高保真换脸方法';

suite('diagnostics and quick fixes', () => {
  let uri: vscode.Uri;
  let text: string;

  suiteSetup(async () => {
    uri = await writeVariant(SAMPLE_ISSUE, 'broken-toc-anchor.md', (t) => t.replace(`(${GOOD})`, `(${BROKEN})`));
    const editor = await openEditor(uri);
    text = editor.document.getText();
    await activeExtension();
  });

  suiteTeardown(closeAllEditors);

  test('a broken TOC anchor is an error on exactly the link destination', async () => {
    const diagnostic = await waitForDiagnostic(uri, (d) => diagnosticCode(d) === 'toc-broken-anchor');
    assert.equal(diagnostic.source, 'weekly');
    assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Error);
    assert.deepEqual(diagnostic.range, rangeOf(text, BROKEN));
    assert.match(diagnostic.message, new RegExp(`Did you mean ${GOOD}\\?`));
    const tocErrors = vscode.languages.getDiagnostics(uri).filter((d) => diagnosticCode(d) === 'toc-broken-anchor');
    assert.equal(tocErrors.length, 1, 'the variant has only the one broken TOC anchor');
  });

  test('the quick fix restores the anchor, in one undoable step', async () => {
    const range = rangeOf(text, BROKEN);
    // the fix must make a published error go away, so the error has to be there first
    await waitForDiagnostic(uri, (d) => diagnosticCode(d) === 'toc-broken-anchor');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range);
    const fix = actions.find((a) => a.title === `Change the link to ${GOOD}`);
    assert.ok(fix, `no quick fix "Change the link to ${GOOD}" among: ${actions.map((a) => a.title).join(' | ')}`);
    assert.equal(fix.kind?.value, vscode.CodeActionKind.QuickFix.value);
    assert.equal(fix.isPreferred, true);
    assert.ok(fix.edit, 'the quick fix carries a workspace edit');

    assert.equal(await vscode.workspace.applyEdit(fix.edit), true);
    const doc = await vscode.workspace.openTextDocument(uri);
    assert.equal(doc.getText(), text.replace(`(${BROKEN})`, `(${GOOD})`));
    await waitFor('the toc-broken-anchor diagnostic to go away',
      () => !vscode.languages.getDiagnostics(uri).some((d) => diagnosticCode(d) === 'toc-broken-anchor'));

    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('undo');
    assert.equal(doc.getText(), text, 'one undo brings the broken anchor back');
  });

  test('the sample\'s "Step1X-Edit 项目主页" on GitHub is information with a relabelling fix; nothing else is reported', async () => {
    const info = await waitForDiagnostic(uri, (d) => diagnosticCode(d) === 'ref-kind-mismatch');
    assert.equal(info.severity, vscode.DiagnosticSeverity.Information);
    assert.deepEqual(info.range, rangeOf(text, SAMPLE_MISLABEL_TEXT));
    assert.equal(info.message, SAMPLE_MISLABEL_MESSAGE.en);
    await waitForDiagnostic(uri, (d) => diagnosticCode(d) === 'toc-broken-anchor');
    const codes = vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'weekly').map(diagnosticCode).sort();
    assert.deepEqual(codes, ['ref-kind-mismatch', 'toc-broken-anchor']);

    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, info.range);
    const fix = actions.find((a) => a.title === SAMPLE_MISLABEL_FIX.en);
    assert.ok(fix?.edit, `no quick fix "${SAMPLE_MISLABEL_FIX.en}" among: ${actions.map((a) => a.title).join(' | ')}`);
    const doc = await vscode.workspace.openTextDocument(uri);
    const before = doc.getText();
    assert.equal(await vscode.workspace.applyEdit(fix.edit), true);
    assert.ok(doc.getText().includes(SAMPLE_RELABELLED), 'the entry is relabelled "Step1X-Edit GitHub 仓库"');
    await waitFor('the ref-kind-mismatch diagnostic to go away',
      () => !vscode.languages.getDiagnostics(uri).some((d) => diagnosticCode(d) === 'ref-kind-mismatch'));
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('undo');
    assert.equal(doc.getText(), before);
  });
});
