/**
 * The LSP server over real JSON-RPC on stdio: diagnostics on open, change and close, never stale,
 * the `weekly.validate.scope` setting, and quick fixes through `textDocument/codeAction`.
 * Needs `npm run build` (runs dist/extension.js as the server, as VS Code does).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-types';
import { LspClient, endPosition } from './lspClient';
import { editsOf } from '../support/codeActions';

const FIXTURES = path.join(__dirname, '..', 'fixtures');
const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, name), 'utf8');

/** The anchor rules this suite is about; other rules (TOC order, references, images…) have their own tests. */
const ANCHOR_CODES = new Set(['toc-broken-anchor', 'broken-anchor', 'anchor-case', 'toc-text-mismatch']);
const anchorsOnly = (ds: Diagnostic[]) => ds.filter((d) => ANCHOR_CODES.has(String(d.code)));


/** What a test compares: the stable parts of a diagnostic. */
const brief = (d: Diagnostic) => ({ code: d.code, severity: d.severity, source: d.source, range: d.range });
const range = (line: number, from: number, to: number, endLine = line) => ({
  start: { line, character: from },
  end: { line: endLine, character: to },
});

// broken-issue.md: a complete weekly issue (目录, fields, 参考链接) with a mistyped TOC fragment (line 6),
// a TOC line landing on another paper (line 7) and a body link to a heading that does not exist (line 11).
// Fixing those three leaves nothing to report.
const BROKEN = fixture('broken-issue.md');
const BROKEN_EXPECTED = [
  { code: 'toc-broken-anchor', severity: 1, source: 'weekly', range: range(5, 13, 20) },
  { code: 'toc-text-mismatch', severity: 2, source: 'weekly', range: range(6, 3, 17) },
  { code: 'broken-anchor', severity: 2, source: 'weekly', range: range(10, 24, 33) },
];

let workspace: string;
before(() => {
  workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'weekly-lsp-'));
});
after(() => fs.rmSync(workspace, { recursive: true, force: true }));

