/**
 * emphasis-unrendered over stdio: the warning on the exact span of `**概要：**`, its quick fix through
 * textDocument/codeAction, and the fixed text published clean. In a note (scope 'any', validate.scope all): no issue needed.
 * Needs `node esbuild.mjs` (runs dist/extension.js as the server).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { CodeAction } from 'vscode-languageserver-types';
import { LspClient } from './lspClient';
import { editsOf } from '../support/codeActions';

const TEXT = '# 笔记\n\n**概要：**内容在这里。\n\n**要点**：这一行没问题。\n';

describe('LSP: emphasis-unrendered', () => {
  let workspace: string;
  let client: LspClient;
  before(async () => {
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'weekly-lsp-emphasis-'));
    // Notes are checked too (the default checks issues only): the rule's scope is 'any'.
    client = await LspClient.start({ workspaceFolders: [workspace], locale: 'zh-cn', settings: { weekly: { validate: { scope: 'all' } } } });
  });
  after(async () => {
    assert.equal(await client.stop(), 0, client.stderr);
    fs.rmSync(workspace, { recursive: true, force: true });
  });

  it('warns on the pair the parser left as text, offers the fix, and the fixed text is clean', async () => {
    const uri = client.uri('note.md');
    client.open(uri, TEXT);
    // The server may answer first under its defaults (notes unchecked) and again once the settings are in.
    const first = await client.waitForDiagnostics(uri, { version: 1, where: (p) => p.diagnostics.length > 0 });
    const published = first.diagnostics.filter((d) => d.code === 'emphasis-unrendered');
    // `**概要：**` on line 2, characters 0..7: the two runs and what they enclose.
    const range = { start: { line: 2, character: 0 }, end: { line: 2, character: 7 } };
    assert.deepEqual(published.map((d) => ({ code: d.code, severity: d.severity, source: d.source, range: d.range })), [
      { code: 'emphasis-unrendered', severity: 2, source: 'weekly', range },
    ]);
    assert.match(published[0].message, /原样显示/, 'in the client\'s language');
    const actions = (await client.codeActions(uri, range, published, ['quickfix'])) as CodeAction[];
    const fix = actions.find((a) => a.diagnostics?.some((d) => d.code === 'emphasis-unrendered'));
    assert.ok(fix, `a quick fix among ${JSON.stringify(actions.map((a) => a.title))}`);
    assert.equal(fix.title, '把标点移到 ** 之外');
    assert.equal(fix.isPreferred, true);
    assert.deepEqual(editsOf(fix, uri), [{ range, newText: '**概要**：' }]);
    client.edit(uri, 2, range, '**概要**：');
    const after = await client.waitForDiagnostics(uri, { version: 2 });
    assert.deepEqual(after.diagnostics.filter((d) => d.code === 'emphasis-unrendered'), []);
  });
});
