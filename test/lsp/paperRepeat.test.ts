/**
 * paper-repeat through the real server over stdio, on a workspace on disk: a later issue that covers an
 * earlier issue's paper under another link form gets the warning with the earlier heading as related
 * information, and loses it when the earlier issue's open document drops the paper.
 * Needs `npm run build` (runs dist/extension.js as the server, as VS Code does).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { LspClient, type PublishedDiagnostics } from './lspClient';

const issue = (name: string, heading: string, url: string) =>
  `# 周报\n\n## 目录\n\n1. [${name}：${heading}](#${(name + heading).toLowerCase()})\n\n## ${name}：${heading}\n\n**概要**：s\n\n**标签**：#视频生成\n\n## 参考链接\n\n1. [${name} 论文链接](${url})\n`;
const EARLIER = issue('FramePack', '打包输入帧上下文', 'https://arxiv.org/abs/2504.12626');
const LATER = issue('FramePack', '又一次', 'https://arxiv.org/pdf/2504.12626v2');

let workspace: string;
let client: LspClient;
const fileUri = (rel: string) => pathToFileURL(path.join(workspace, rel)).href;
const repeats = (p: PublishedDiagnostics) => p.diagnostics.filter((d) => d.code === 'paper-repeat');

before(async () => {
  workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'weekly-repeat-lsp-'));
  fs.writeFileSync(path.join(workspace, '2025-04-18.md'), EARLIER);
  fs.writeFileSync(path.join(workspace, '2025-05-09.md'), LATER);
  client = await LspClient.start({ workspaceFolders: [workspace] });
});

after(async () => {
  const code = await client.stop();
  fs.rmSync(workspace, { recursive: true, force: true });
  assert.equal(code, 0, `the server exits cleanly; stderr:\n${client.stderr}`);
});

describe('LSP: paper-repeat', () => {
  it('publishes the warning on the later heading with the earlier heading as related information', async () => {
    const uri = fileUri('2025-05-09.md');
    client.open(uri, LATER, 1);
    const published = await client.waitForDiagnostics(uri, { version: 1, where: (p) => repeats(p).length === 1 });
    const [d] = repeats(published);
    assert.deepEqual(d.range, { start: { line: 6, character: 3 }, end: { line: 6, character: 3 + 'FramePack：又一次'.length } });
    assert.equal(d.severity, 2);
    assert.deepEqual(d.relatedInformation, [
      { location: { uri: fileUri('2025-04-18.md'), range: { start: { line: 6, character: 3 }, end: { line: 6, character: 3 + 'FramePack：打包输入帧上下文'.length } } }, message: 'First covered here' },
    ]);
    const hover = (await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 6, character: 5 } })) as { contents: { value: string } };
    assert.equal(hover.contents.value, 'Covered in 2025-04-18 (FramePack：打包输入帧上下文)');
  });

  it('drops it when the earlier issue, opened and edited, no longer covers the paper', async () => {
    const uri = fileUri('2025-05-09.md');
    const earlier = fileUri('2025-04-18.md');
    client.open(earlier, EARLIER, 1);
    await client.waitForDiagnostics(earlier, { version: 1 });
    client.replace(earlier, 2, EARLIER.replace('2504.12626', '2504.99999'));
    await client.waitForDiagnostics(uri, { where: (p) => repeats(p).length === 0 });
  });
});
