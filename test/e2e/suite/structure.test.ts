/**
 * The structure rules in a real VS Code: a copy of the sample issue with every structure rule broken
 * at once (test/support/structureBreakers.ts) gets each code, with its severity, on exactly the text it
 * is about; each code offers its quick fix; a quick fix is one undoable step; and fix-all
 * (`source.fixAll.weekly`), applied until it offers nothing, leaves no warning or error. The workspace
 * is a copy of examples/, so the sample's /assets/… image exists (the workspace folder is the site root).
 */
import * as assert from 'assert/strict';
import * as vscode from 'vscode';
import { SAMPLE_ISSUE, activeExtension, closeAllEditors, diagnosticCode, openEditor, waitFor, waitForDiagnostic, writeVariant } from './helpers';
import { breakEverything } from '../../support/structureBreakers';

const STEP1X = 'Step1X-Edit：开源图像编辑框架，媲美 GPT-4o 与 Gemini2 Flash';
const DESCRIBE = 'Describe Anything：局部区域的精细图像与视频描述模型';

// code → severity and the text each of its diagnostics covers (in document order).
const EXPECTED: Array<{ code: string; severity: vscode.DiagnosticSeverity; texts: string[]; fix: RegExp }> = [
  { code: 'toc-missing-entry', severity: vscode.DiagnosticSeverity.Warning, texts: [STEP1X], fix: /to the table of contents/ },
  { code: 'toc-order', severity: vscode.DiagnosticSeverity.Warning, texts: ['[FramePack：提升视频生成效率的上下文压缩框架](#framepack提升视频生成效率的上下文压缩框架)'], fix: /Reorder the table of contents/ },
  { code: 'ref-missing', severity: vscode.DiagnosticSeverity.Warning, texts: [STEP1X], fix: /Add reference stubs for "Step1X-Edit"/ },
  { code: 'ref-orphan', severity: vscode.DiagnosticSeverity.Warning, texts: ['[项目主页](https://describe-anything.github.io/)'], fix: /Name it for "Describe Anything"/ },
  { code: 'ref-numbering', severity: vscode.DiagnosticSeverity.Warning, texts: ['6'], fix: /Renumber the references/ },
  { code: 'ref-duplicate', severity: vscode.DiagnosticSeverity.Warning, texts: ['[FramePack 论文链接 镜像](https://arxiv.org/html/2504.12626)'], fix: /Remove this duplicate entry/ },
  { code: 'ref-bad-url', severity: vscode.DiagnosticSeverity.Warning, texts: ['github.com/NVlabs/describe-anything', '[DreamID GitHub 仓库]()'], fix: /Change the URL to https:|Link it to a search/ },
  { code: 'ref-undefined', severity: vscode.DiagnosticSeverity.Error, texts: ['[原文][frame-papr]'], fix: /Change the label to "frame-paper"/ },
  { code: 'paper-missing-field', severity: vscode.DiagnosticSeverity.Warning, texts: [DESCRIBE, DESCRIBE], fix: /Add a \*\*(概要|标签)\*\* line/ },
  { code: 'tag-near-duplicate', severity: vscode.DiagnosticSeverity.Information, texts: ['#视频_生成'], fix: /Change to #视频生成/ },
  { code: 'tag-duplicate', severity: vscode.DiagnosticSeverity.Warning, texts: ['#图像编辑'], fix: /Remove the second #图像编辑/ },
  { code: 'image-missing', severity: vscode.DiagnosticSeverity.Warning, texts: ['/assets/images/ai-weekly/ui.jpg'], fix: /Change the path to ui\.png/ },
];

suite('structure of a weekly issue: diagnostics, quick fixes, fix-all', () => {
  let uri: vscode.Uri;
  let doc: vscode.TextDocument;

  suiteSetup(async () => {
    uri = await writeVariant(SAMPLE_ISSUE, 'structure-broken.md', (t) => breakEverything(t).text);
    doc = (await openEditor(uri)).document;
    await activeExtension();
    // Everything is checked at once: wait for the last code in the list to be sure the set is complete.
    await waitForDiagnostic(uri, (d) => diagnosticCode(d) === 'image-missing');
  });

  suiteTeardown(closeAllEditors);

  for (const { code, severity, texts, fix } of EXPECTED) {
    test(`${code}: reported on exactly its text, with its quick fix`, async () => {
      await waitForDiagnostic(uri, (d) => diagnosticCode(d) === code);
      const mine = vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'weekly' && diagnosticCode(d) === code);
      assert.deepEqual(mine.map((d) => doc.getText(d.range)), texts);
      for (const d of mine) assert.equal(d.severity, severity, `${code} severity`);
      const titles: string[] = [];
      for (const d of mine) {
        const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, d.range, vscode.CodeActionKind.QuickFix.value);
        // The command's results do not carry their diagnostics back: the titles say whose fix each is.
        titles.push(...actions.map((a) => a.title));
      }
      assert.ok(titles.some((t) => fix.test(t)), `no quick fix matching ${fix} among: ${titles.join(' | ')}`);
    });
  }

  test('a quick fix is one undoable step', async () => {
    const before = doc.getText();
    const d = vscode.languages.getDiagnostics(uri).find((x) => diagnosticCode(x) === 'ref-missing')!;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, d.range, vscode.CodeActionKind.QuickFix.value);
    const stubs = actions.find((a) => /Add reference stubs for "Step1X-Edit"/.test(a.title))!;
    assert.equal(await vscode.workspace.applyEdit(stubs.edit!), true);
    assert.match(doc.getText(), /\[Step1X-Edit 项目主页\]\(https:\/\/www\.bing\.com\/search\?q=Step1X-Edit\)/);
    await waitFor('ref-missing to go away', () => !vscode.languages.getDiagnostics(uri).some((x) => diagnosticCode(x) === 'ref-missing'));
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('undo');
    assert.equal(doc.getText(), before, 'one undo takes the stubs and the renumbering back');
  });

  test('fix-all (source.fixAll.weekly) until it offers nothing leaves no warning or error', async () => {
    for (let pass = 0; pass < 10; pass++) {
      const version = doc.version;
      const all = doc.validateRange(new vscode.Range(0, 0, doc.lineCount, 0));
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, all, 'source.fixAll.weekly');
      const fixAll = actions.find((a) => a.kind?.value === 'source.fixAll.weekly');
      if (!fixAll) break;
      assert.equal(await vscode.workspace.applyEdit(fixAll.edit!), true);
      // The next request reaches the server after this change (LSP keeps the order), so it sees the new text.
      await waitFor('the document to change', () => doc.version > version);
    }
    await waitFor('no warning or error', () =>
      !vscode.languages.getDiagnostics(uri).some((d) => d.source === 'weekly' && d.severity <= vscode.DiagnosticSeverity.Warning), 20_000);
    assert.doesNotMatch(doc.getText(), /frame-papr|ui\.jpg|#视频_生成|镜像/);
  });
});
