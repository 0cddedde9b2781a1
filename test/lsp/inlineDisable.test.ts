/**
 * Inline disable comments in the editor, through the real server (dist/extension.js over stdio; needs
 * `npm run build`): a disabled problem is not published, removing the comment brings it back, and the
 * quick fix "Disable {code} for this line" silences it.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { CodeAction } from 'vscode-languageserver-types';
import { LspClient } from './lspClient';
import { editsOf } from '../support/codeActions';

let workspace: string;
let client: LspClient;
before(async () => {
  workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'weekly-lsp-disable-'));
  client = await LspClient.start({ workspaceFolders: [workspace], settings: { weekly: { validate: { scope: 'all' } } } });
});
after(async () => {
  await client.stop();
  fs.rmSync(workspace, { recursive: true, force: true });
});

// The first publish of a document may come before the settings (validate.scope "all") are read: wait for
// one that checked it (every document here has at least one problem left).
const checked = { where: (p: { diagnostics: unknown[] }) => p.diagnostics.length > 0 };
const codes = (ds: Array<{ code?: unknown; range: { start: { line: number } } }>) => ds.map((d) => `${d.range.start.line}:${d.code}`);

describe('LSP: inline disable comments', () => {
  it('a disable-next-line comment hides the problem; deleting it brings the problem back', async () => {
    const uri = client.uri('disabled.md');
    const text = '# T\n\n<!-- weekly-issues-disable-next-line broken-anchor -->\nSee [a](#nope).\n\nSee [b](#gone).\n';
    client.open(uri, text);
    assert.deepEqual(codes((await client.waitForDiagnostics(uri, { version: 1, ...checked })).diagnostics), ['5:broken-anchor']);
    client.replace(uri, 2, text.replace('<!-- weekly-issues-disable-next-line broken-anchor -->\n', ''));
    assert.deepEqual(codes((await client.waitForDiagnostics(uri, { version: 2 })).diagnostics), ['2:broken-anchor', '4:broken-anchor']);
    client.close(uri);
  });

  it('a disable … enable block hides what is inside it only', async () => {
    const uri = client.uri('block.md');
    client.open(uri, '# T\n\n<!-- weekly-issues-disable -->\n[a](#nope)\n<!-- weekly-issues-enable -->\n\n[b](#gone)\n');
    assert.deepEqual(codes((await client.waitForDiagnostics(uri, { version: 1, ...checked })).diagnostics), ['6:broken-anchor']);
    client.close(uri);
  });

  it('offers "Disable {code} for this line", and applying it clears the problem', async () => {
    const uri = client.uri('fix.md');
    const text = '# T\n\nSee [a](#nope).\n';
    client.open(uri, text);
    const [d] = (await client.waitForDiagnostics(uri, { version: 1, ...checked })).diagnostics;
    const actions = (await client.codeActions(uri, d.range, [d], ['quickfix'])) as CodeAction[];
    const disable = actions.find((a) => a.title === 'Disable broken-anchor for this line');
    assert.ok(disable, actions.map((a) => a.title).join(' | '));
    const [edit] = editsOf(disable, uri);
    assert.deepEqual(edit, { range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, newText: '<!-- weekly-issues-disable-next-line broken-anchor -->\n' });
    client.edit(uri, 2, edit.range, edit.newText);
    assert.deepEqual((await client.waitForDiagnostics(uri, { version: 2 })).diagnostics, []);
    client.close(uri);
  });
});