describe('LSP diagnostics', () => {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start({ workspaceFolders: [workspace], settings: { weekly: { validate: { scope: 'issues' } } } });
  });
  after(async () => {
    const code = await client.stop();
    assert.equal(code, 0, `the server should exit cleanly after shutdown/exit; stderr:\n${client.stderr}`);
  });

  it('ref-kind-mismatch: the sample\'s "Step1X-Edit 项目主页" on GitHub, as information, with requiredReferenceKinds as without (test/lsp/structure.test.ts)', async () => {
    const sample = fs.readFileSync(path.join(__dirname, '..', '..', 'examples', 'ai-weekly-sample.md'), 'utf8');
    client.setSettings({ weekly: { validate: { scope: 'issues' }, requiredReferenceKinds: ['github'] } });
    const uri = client.uri('kinds.md');
    client.open(uri, sample);
    const published = await client.waitForDiagnostics(uri, { version: 1 });
    const found = published.diagnostics.filter((d) => d.code === 'ref-kind-mismatch');
    const line = sample.split('\n').findIndex((l) => l.includes('[Step1X-Edit 项目主页]'));
    const start = sample.split('\n')[line].indexOf('Step1X-Edit 项目主页');
    assert.deepEqual(found.map((d) => [d.severity, d.range, d.message]), [
      [3, { start: { line, character: start }, end: { line, character: start + 'Step1X-Edit 项目主页'.length } }, 'The text says "项目主页" but the link is a "GitHub 仓库": relabel it "Step1X-Edit GitHub 仓库".'],
    ]);
    client.close(uri);
    await client.waitForDiagnostics(uri, { cleared: true });
    client.setSettings({ weekly: { validate: { scope: 'issues' } } });
  });

  it('announces incremental sync (with saves, for weekly.links.check) and code actions', () => {
    const caps = client.initializeResult!.capabilities as { textDocumentSync: unknown; codeActionProvider: { codeActionKinds: string[] } };
    assert.deepEqual(caps.textDocumentSync, { openClose: true, change: 2 /* Incremental */, save: { includeText: false } });
    assert.ok(caps.codeActionProvider.codeActionKinds.includes('quickfix'));
  });

  it('publishes the codes and ranges of a broken issue on open', async () => {
    const uri = client.uri('broken.md');
    client.open(uri, BROKEN);
    const published = await client.waitForDiagnostics(uri, { version: 1 });
    assert.deepEqual(anchorsOnly(published.diagnostics).map(brief), BROKEN_EXPECTED);
    assert.match(published.diagnostics[0].message, /^Did you mean #第二篇新模型\? .*#第二篇新模形/);
    client.close(uri);
    await client.waitForDiagnostics(uri, { cleared: true });
  });

  it('clears the diagnostics when an incremental change fixes the document', async () => {
    const uri = client.uri('fixed-by-typing.md');
    client.open(uri, BROKEN);
    assert.equal(anchorsOnly((await client.waitForDiagnostics(uri, { version: 1 })).diagnostics).length, 3);
    // Fix the mistyped fragment (形 -> 型) with a one-character incremental edit.
    client.edit(uri, 2, range(5, 19, 20), '型');
    const v2 = await client.waitForDiagnostics(uri, { version: 2 });
    assert.deepEqual(anchorsOnly(v2.diagnostics).map((d) => d.code), ['toc-text-mismatch', 'broken-anchor']);
    // Then the other two: point line 7 at its own heading, and drop the body link to #appendix.
    client.change(uri, 3, [
      { range: range(10, 16, 34), text: '' },
      { range: range(6, 9, 16), text: '#第三篇' },
    ]);
    const v3 = await client.waitForDiagnostics(uri, { version: 3 });
    assert.deepEqual(v3.diagnostics, []);
    client.close(uri);
    await client.waitForDiagnostics(uri, { cleared: true });
  });

  it('publishes only for the newest version after a burst of changes, never a stale one', async () => {
    const uri = client.uri('burst.md');
    const clean = fixture('zh-issue.md');
    client.open(uri, clean);
    assert.deepEqual(anchorsOnly((await client.waitForDiagnostics(uri, { version: 1 })).diagnostics), []);
    const mark = client.published.length;
    // Versions 2..30 alternate between broken and clean; the last one (30) is broken.
    const brokenLine = '\n[oops](#does-not-exist)\n';
    for (let v = 2; v <= 30; v++) {
      if (v % 2 === 0) client.edit(uri, v, { start: endPosition(clean), end: endPosition(clean) }, brokenLine);
      else client.edit(uri, v, { start: endPosition(clean), end: endPosition(clean + brokenLine) }, '');
    }
    const last = await client.waitForDiagnostics(uri, { version: 30 });
    assert.deepEqual(anchorsOnly(last.diagnostics).map((d) => d.code), ['broken-anchor']);
    await client.roundTrip();
    const mine = client.published.slice(mark).filter((p) => p.uri === uri);
    // Versions only go forward, the newest comes last, and each published result is right for its version.
    const versions = mine.map((p) => p.version!);
    assert.deepEqual([...versions].sort((a, b) => a - b), versions, `published out of order: ${versions}`);
    assert.equal(versions[versions.length - 1], 30);
    for (const p of mine) assert.equal(anchorsOnly(p.diagnostics).length, p.version! % 2 === 0 ? 1 : 0, `version ${p.version}`);
    // The burst coalesces: not one check per keystroke.
    assert.ok(mine.length < 29, `expected the burst to be coalesced, got ${mine.length} publishes: ${versions}`);
    client.close(uri);
    await client.waitForDiagnostics(uri, { cleared: true });
  });

  it('clears the diagnostics on close', async () => {
    const uri = client.uri('closing.md');
    client.open(uri, BROKEN);
    assert.ok((await client.waitForDiagnostics(uri, { version: 1 })).diagnostics.length >= 3);
    client.close(uri);
    const cleared = await client.waitForDiagnostics(uri, { cleared: true });
    assert.deepEqual(cleared.diagnostics, []);
    await client.roundTrip();
    assert.deepEqual(client.latest(uri)!.diagnostics, [], 'nothing may be published after the clear');
  });

  it('answers codeAction with the quick fix of a broken TOC anchor, and it applies cleanly', async () => {
    const uri = client.uri('actions.md');
    client.open(uri, BROKEN);
    const published = await client.waitForDiagnostics(uri, { version: 1 });
    const tocError = published.diagnostics[0];
    const actions = ((await client.codeActions(uri, tocError.range, [tocError], ['quickfix'])) as CodeAction[]).filter((a) =>
      a.diagnostics?.some((d) => ANCHOR_CODES.has(String(d.code))),
    );
    assert.deepEqual(
      actions.map((a) => ({ title: a.title, kind: a.kind, isPreferred: a.isPreferred, edits: editsOf(a, uri) })),
      [
        { title: 'Change the link to #第二篇新模型', kind: 'quickfix', isPreferred: true, edits: [{ range: range(5, 13, 20), newText: '#第二篇新模型' }] },
        // A TOC item after another: the comment is indented into the item above (the list stays one).
        {
          title: 'Disable toc-broken-anchor for this line',
          kind: 'quickfix',
          isPreferred: undefined,
          edits: [{ range: range(5, 0, 0), newText: '   <!-- weekly-issues-disable-next-line toc-broken-anchor -->\n' }],
        },
      ],
    );
    // Edits are bound to the version they were computed for, when sent as documentChanges.
    for (const change of actions[0].edit!.documentChanges ?? []) {
      if ('textDocument' in change) assert.equal(change.textDocument.version, 1);
    }
    // Applying the fix through an incremental change leaves the two other problems only.
    client.edit(uri, 2, range(5, 13, 20), '#第二篇新模型');
    const v2 = await client.waitForDiagnostics(uri, { version: 2 });
    assert.deepEqual(anchorsOnly(v2.diagnostics).map((d) => d.code), ['toc-text-mismatch', 'broken-anchor']);
    // Fix all: every preferred fix in one action.
    const fixAll = (await client.codeActions(uri, range(0, 0, 0), [], ['source.fixAll'])) as CodeAction[];
    assert.equal(fixAll.length, 1);
    assert.equal(fixAll[0].kind, 'source.fixAll.weekly');
    // It holds the TOC line's fix (the link of entry 3 to its own heading).
    assert.ok(
      editsOf(fixAll[0], uri).some((e) => e.newText === '#第三篇' && JSON.stringify(e.range) === JSON.stringify(range(6, 9, 16))),
      JSON.stringify(fixAll[0].edit),
    );
    client.close(uri);
    await client.waitForDiagnostics(uri, { cleared: true });
  });

  it('checks an untitled (not yet saved) document too', async () => {
    const uri = 'untitled:Untitled-1';
    client.open(uri, BROKEN);
    const published = await client.waitForDiagnostics(uri, { version: 1 });
    assert.deepEqual(anchorsOnly(published.diagnostics).map(brief), BROKEN_EXPECTED);
    client.close(uri);
    await client.waitForDiagnostics(uri, { cleared: true });
  });

  it('survives text no Markdown file should hold', async () => {
    const uri = client.uri('garbage.md');
    const garbage = '\u0000\ufeff# \ud800 [x](#%E0%A4%A)\r\r\n```\n' + '['.repeat(5000) + '\n<!--';
    client.open(uri, garbage);
    const published = await client.waitForDiagnostics(uri, { version: 1 });
    assert.ok(Array.isArray(published.diagnostics));
    assert.equal(client.hasExited, false);
    client.close(uri);
    await client.waitForDiagnostics(uri, { cleared: true });
  });
});

