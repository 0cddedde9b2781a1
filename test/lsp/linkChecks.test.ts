/**
 * "Check Links in This Issue" over real JSON-RPC: the server checks the reference list's links against
 * targets on 127.0.0.1, publishes link-dead / link-moved with their pages and fixes, and sends nothing in an
 * untrusted workspace. Needs `npm run build`.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { LspClient } from './lspClient';
import type { CheckLinksResult } from '../../server/src/protocol/commandProtocol';
import { startLinkSites, type LinkSites } from '../support/linkSites';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'weekly-lsp-links-'));
let sites: LinkSites;
before(async () => {
  sites = await startLinkSites();
  // The server inherits the environment: its link cache goes to this run's folder.
  process.env.WEEKLY_ISSUES_CACHE_DIR = path.join(dir, '.cache');
});
after(async () => {
  await sites.close();
  delete process.env.WEEKLY_ISSUES_CACHE_DIR;
  fs.rmSync(dir, { recursive: true, force: true });
});

const issue = (origin: string) => `# Links【AI周报】

## 目录

1. [Alpha](#alpha)

## Alpha

**概要**：x。

**标签**：#测试

### **参考链接**

1. [Alpha 项目主页](${origin}/moved)
2. [Alpha GitHub 仓库](${origin}/gone)
3. [Alpha 论文链接](${origin}/ok)
`;

describe('LSP: Check Links in This Issue', () => {
  it('checks the reference list, publishes link-dead and link-moved with pages and a fix', async () => {
    const client = await LspClient.start({ workspaceFolders: [dir], settings: { weekly: { network: { allowPrivateHosts: ['127.0.0.1'] } } } });
    try {
      const uri = client.uri(path.join(dir, 'issue.md'));
      const text = issue(sites.origin);
      client.open(uri, text, 1);
      await client.waitForDiagnostics(uri, { version: 1 });
      const result = await client.request<CheckLinksResult>('workspace/executeCommand', { command: 'weekly.server.checkLinks', arguments: [{ uri, version: 1 }] });
      assert.deepEqual(result, { checked: 3, dead: 1, moved: 1, unverified: 0, cancelled: false });
      const published = await client.waitForDiagnostics(uri, { where: (p) => p.diagnostics.some((d) => d.code === 'link-dead') });
      const links = published.diagnostics.filter((d) => String(d.code).startsWith('link-'));
      assert.deepEqual(links.map((d) => [d.code, d.range.start.line, d.severity, d.codeDescription?.href.endsWith(`docs/rules/${d.code}.md`)]), [
        ['link-moved', 14, 3, true],
        ['link-dead', 15, 2, true],
      ]);
      const moved = links[0];
      const actions = await client.request<Array<{ title: string; edit?: { documentChanges?: Array<{ edits: Array<{ newText: string }> }> } }>>('textDocument/codeAction', { textDocument: { uri }, range: moved.range, context: { diagnostics: [moved], only: ['quickfix'] } });
      const fix = actions.find((a) => a.title.startsWith('Replace with'));
      assert.equal(fix?.edit?.documentChanges?.[0].edits[0].newText, `${sites.origin}/ok`);
    } finally {
      await client.stop();
    }
  });

  it('sends no request in an untrusted workspace, and says why', async () => {
    const before = [...sites.counts.values()].reduce((a, b) => a + b, 0);
    const client = await LspClient.start({ workspaceFolders: [dir], initializationOptions: { workspaceTrusted: false }, settings: { weekly: { network: { allowPrivateHosts: ['127.0.0.1'] } } } });
    try {
      const uri = client.uri(path.join(dir, 'untrusted.md'));
      client.open(uri, issue(sites.origin), 1);
      await client.waitForDiagnostics(uri, { version: 1 });
      const result = await client.request<CheckLinksResult>('workspace/executeCommand', { command: 'weekly.server.checkLinks', arguments: [{ uri, version: 1 }] });
      assert.deepEqual(result, { error: 'Links are not checked in Restricted Mode: trust the workspace first.' });
      assert.equal([...sites.counts.values()].reduce((a, b) => a + b, 0), before);
    } finally {
      await client.stop();
    }
  });
});
