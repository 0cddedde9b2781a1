/**
 * Paper lookups from links over real JSON-RPC (`weekly.server.lookupPapers`, `weekly.server.newPaperEntries`),
 * with `weekly.services.*` pointed at the stand-ins of test/support/paperServices.ts on 127.0.0.1 and the
 * disk cache in a temporary folder; Restricted Mode refuses without a request.
 * Needs `npm run build` (runs dist/extension.js as the server).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextDocumentEdit } from 'vscode-languageserver-types';
import { LspClient, REPO_ROOT } from './lspClient';
import { startPaperServices, type PaperServiceSites } from '../support/paperServices';
import type { EditCommandResult, LookupPapersResult } from '../../server/src/protocol/commandProtocol';

const SAMPLE = fs.readFileSync(path.join(REPO_ROOT, 'examples', 'ai-weekly-sample.md'), 'utf8');
const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'weekly-lsp-lookups-'));

function applyResult(text: string, result: EditCommandResult): string {
  const change = result.edit!.documentChanges![0] as TextDocumentEdit;
  return TextDocument.applyEdits(TextDocument.create('x', 'markdown', 1, text), change.edits);
}

const totalHits = (sites: PaperServiceSites) => [...sites.hits.values()].reduce((a, b) => a + b, 0);

describe('paper lookups over LSP', () => {
  let sites: PaperServiceSites;
  let client: LspClient;
  before(async () => {
    // Read by the server when it starts: its disk cache goes here, not to the user's.
    process.env.WEEKLY_ISSUES_CACHE_DIR = cacheDir;
    sites = await startPaperServices();
    client = await LspClient.start({ settings: { weekly: { services: sites.settings, network: { allowPrivateHosts: ['127.0.0.1'] } } } });
  });
  after(async () => {
    await client.stop();
    await sites.close();
    fs.rmSync(cacheDir, { recursive: true, force: true });
  });

  it('lookupPapers: two links, in order, pre-filled from the stand-ins, with a progress naming what is looked up', async () => {
    const uri = client.uri('examples/lsp-lookup.md');
    client.open(uri, SAMPLE, 1);
    const result = await client.request<LookupPapersResult>('workspace/executeCommand', {
      command: 'weekly.server.lookupPapers',
      arguments: [{ uri, version: 1, links: ['https://arxiv.org/abs/2408.00714', 'https://hf.co/papers/2504.12626'] }],
    });
    assert.equal(result.error, undefined);
    assert.equal(result.entries.length, 2);
    const [sam, frame] = result.entries;
    assert.equal(sam.input, 'https://arxiv.org/abs/2408.00714');
    assert.equal(sam.found, true);
    assert.equal(sam.name, 'SAM 2');
    assert.equal(sam.title, 'Segment Anything in Images and Videos');
    assert.equal(sam.summaryDraft, true);
    assert.match(sam.summary!, /^We present Segment Anything Model 2 \(SAM 2\)/);
    assert.deepEqual(sam.links, { project: `${sites.origin}/sam2/`, github: 'https://github.com/facebookresearch/sam2', paper: 'https://arxiv.org/html/2408.00714' });
    assert.equal(sam.image, `${sites.origin}/img/sam2.jpg`);
    assert.deepEqual(sam.problems, []);
    assert.equal(frame.name, 'FramePack');
    assert.equal(frame.links.github, 'https://github.com/lllyasviel/FramePack');
    const begins = client.events.flatMap((e) => (e.kind === 'progress' && e.value.kind === 'begin' ? [(e.value as { title?: string }).title] : []));
    assert.ok(begins.includes('Looking up 2 papers…'), `progress titles: ${begins.join(' | ')}`);
  });

  it('lookupPapers: a failed service is named in one line; what is known is kept', async () => {
    const uri = client.uri('examples/lsp-lookup-fail.md');
    client.open(uri, SAMPLE, 1);
    sites.badDay.set('/hf/', '404');
    try {
      const result = await client.request<LookupPapersResult>('workspace/executeCommand', {
        command: 'weekly.server.lookupPapers',
        arguments: [{ uri, version: 1, links: ['https://arxiv.org/abs/2501.00001', 'not a link at all'] }],
      });
      const [theory, junk] = result.entries;
      assert.equal(theory.found, true);
      assert.equal(theory.name, '2501.00001', 'no colon, no repository: the id');
      assert.equal(theory.title, 'A Theory Paper Without Code');
      assert.equal(junk.found, false);
      assert.deepEqual(junk.problems, ['"not a link at all" is not a link or an arXiv id']);
      for (const p of [...theory.problems, ...junk.problems]) assert.ok(!p.includes('\n'), `one line: ${p}`);
    } finally {
      sites.badDay.clear();
    }
  });

  it('newPaperEntries: both sections in order, in one versioned edit', async () => {
    const uri = client.uri('examples/lsp-new-entries.md');
    client.open(uri, SAMPLE, 4);
    const result = await client.request<EditCommandResult>('workspace/executeCommand', {
      command: 'weekly.server.newPaperEntries',
      arguments: [{
        uri, version: 4,
        entries: [
          { name: 'Alpha', title: '第一篇', summary: '摘要一。', summaryDraft: true, tags: ['扩散模型'], links: { paper: 'https://arxiv.org/abs/2504.00001' } },
          { name: 'Beta', title: '第二篇', image: 'https://example.org/beta.png', links: { github: 'https://github.com/b/beta' } },
        ],
      }],
    });
    assert.equal(result.error, undefined);
    const change = result.edit!.documentChanges![0] as TextDocumentEdit;
    assert.deepEqual(change.textDocument, { uri, version: 4 });
    assert.equal(change.edits.length, 1, 'one replacement: one undo step');
    const text = applyResult(SAMPLE, result);
    const alpha = text.indexOf('## Alpha：第一篇');
    const beta = text.indexOf('## Beta：第二篇');
    assert.ok(alpha > 0 && beta > alpha, 'Alpha before Beta');
    assert.match(text, /\*\*概要\*\*：摘要一。 <!-- weekly:draft [0-9a-f]{8} -->/);
    assert.ok(text.includes('![Beta 图](https://example.org/beta.png)'));
    assert.match(text, /\d+\. \[Alpha：第一篇\]\(#alpha第一篇\)\n\d+\. \[Beta：第二篇\]\(#beta第二篇\)\n/);
    assert.match(text, /\d+\. \[Alpha 论文链接\]\(https:\/\/arxiv\.org\/abs\/2504\.00001\)/);
    assert.match(text, /\d+\. \[Beta GitHub 仓库\]\(https:\/\/github\.com\/b\/beta\)/);
  });

  it('newPaperEntry passes summaryDraft and image through', async () => {
    const uri = client.uri('examples/lsp-new-entry-draft.md');
    client.open(uri, SAMPLE, 1);
    const result = await client.request<EditCommandResult>('workspace/executeCommand', {
      command: 'weekly.server.newPaperEntry',
      arguments: [{ uri, version: 1, name: 'Gamma', title: '第三篇', summary: 'Abstract.', summaryDraft: true, image: 'https://example.org/g.png' }],
    });
    const text = applyResult(SAMPLE, result);
    assert.ok(text.includes('![Gamma 图](https://example.org/g.png)'));
    assert.match(text, /\*\*概要\*\*：Abstract\. <!-- weekly:draft [0-9a-f]{8} -->/);
  });
});

describe('paper lookups in Restricted Mode', () => {
  let sites: PaperServiceSites;
  let client: LspClient;
  before(async () => {
    process.env.WEEKLY_ISSUES_CACHE_DIR = cacheDir;
    sites = await startPaperServices();
    client = await LspClient.start({
      initializationOptions: { workspaceTrusted: false },
      settings: { weekly: { services: sites.settings, network: { allowPrivateHosts: ['127.0.0.1'] } } },
    });
  });
  after(async () => {
    await client.stop();
    await sites.close();
  });

  it('answers why, with no entries and no request to any service', async () => {
    const uri = client.uri('examples/lsp-lookup-untrusted.md');
    client.open(uri, SAMPLE, 1);
    const result = await client.request<LookupPapersResult>('workspace/executeCommand', {
      command: 'weekly.server.lookupPapers',
      arguments: [{ uri, version: 1, links: ['https://arxiv.org/abs/2408.00714'] }],
    });
    assert.deepEqual(result, { entries: [], error: 'Lookups are off in Restricted Mode: fill in the paper by hand, or trust the workspace.' });
    assert.equal(totalHits(sites), 0);
  });
});