describe('LSP configuration: weekly.validate.scope', () => {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start({ workspaceFolders: [workspace], settings: { weekly: { validate: { scope: 'issues' } } } });
  });
  after(async () => {
    await client.stop();
  });

  it('asks the client for the `weekly` section of the document', async () => {
    const uri = client.uri('asks.md');
    client.open(uri, '# A\n');
    await client.waitForDiagnostics(uri, { version: 1 });
    assert.ok(client.configurationRequests.some((item) => item.section === 'weekly' && item.scopeUri === uri));
    client.close(uri);
  });

  it("'issues' checks weekly issues only; 'all' checks every Markdown file; 'off' checks nothing", async () => {
    const notes = client.uri('notes.md');
    const issue = client.uri('issue.md');
    client.open(notes, fixture('notes.md'));
    client.open(issue, BROKEN);
    assert.deepEqual((await client.waitForDiagnostics(notes, { version: 1 })).diagnostics, [], "'issues': a plain note gets nothing");
    assert.equal(anchorsOnly((await client.waitForDiagnostics(issue, { version: 1 })).diagnostics).length, 3, "'issues': the issue is checked");

    let mark = client.published.length;
    client.setSettings({ weekly: { validate: { scope: 'all' } } });
    const all = await client.waitForDiagnostics(notes, { after: mark });
    assert.deepEqual(all.diagnostics.map(brief), [{ code: 'broken-anchor', severity: 2, source: 'weekly', range: range(4, 32, 38) }]);
    assert.equal(anchorsOnly((await client.waitForDiagnostics(issue, { after: mark })).diagnostics).length, 3);

    mark = client.published.length;
    client.setSettings({ weekly: { validate: { scope: 'off' } } });
    assert.deepEqual((await client.waitForDiagnostics(notes, { after: mark })).diagnostics, []);
    assert.deepEqual((await client.waitForDiagnostics(issue, { after: mark })).diagnostics, []);

    mark = client.published.length;
    client.setSettings({ weekly: { validate: { scope: 'issues' } } });
    assert.deepEqual((await client.waitForDiagnostics(notes, { after: mark })).diagnostics, []);
    assert.equal(anchorsOnly((await client.waitForDiagnostics(issue, { after: mark })).diagnostics).length, 3);
    client.close(notes);
    client.close(issue);
  });

  it('a bad setting value falls back to the default and the server keeps working', async () => {
    const mark = client.published.length;
    client.setSettings({ weekly: { validate: { scope: 42 }, slugStyle: 'nope', severity: 'loud' } });
    const uri = client.uri('bad-settings.md');
    client.open(uri, BROKEN);
    const published = await client.waitForDiagnostics(uri, { version: 1, after: mark });
    assert.equal(anchorsOnly(published.diagnostics).length, 3);
    assert.ok(client.logs.some((l) => /validate\.scope/.test(l)), `expected a log line naming the setting, got ${client.logs}`);
    client.close(uri);
  });

  it('severity settings change what is published', async () => {
    const mark = client.published.length;
    client.setSettings({ weekly: { validate: { scope: 'all' }, severity: { 'broken-anchor': 'error', 'toc-text-mismatch': 'off' } } });
    const uri = client.uri('severity.md');
    client.open(uri, BROKEN);
    const published = await client.waitForDiagnostics(uri, { version: 1, after: mark });
    assert.deepEqual(
      anchorsOnly(published.diagnostics).map((d) => [d.code, d.severity]),
      [
        ['toc-broken-anchor', 1],
        ['broken-anchor', 1],
      ],
    );
    client.close(uri);
  });
});

