/**
 * Export for Email in a real VS Code (issue 16): the command writes the email page and its plain-text
 * part beside it, from the server's `weekly/publish`, for an issue with nothing that would reach readers
 * broken (the sample with its one local image made an https one: no warning to answer).
 * Copy for WeChat's clipboard needs a click in the preview: test/e2e/ui/publish.ui.mjs.
 */
import * as assert from 'assert/strict';
import * as vscode from 'vscode';
import { activeExtension, closeAllEditors, openEditor, SAMPLE_ISSUE, waitFor, workspaceUri, writeVariant } from './helpers';

suite('publishing: Export for Email', () => {
  suiteSetup(() => activeExtension());
  suiteTeardown(() => closeAllEditors());

  test('writes NAME.html (inline styles, links kept, no <style>/<script>) and NAME.txt beside it', async () => {
    const uri = await writeVariant(SAMPLE_ISSUE, 'publish-email.md', (t) => t.replace('](/assets/images/ai-weekly/ui.png)', '](https://example.com/ui.png)'));
    await openEditor(uri);
    const target = workspaceUri('issue-email.html');
    // The server may still be starting: the command answers undefined until it has the document.
    const written = await waitFor('the export', async () => await vscode.commands.executeCommand<vscode.Uri | undefined>('weekly.publish.exportForEmail', uri, target), 60_000);
    assert.equal(written.toString(), target.toString());
    const html = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
    assert.doesNotMatch(html, /<(style|script|link)\b/i);
    assert.match(html, /<h1 style="[^"]+">FramePack/);
    assert.match(html, /<a href="https:\/\/github\.com\/lllyasviel\/FramePack" style="/);
    assert.match(html, /max-width:640px/);
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(workspaceUri('issue-email.txt')));
    assert.match(text, /^FramePack压缩/);
    assert.doesNotMatch(text, /<(p|h[1-6]|a|span|li|section|table)\b/, "no markup (links are written as text <url>)");
    assert.match(text, /FramePack GitHub 仓库 <https:\/\/github\.com\/lllyasviel\/FramePack>/);
  });
});
