/**
 * The language server dies mid-session, as a crash would (SIGKILL): the client restarts it, the open issue's
 * diagnostics come back and follow new edits. A second crash within the restart window is restarted too
 * (the policy, client/src/serverRestarts.ts: up to 4 restarts in 3 minutes, then it stops and says so).
 */
import * as assert from 'assert/strict';
import { execFileSync } from 'child_process';
import * as vscode from 'vscode';
import { SAMPLE_ISSUE, activeExtension, closeAllEditors, diagnosticCode, openEditor, waitFor, waitForDiagnostic, writeVariant } from './helpers';

const GOOD = '#dreamid基于扩散模型的高保真快速换脸方法';

/** The language server: this extension host's child running the bundle with --stdio. */
function serverPid(): number | undefined {
  let out = '';
  try {
    out = execFileSync('ps', ['-o', 'pid=,args=', '--ppid', String(process.pid)], { encoding: 'utf8' });
  } catch {
    return undefined; // no children right now (between a crash and the restart)
  }
  const line = out.split('\n').find((l) => /weekly-issues.*extension\.js.*--stdio/.test(l) || /extension\.js --stdio/.test(l));
  return line ? Number(line.trim().split(/\s+/)[0]) : undefined;
}

suite('the language server crashes and comes back', () => {
  let uri: vscode.Uri;

  suiteSetup(async () => {
    uri = await writeVariant(SAMPLE_ISSUE, 'crash-issue.md', (t) => t.replace(`(${GOOD})`, '(#dreamid-typo)'));
    await openEditor(uri);
    await activeExtension();
    await waitForDiagnostic(uri, (d) => diagnosticCode(d) === 'toc-broken-anchor');
  });

  suiteTeardown(closeAllEditors);

  for (const round of [1, 2]) {
    test(`crash ${round}: restarted, diagnostics back and following edits`, async () => {
      const before = await waitFor('the language server process', () => serverPid(), 30_000);
      process.kill(before, 'SIGKILL');
      const after = await waitFor('a new language server process', () => {
        const pid = serverPid();
        return pid && pid !== before ? pid : undefined;
      }, 60_000);
      assert.notEqual(after, before);
      // The restarted server checks the open issue again: a new broken anchor typed now is reported.
      const editor = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString()) ?? (await openEditor(uri));
      const typo = `#after-crash-${round}`;
      const text = editor.document.getText();
      const at = text.indexOf('(#dreamid-typo)') >= 0 ? text.indexOf('(#dreamid-typo)') : text.indexOf('(#after-crash-');
      const end = text.indexOf(')', at);
      await editor.edit((b) => b.replace(new vscode.Range(editor.document.positionAt(at + 1), editor.document.positionAt(end)), typo));
      const d = await waitForDiagnostic(uri, (x) => diagnosticCode(x) === 'toc-broken-anchor' && editor.document.getText(x.range) === typo, 60_000);
      assert.equal(d.severity, vscode.DiagnosticSeverity.Error);
    });
  }
});
