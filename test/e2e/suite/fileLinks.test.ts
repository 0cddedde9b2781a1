/**
 * Links to other files in a real VS Code: a copy of the sample issue that links to the sample with one
 * character missing from the anchor, and to an issue that does not exist, gets broken-file-anchor and
 * broken-file-link warnings on exactly the fragment and the path; the anchor's quick fix restores it in
 * one undoable step.
 */
import * as assert from 'assert/strict';
import * as vscode from 'vscode';
import {
  SAMPLE_ISSUE, activeExtension, closeAllEditors, diagnosticCode, openEditor, waitFor, waitForDiagnostic, writeVariant,
} from './helpers';

const GOOD = 'framepack提升视频生成效率的上下文压缩框架';
const BROKEN = 'framepack提升视频生成效率的上下文压缩框';
const MISSING = './2025-04-24.md';
const PARAGRAPH = `\n上期见[FramePack](./${SAMPLE_ISSUE}#${BROKEN})，更早见[上上期](${MISSING})。\n`;

/** The range of `needle` inside the first `context` (BROKEN alone is also a prefix of the TOC's anchor). */
function rangeIn(doc: vscode.TextDocument, context: string, needle: string): vscode.Range {
  const at = doc.getText().indexOf(context) + context.indexOf(needle);
  assert.ok(at >= 0 && context.includes(needle), `${context} is in the document`);
  return new vscode.Range(doc.positionAt(at), doc.positionAt(at + needle.length));
}
const brokenRange = (doc: vscode.TextDocument) => rangeIn(doc, `${SAMPLE_ISSUE}#${BROKEN})`, BROKEN);

suite('links to other files', () => {
  let uri: vscode.Uri;
  let doc: vscode.TextDocument;
  let text: string;

  suiteSetup(async () => {
    uri = await writeVariant(SAMPLE_ISSUE, 'file-links.md', (t) => t.replace('\n## 目录', `${PARAGRAPH}\n## 目录`));
    doc = (await openEditor(uri)).document;
    text = doc.getText();
    await activeExtension();
  });

  suiteTeardown(closeAllEditors);

  test('a broken anchor in another file and a missing file are warnings on the fragment and the path', async () => {
    const anchor = await waitForDiagnostic(uri, (d) => diagnosticCode(d) === 'broken-file-anchor');
    assert.equal(anchor.severity, vscode.DiagnosticSeverity.Warning);
    assert.deepEqual(anchor.range, brokenRange(doc));
    assert.match(anchor.message, new RegExp(`in ${SAMPLE_ISSUE.replace('.', '\\.')}, .*Did you mean #${GOOD}\\?`));
    const missing = await waitForDiagnostic(uri, (d) => diagnosticCode(d) === 'broken-file-link');
    assert.equal(missing.severity, vscode.DiagnosticSeverity.Warning);
    assert.deepEqual(missing.range, rangeIn(doc, `(${MISSING})`, MISSING));
  });

  test("the anchor's quick fix restores it, in one undoable step", async () => {
    const range = brokenRange(doc);
    await waitForDiagnostic(uri, (d) => diagnosticCode(d) === 'broken-file-anchor');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range);
    const fix = actions.find((a) => a.title === `Change the link to #${GOOD}`);
    assert.ok(fix?.edit, `no quick fix "Change the link to #${GOOD}" among: ${actions.map((a) => a.title).join(' | ')}`);
    assert.equal(await vscode.workspace.applyEdit(fix.edit), true);
    assert.equal(doc.getText(), text.replace(`#${BROKEN})`, `#${GOOD})`));
    await waitFor('the broken-file-anchor diagnostic to go away',
      () => !vscode.languages.getDiagnostics(uri).some((d) => diagnosticCode(d) === 'broken-file-anchor'));
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('undo');
    assert.equal(doc.getText(), text, 'one undo brings the broken anchor back');
  });
});
