/**
 * The archive views' data over stdio (lsp/archive.ts): the request answers the workspace's issues, tags and
 * papers; the change notice comes when a heading changes, and not for a word typed in a summary.
 * Needs `npm run build` (runs dist/extension.js as the server, as VS Code does).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { LspClient } from './lspClient';
import { ArchiveMessages, type ArchiveChangedParams, type TagTrendsResult } from '../../server/src/protocol/commandProtocol';
import type { ArchiveData } from '../../server/src/service/archive/archiveTypes';

const EXAMPLES = path.join(__dirname, '..', '..', 'examples');
const SAMPLE = fs.readFileSync(path.join(EXAMPLES, 'ai-weekly-sample.md'), 'utf8');
const EN = fs.readFileSync(path.join(EXAMPLES, '2026-11-20-en.md'), 'utf8');

let workspace: string;
let client: LspClient;
const notices: ArchiveChangedParams[] = [];
const fileUri = (rel: string) => pathToFileURL(path.join(workspace, rel)).href;
const settle = () => new Promise((resolve) => setTimeout(resolve, 900)); // past the index's and the notice's delays

before(async () => {
  workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'weekly-archive-lsp-'));
  fs.writeFileSync(path.join(workspace, 'ai-weekly-sample.md'), SAMPLE);
  fs.writeFileSync(path.join(workspace, '2026-11-20-en.md'), EN);
  client = await LspClient.start({ workspaceFolders: [workspace] });
  client.connection.onNotification(ArchiveMessages.changed, (p: ArchiveChangedParams) => notices.push(p));
});

after(async () => {
  const code = await client.stop();
  fs.rmSync(workspace, { recursive: true, force: true });
  assert.equal(code, 0, `the server exits cleanly; stderr:\n${client.stderr}`);
});

async function archive(): Promise<ArchiveData> {
  // The first answer may come before the first index build ends: ask until both issues are in.
  for (;;) {
    const data = await client.request<ArchiveData>(ArchiveMessages.data, undefined);
    if (data.issues.length === 2) return data;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('LSP: archive', () => {
  it('answers the issues (in paper-repeat order: an undated issue by its path), tags with paper counts, and every paper', async () => {
    const data = await archive();
    assert.deepEqual(data.issues.map((i) => [path.basename(i.uri), i.date, i.papers.length]), [['ai-weekly-sample.md', undefined, 6], ['2026-11-20-en.md', '2026-11-20', 3]]);
    const diffusion = data.tags.find((t) => t.name === '扩散模型')!;
    const papersWithDiffusion = data.issues.flatMap((i) => i.papers).filter((p) => p.tags.includes('扩散模型')).length;
    assert.equal(diffusion.count, papersWithDiffusion);
    assert.ok(diffusion.count >= 2);
    assert.equal(diffusion.at?.uri, fileUri('ai-weekly-sample.md'));
    assert.equal(data.papers.length, data.issues.reduce((n, i) => n + i.papers.length, 0));
  });

  it('sends no notice for a summary edit, and one naming the file when a heading changes', async () => {
    const uri = fileUri('ai-weekly-sample.md');
    client.open(uri, SAMPLE, 1);
    await client.waitForDiagnostics(uri, { version: 1 });
    await settle();
    const before = notices.length;
    client.replace(uri, 2, SAMPLE.replace('**概要**：**FramePack**', '**概要**：新的 **FramePack**'));
    await client.waitForDiagnostics(uri, { version: 2 });
    await settle();
    assert.equal(notices.length, before, 'a summary word changes nothing the views show');
    client.replace(uri, 3, SAMPLE.replace('## DreamO：', '## DreamO2：'));
    while (notices.length === before) await new Promise((resolve) => setTimeout(resolve, 50));
    assert.deepEqual(notices.at(-1)!.uris, [uri]);
    const data = await archive();
    assert.equal(data.version, notices.at(-1)!.version);
    assert.ok(data.issues.find((i) => i.uri === uri)!.papers.some((p) => p.name === 'DreamO2'));
  });

  it('answers the tag trends with an SVG whose style carries the nonce, and refuses a bad nonce', async () => {
    const result = await client.request<TagTrendsResult>(ArchiveMessages.tagTrends, { top: 3, by: 'issue', nonce: 'n0nce' });
    assert.equal(result.trends.series.length, 3);
    assert.equal(result.trends.groups.length, 2);
    assert.match(result.svg, /<style nonce="n0nce">/);
    const bad = await client.request<TagTrendsResult>(ArchiveMessages.tagTrends, { top: 'x', by: 'year', nonce: '"><script>' });
    assert.match(bad.svg, /<style>/);
    assert.equal(bad.trends.by, 'month');
  });
});
