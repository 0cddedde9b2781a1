/**
 * Authoring in the real VS Code: "New Paper Entry" through its steps (answered by a scripted input
 * provider passed to the command; users get VS Code's quick input, driven by typing in the UI test
 * newPaperEntry.ui.mjs), the whole resulting text, no problems left, one undo back to the original;
 * cancel midway changes nothing; a refused command changes nothing; New Weekly Issue; snippets.
 */
import * as assert from 'assert/strict';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as vscode from 'vscode';
import {
  SAMPLE_ISSUE, activeExtension, closeAllEditors, diagnosticCode, openEditor, readWorkspaceFile, waitFor, waitForDiagnostic, workspaceUri, writeVariant,
} from './helpers';

/** The input flow's Back marker (client/src/commands/inputFlow.ts): a registered symbol, shared across bundles. */
const BACK = Symbol.for('weekly.inputFlow.back');
type Answer = string | string[] | typeof BACK | undefined;

/** Answers each step from a script, in order, and records which steps were asked (number and kind). */
function scripted(answers: Answer[]) {
  const asked: string[] = [];
  let i = 0;
  const next = (step: { step: number }, what: string) => {
    asked.push(`${step.step}:${what}`);
    if (i >= answers.length) throw new Error(`no scripted answer for step ${step.step} (${what})`);
    return answers[i++];
  };
  return {
    asked,
    provider: {
      text: async (step: { step: number }) => next(step, 'text'),
      pickOne: async (step: { step: number }) => next(step, 'pickOne'),
      pickMany: async (step: { step: number; items: Array<{ value: string }> }) => {
        assert.ok(step.items.some((i) => i.value === '扩散模型'), 'the known tags are offered');
        return next(step, 'pickMany');
      },
    },
  };
}

const NAME = 'NewNet';
const NEW_SECTION = '## NewNet：一个新模型\n\n![NewNet 图]()\n\n**概要**：新方法。\n\n**标签**：#扩散模型 #新标签\n\n---\n\n';