describe('LSP: a result for an old version is dropped', () => {
  it('publishes nothing for version 1 when the text changed while the server waited for changed settings', async () => {
    let holding = false;
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let asked!: () => void;
    const firstAsk = new Promise<void>((resolve) => (asked = resolve));
    const client = await LspClient.start({
      workspaceFolders: [workspace],
      settings: { weekly: { validate: { scope: 'all' } } },
      // Once holding: every settings answer waits until the test has sent version 2.
      configurationFor: async () => {
        if (!holding) return undefined;
        asked();
        await held;
        return undefined;
      },
    });
    try {
      await client.roundTrip(); // the start-up settings are answered
      holding = true;
      // After a settings change the cached settings are stale: a check waits for the new ones.
      client.setSettings({ weekly: { validate: { scope: 'all' } } });
      await firstAsk;
      const uri = client.uri('held.md');
      client.open(uri, BROKEN);
      client.replace(uri, 2, fixture('zh-issue.md'));
      await client.roundTrip(); // the server has read version 2
      release();
      const v2 = await client.waitForDiagnostics(uri, { version: 2 });
      assert.deepEqual(anchorsOnly(v2.diagnostics), []);
      await client.roundTrip();
      assert.deepEqual(
        client.published.filter((p) => p.uri === uri).map((p) => p.version),
        [2],
        'the result for version 1 is stale and must not be published',
      );
    } finally {
      await client.stop();
    }
  });
});

describe('LSP without workspace/configuration support', () => {
  it('uses the defaults (scope: issues)', async () => {
    const client = await LspClient.start({ workspaceFolders: [workspace], configurationSupport: false });
    try {
      const notes = client.uri('notes.md');
      const issue = client.uri('issue.md');
      client.open(notes, fixture('notes.md'));
      client.open(issue, BROKEN);
      assert.deepEqual((await client.waitForDiagnostics(notes, { version: 1 })).diagnostics, []);
      assert.equal(anchorsOnly((await client.waitForDiagnostics(issue, { version: 1 })).diagnostics).length, 3);
      assert.deepEqual(client.configurationRequests, []);
    } finally {
      await client.stop();
    }
  });
});
