/**
 * Issue 15 in a real VS Code: paper-repeat across two issues of the workspace (the later one links the
 * earlier one's paper as pdf/…v2), emphasis-unrendered with its quick fix as one undoable step, and
 * "Check Links in This Issue" against a stand-in on 127.0.0.1 started in this extension host.
 */
import * as assert from 'assert/strict';
import * as http from 'http';
import type { AddressInfo } from 'net';
import * as vscode from 'vscode';
import { activeExtension, closeAllEditors, diagnosticCode, openEditor, rangeOf, waitFor, waitForDiagnostic, workspaceUri } from './helpers';

const write = async (name: string, text: string) => {
  const uri = workspaceUri(name);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  return uri;
};

const issue = (date: string, papers: Array<{ name: string; body: string }>, refs: string[]) =>
  [
    '---', `date: ${date}`, '---', '', `# 周报 ${date}`, '', '## 目录', '',
    ...papers.map((p, i) => `${i + 1}. [${p.name}](#${p.name.toLowerCase().replace(/[^\p{L}\p{N}-]/gu, '')})`), '',
    ...papers.flatMap((p) => [`## ${p.name}`, '', p.body, '', '**标签**：#测试', '']),
    '## 参考链接', '', ...refs.map((r, i) => `${i + 1}. ${r}`), '',
  ].join('\n');

suite('issue 15: paper-repeat, emphasis-unrendered, Check Links', () => {
  // The harness turns paper-repeat off for the other suites (their copies of the sample repeat its papers).
  suiteSetup(async () => {
    await activeExtension();
    await vscode.workspace.getConfiguration('weekly').update('severity', { 'paper-repeat': 'warning' }, vscode.ConfigurationTarget.Workspace);
  });
  suiteTeardown(async () => {
    await vscode.workspace.getConfiguration('weekly').update('severity', undefined, vscode.ConfigurationTarget.Workspace);
    await closeAllEditors();
  });

  // arXiv ids must be real ones in form (YYMM with a month 01–12): 2599.x is not an arXiv id.
  test('paper-repeat: the later issue covering an earlier paper by pdf/…v2 is warned on its heading, pointing at the earlier file', async () => {
    const earlier = await write('2025-04-18-repeat.md', issue('2025-04-18', [{ name: 'Alpha：旧论文', body: '**概要**：最早的一期。' }], ['[Alpha 论文链接](https://arxiv.org/abs/2503.01234)']));
    const laterText = issue('2025-05-02', [
      { name: 'Beta：换了名字', body: '**概要**：同一篇论文。' },
      { name: 'Gamma：无关论文', body: '**概要**：另一篇。' },
    ], ['[Beta 论文链接](https://arxiv.org/pdf/2503.01234v2)', '[Gamma 论文链接](https://arxiv.org/abs/2503.05678)']);
    const later = await write('2025-05-02-repeat.md', laterText);
    await openEditor(later);
    const d = await waitForDiagnostic(later, (x) => diagnosticCode(x) === 'paper-repeat', 60_000);
    const heading = rangeOf(laterText, '## Beta：换了名字');
    assert.deepEqual(d.range, heading.with({ start: heading.start.translate(0, 3) }), 'on the heading text');
    assert.equal(d.severity, vscode.DiagnosticSeverity.Warning);
    assert.ok(d.relatedInformation?.some((r) => r.location.uri.toString() === earlier.toString()), `related: ${JSON.stringify(d.relatedInformation?.map((r) => r.location.uri.toString()))}`);
    const repeats = vscode.languages.getDiagnostics(later).filter((x) => diagnosticCode(x) === 'paper-repeat');
    assert.equal(repeats.length, 1, 'the unrelated paper (Gamma) is not reported');
  });

  test('emphasis-unrendered: exact range, and the quick fix is one undoable step', async () => {
    const text = issue('2025-06-06', [{ name: 'Delta：强调', body: '**概要**：正文。\n\n说明：**注意：**这里的星号会原样显示。' }], ['[Delta 论文链接](https://arxiv.org/abs/2503.09999)']);
    const uri = await write('2025-06-06-emphasis.md', text);
    const editor = await openEditor(uri);
    const d = await waitForDiagnostic(uri, (x) => diagnosticCode(x) === 'emphasis-unrendered', 60_000);
    assert.deepEqual(d.range, rangeOf(text, '**注意：**'));
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, d.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((a) => /\*\*/.test(a.title) && a.edit);
    assert.ok(fix, `a fix among ${actions.map((a) => a.title).join(' | ')}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit!));
    assert.equal(editor.document.getText(), text.replace('**注意：**', '**注意**：'));
    await waitFor('emphasis-unrendered gone', () => !vscode.languages.getDiagnostics(uri).some((x) => diagnosticCode(x) === 'emphasis-unrendered'));
    await vscode.window.showTextDocument(editor.document);
    await vscode.commands.executeCommand('undo');
    await waitFor('one undo restores the text', () => editor.document.getText() === text, 10_000);
  });

  test('Check Links in This Issue: link-dead and link-moved from a stand-in on 127.0.0.1', async () => {
    const server = http.createServer((req, res) => {
      if (req.url === '/moved') res.writeHead(301, { Location: '/ok' }).end();
      else if (req.url === '/ok') res.writeHead(200, { 'Content-Type': 'text/html' }).end('<html></html>');
      else res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const config = vscode.workspace.getConfiguration('weekly');
    try {
      await config.update('network.allowPrivateHosts', ['127.0.0.1'], vscode.ConfigurationTarget.Workspace);
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const text = issue('2025-07-04', [{ name: 'Epsilon：链接', body: '**概要**：检查链接。' }], [
        `[Epsilon 项目主页](${base}/gone)`, `[Epsilon GitHub 仓库](${base}/moved)`, `[Epsilon 论文链接](${base}/ok)`,
      ]);
      const uri = await write('2025-07-04-links.md', text);
      await openEditor(uri);
      type Result = { checked?: number; dead?: number; moved?: number; error?: string };
      // The server answers with an error while it does not have this version of the document yet.
      const result = await waitFor('a link check that ran', async () => {
        const r = await vscode.commands.executeCommand<Result>('weekly.checkLinks');
        return r && !r.error ? r : undefined;
      }, 40_000);
      assert.equal(result?.error, undefined, result?.error);
      assert.equal(result?.dead, 1);
      assert.equal(result?.moved, 1);
      const dead = await waitForDiagnostic(uri, (x) => diagnosticCode(x) === 'link-dead', 30_000);
      assert.equal(dead.severity, vscode.DiagnosticSeverity.Warning);
      const moved = await waitForDiagnostic(uri, (x) => diagnosticCode(x) === 'link-moved', 30_000);
      assert.equal(moved.severity, vscode.DiagnosticSeverity.Information);
      const lines = text.split('\n');
      assert.ok(lines[dead.range.start.line].includes('/gone'), 'link-dead on the /gone entry');
      assert.ok(lines[moved.range.start.line].includes('/moved'), 'link-moved on the /moved entry');
    } finally {
      await config.update('network.allowPrivateHosts', undefined, vscode.ConfigurationTarget.Workspace);
      server.close();
    }
  });
});