suite('authoring: New Paper Entry, New Weekly Issue, snippets', () => {
  suiteSetup(async () => {
    await activeExtension();
  });
  suiteTeardown(closeAllEditors);

  test('New Paper Entry between two papers: whole text, lints clean, one undo restores', async () => {
    // One deliberate problem on the last line: seeing it move down proves the server checked the new text.
    const uri = await writeVariant(SAMPLE_ISSUE, 'authoring-new-entry.md', (t) => t + '\nSee [nowhere](#nowhere).\n');
    const editor = await openEditor(uri);
    const original = editor.document.getText();
    const marker = (text: string) => text.split('\n').indexOf('See [nowhere](#nowhere).');
    await waitForDiagnostic(uri, (d) => diagnosticCode(d) === 'broken-anchor' && d.range.start.line === marker(original));
    const problemsOf = (text: string) => vscode.languages.getDiagnostics(uri)
      .filter((d) => d.source === 'weekly' && d.severity <= vscode.DiagnosticSeverity.Warning && d.range.start.line !== marker(text))
      .map((d) => `${diagnosticCode(d)}: ${d.message}`);
    assert.deepEqual(problemsOf(original), [], 'the sample issue itself lints clean (else the check below says nothing)');
    const line = original.split('\n').indexOf('## DreamID：基于扩散模型的高保真快速换脸方法');
    editor.selection = new vscode.Selection(line, 0, line, 0);

    const { provider, asked } = scripted([
      'Wrong', BACK, NAME, '一个新模型', '新方法。', ['扩散模型', '新标签'],
      'https://arxiv.org/abs/2504.00001', // pasted as project page: it is recognised as the paper
      'https://github.com/a/newnet', 'https://arxiv.org/abs/2504.00001', // the paper step comes prefilled
    ]);
    const changed = await vscode.commands.executeCommand<boolean>('weekly.newPaperEntry', provider);
    assert.equal(changed, true);
    assert.deepEqual(asked, ['1:text', '2:text', '1:text', '2:text', '3:text', '4:pickMany', '5:text', '6:text', '7:text']);

    const cut = original.indexOf('### **参考链接**');
    const head = original.slice(0, cut)
      .replace('4. [DreamID', '4. [NewNet：一个新模型](#newnet一个新模型)\n5. [DreamID')
      .replace('5. [DreamO', '6. [DreamO').replace('6. [StyleMe3D', '7. [StyleMe3D')
      .replace('## DreamID：', NEW_SECTION + '## DreamID：');
    const refs = original.slice(cut)
      .replace(/\n(\d+)\. \[(DreamI|DreamO|StyleMe3D)/g, (_, n: string, w: string) => `\n${Number(n) + 2}. [${w}`)
      .replace('11. [DreamID 项目主页]', '9. [NewNet GitHub 仓库](https://github.com/a/newnet)\n10. [NewNet 论文链接](https://arxiv.org/abs/2504.00001)\n11. [DreamID 项目主页]');
    const expected = head + refs;
    assert.equal(editor.document.getText(), expected);

    // The cursor is on the summary.
    assert.equal(editor.document.getText(editor.selection), '新方法。');

    // Lints clean: once the server has checked the new text, the deliberate problem is the only one, and the
    // new paper's empty figure, which image-missing reports until it is filled in.
    await waitForDiagnostic(uri, (d) => diagnosticCode(d) === 'broken-anchor' && d.range.start.line === marker(expected));
    assert.deepEqual(problemsOf(expected), ['image-missing: The image "NewNet 图" has no path yet: add the figure, or remove the image.']);

    await vscode.commands.executeCommand('undo');
    assert.equal(editor.document.getText(), original, 'one undo restores the original');
  });

  test('cancel at the tags step changes nothing', async () => {
    const uri = await writeVariant(SAMPLE_ISSUE, 'authoring-cancel.md', (t) => t + '\n');
    const editor = await openEditor(uri);
    const before = editor.document.getText();
    const version = editor.document.version;
    const { provider, asked } = scripted([NAME, '标题', '', undefined]);
    const changed = await vscode.commands.executeCommand<boolean>('weekly.newPaperEntry', provider);
    assert.equal(changed, false);
    assert.deepEqual(asked, ['1:text', '2:text', '3:text', '4:pickMany']);
    assert.equal(editor.document.getText(), before);
    assert.equal(editor.document.version, version);
    assert.equal(editor.document.isDirty, false);
  });

  test('on a file that is not a weekly issue the command refuses before asking anything', async () => {
    const uri = workspaceUri('authoring-notes.md');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode('# Notes\n\nJust notes.\n'));
    const editor = await openEditor(uri);
    const { provider, asked } = scripted([]);
    const changed = await vscode.commands.executeCommand<boolean>('weekly.newPaperEntry', provider);
    assert.equal(changed, false);
    assert.deepEqual(asked, []);
    assert.equal(editor.document.getText(), '# Notes\n\nJust notes.\n');
  });

  test('a read-only file is refused before any question', async () => {
    const uri = await writeVariant(SAMPLE_ISSUE, 'authoring-readonly.md', (t) => t + '\n');
    // Read-only for this user: no write bits, and for root (who ignores them) the immutable flag.
    fs.chmodSync(uri.fsPath, 0o444);
    const root = process.getuid?.() === 0;
    if (root) execFileSync('chattr', ['+i', uri.fsPath]);
    assert.throws(() => fs.accessSync(uri.fsPath, fs.constants.W_OK), 'the test file is read-only');
    try {
      const editor = await openEditor(uri);
      const before = editor.document.getText();
      const { provider, asked } = scripted([]);
      assert.equal(await vscode.commands.executeCommand<boolean>('weekly.newPaperEntry', provider), false);
      assert.deepEqual(asked, []);
      assert.equal(editor.document.getText(), before);
    } finally {
      if (root) execFileSync('chattr', ['-i', uri.fsPath]);
      fs.chmodSync(uri.fsPath, 0o644);
    }
  });

  test('Update Table of Contents and Renumber References: one undoable edit each', async () => {
    const original = await readWorkspaceFile(SAMPLE_ISSUE);
    const uri = await writeVariant(SAMPLE_ISSUE, 'authoring-structure.md', (t) => t
      .replace(/\n5\. \[DreamO(.*)\n6\. \[StyleMe3D(.*)/, '\n5. [StyleMe3D$2\n6. [DreamO$1') // TOC out of order
      .replace('\n9. [DreamID 项目主页]', '\n12. [DreamID 项目主页]')); // references misnumbered
    const editor = await openEditor(uri);
    const broken = editor.document.getText();
    assert.equal(await vscode.commands.executeCommand<boolean>('weekly.updateToc'), true);
    assert.equal(editor.document.getText(), original.replace('\n9. [DreamID 项目主页]', '\n12. [DreamID 项目主页]'));
    assert.equal(await vscode.commands.executeCommand<boolean>('weekly.renumberReferences'), true);
    assert.equal(editor.document.getText(), original);
    assert.equal(await vscode.commands.executeCommand<boolean>('weekly.renumberReferences'), false, 'nothing left to renumber');
    await vscode.commands.executeCommand('undo');
    await vscode.commands.executeCommand('undo');
    assert.equal(editor.document.getText(), broken, 'two undos: one per command');
  });

  test('New Weekly Issue creates the file of the path pattern from the English template', async () => {
    const { provider } = scripted(['en', 'Issue 1']);
    const created = await vscode.commands.executeCommand<vscode.Uri | undefined>('weekly.newIssue', provider);
    assert.ok(created);
    const d = new Date();
    const pad = (n: number) => String(n).padStart(2, '0');
    assert.equal(vscode.workspace.asRelativePath(created), `issues/${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}.md`);
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(created));
    assert.equal(text, '# Issue 1\n\n![Cover]()\n\n## Summary\n\nThis week:\n\n---\n\n## Contents\n\n---\n\n### **References**\n');
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), created.toString());
  });

  test('the tags snippet expands in the editor with the first known tag chosen', async () => {
    const uri = workspaceUri('authoring-snippet.md');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode('\n'));
    const editor = await openEditor(uri);
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: 'markdown', name: 'Weekly: tag line (中文)' });
    await waitFor('the snippet to expand', () => editor.document.getText().startsWith('**标签**：'));
    assert.equal(editor.document.getText(), '**标签**：#扩散模型 #标签\n');
  });
});
