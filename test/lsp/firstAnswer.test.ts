/**
 * The first answer (issue 13): a document opened right after `initialized` gets its own diagnostics
 * without waiting for the workspace index, for its settings from the client, or for a debounce; checks
 * that read other files follow when the index is built; a huge file is left out of the index by its size.
 * Order, never timing: the tests say what comes before what.
 * Needs `npm run build` (runs dist/extension.js as the server, as VS Code does).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Diagnostic } from 'vscode-languageserver-types';
import { LspClient, type ConfigurationItem } from './lspClient';

const FIXTURES = path.join(__dirname, '..', 'fixtures');
const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, name), 'utf8');
const codes = (ds: Diagnostic[]) => ds.map((d) => String(d.code));

/** Waits until `ready()` holds (a hang guard, not a speed check). */
async function until(ready: () => boolean, what: string): Promise<void> {
  const giveUp = Date.now() + 20_000;
  while (!ready()) {
    if (Date.now() > giveUp) throw new Error(`gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
}

let root: string;
before(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'weekly-first-answer-'));
});
after(() => fs.rmSync(root, { recursive: true, force: true }));

describe('LSP: the first diagnostics do not wait for the index', () => {
  let folder: string;
  before(() => {
    // Large enough that indexing takes many turns of the server's event loop.
    folder = path.join(root, 'large');
    const issue = fixture('zh-issue.md');
    for (let k = 0; k < 2_000; k++) {
      const dir = path.join(folder, String(2000 + Math.floor(k / 200)));
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(path.join(dir, `issue-${k}.md`), issue.replace(/^# .*/m, (title) => `${title} ${k}`));
    }
    fs.writeFileSync(path.join(folder, 'other.md'), '# Other\n\n## 存在的标题\n');
  });

  it("arrive before the index's progress ends; the cross-file check follows once it is built", async () => {
    const client = await LspClient.start({ workspaceFolders: [folder], settings: { weekly: { validate: { scope: 'all' } } } });
    try {
      const uri = client.uri('new.md');
      // An issue (checked under the default scope too, as the settings may not be answered yet).
      client.open(uri, `${fixture('broken-issue.md')}\n见 [另一篇](./other.md#不存在)。\n`);
      // And one opened once the index has begun (its progress began).
      await until(() => client.events.some((e) => e.kind === 'progress' && e.value.kind === 'begin'), "the index's progress");
      const during = client.uri('during.md');
      client.open(during, fixture('broken-issue.md'));
      const first = await client.waitForDiagnostics(uri, { version: 1 });
      assert.ok(codes(first.diagnostics).includes('broken-anchor'), 'its own checks');
      assert.ok(!codes(first.diagnostics).includes('broken-file-anchor'), 'other files are not known yet: no verdict on them');
      await client.request('workspace/symbol', { query: 'x' }); // answered once the first index build is done
      const indexedAt = client.events.findIndex((e) => e.kind === 'progress' && e.value.kind === 'end');
      assert.ok(indexedAt >= 0, 'the index reports its progress');
      for (const u of [uri, during]) {
        const firstAt = client.events.findIndex((e) => e.kind === 'diagnostics' && e.uri === u);
        assert.ok(firstAt >= 0 && firstAt < indexedAt, `the first diagnostics of ${u} (event ${firstAt}) must come before the index's progress ends (event ${indexedAt})`);
      }
      const later = await client.waitForDiagnostics(uri, { version: 1, where: (p) => codes(p.diagnostics).includes('broken-file-anchor') });
      // The other cross-file check: the workspace's copies of the issue cover the same papers (paper-repeat).
      assert.deepEqual(codes(later.diagnostics).filter((c) => c !== 'broken-file-anchor' && c !== 'paper-repeat'), codes(first.diagnostics), 'the rest is as before');
      assert.ok(!codes(first.diagnostics).includes('paper-repeat'), 'no repeats before the index knows the other issues');
    } finally {
      await client.stop();
    }
  });
});

describe('LSP: the recheck when the index is built', () => {
  it('publishes again only what changed: a document that reads no other file is not published twice', async () => {
    const folder = path.join(root, 'recheck');
    fs.mkdirSync(folder);
    fs.writeFileSync(path.join(folder, 'other.md'), '# Other\n\n## 存在的标题\n');
    // The defaults as the client's settings: a document's own settings never differ from the cached ones
    // (that would be a recheck of its own, published whatever it finds).
    const client = await LspClient.start({ workspaceFolders: [folder], settings: { weekly: {} } });
    try {
      const alone = client.uri('alone.md');
      const linked = client.uri('linked.md');
      client.open(alone, fixture('broken-issue.md'));
      client.open(linked, `${fixture('broken-issue.md')}\n见 [另一篇](./other.md#不存在)。\n`);
      await until(() => client.events.some((e) => e.kind === 'progress' && e.value.kind === 'end'), "the index's progress end");
      const endAt = client.events.findIndex((e) => e.kind === 'progress' && e.value.kind === 'end');
      const publishedBefore = (u: string) => client.events.slice(0, endAt).filter((e) => e.kind === 'diagnostics' && e.uri === u);
      // The index's recheck runs before its progress ends: what it publishes comes before that end.
      assert.equal(publishedBefore(alone).length, 1, 'the same diagnostics: the recheck publishes nothing');
      const linkedPublished = publishedBefore(linked);
      assert.equal(linkedPublished.length, 2, 'its file link is judged once the index is built: published again');
      const last = client.published.filter((p) => p.uri === linked).at(-1);
      assert.ok(last && codes(last.diagnostics).includes('broken-file-anchor'), 'with the file link judged');
    } finally {
      await client.stop();
    }
  });
});

describe('LSP: settings from the cache, then corrected', () => {
  it('checks a new document with the cached settings at once and again when its own differ', async () => {
    const folder = path.join(root, 'settings');
    fs.mkdirSync(folder);
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const own = { validate: { scope: 'all' }, severity: { 'broken-anchor': 'error' } };
    const client = await LspClient.start({
      workspaceFolders: [folder],
      settings: { weekly: { validate: { scope: 'all' } } },
      // The document's own settings (asked with its URI) differ from the workspace's, and come late.
      configurationFor: async (item: ConfigurationItem) => {
        if (!item.scopeUri) return undefined;
        await held;
        return own;
      },
    });
    try {
      const uri = client.uri('issue.md');
      client.open(uri, fixture('broken-issue.md'));
      const first = await client.waitForDiagnostics(uri, { version: 1 });
      const severityOf = (ds: Diagnostic[]) => ds.find((d) => d.code === 'broken-anchor')?.severity;
      assert.equal(severityOf(first.diagnostics), 2, 'checked at once with the cached settings (a warning)');
      assert.ok(client.configurationRequests.some((i) => i.scopeUri === uri), 'its own settings were asked for, and are not answered yet');
      const mark = client.published.length;
      release();
      const corrected = await client.waitForDiagnostics(uri, { version: 1, after: mark });
      assert.equal(severityOf(corrected.diagnostics), 1, 'checked again with its own settings (an error)');
    } finally {
      await client.stop();
    }
  });
});

describe('LSP: a huge file is left out of the index', () => {
  it('by its size on disk, with a log line, and the rest is indexed', async () => {
    const folder = path.join(root, 'huge');
    fs.mkdirSync(folder);
    fs.writeFileSync(path.join(folder, 'issue.md'), fixture('zh-issue.md'));
    // 1 GiB without using the disk: read whole it could not even become a string (Node's limit is ~512 MB).
    fs.writeFileSync(path.join(folder, 'archive.md'), '');
    fs.truncateSync(path.join(folder, 'archive.md'), 1024 ** 3);
    const client = await LspClient.start({ workspaceFolders: [folder], settings: { weekly: {} } });
    try {
      const found = await client.request<Array<{ location: { uri: string } }>>('workspace/symbol', { query: '' });
      assert.ok(found.length > 0 && found.every((s) => s.location.uri.endsWith('/issue.md')), 'the other file is indexed');
      const line = client.logs.find((l) => l.includes('archive.md'));
      assert.match(line ?? '', /not indexed: 1,073,741,824 bytes, longer than weekly\.maxFileSize/);
    } finally {
      await client.stop();
    }
  });
});

describe("LSP: the main thread goes first (node/threadPriority.ts)", () => {
  it("runs V8's helper threads at nice 10 and its own thread at the nice it was started with (Linux)", { skip: process.platform !== 'linux' && 'reads /proc: Linux only' }, async () => {
    const client = await LspClient.start();
    try {
      await client.roundTrip();
      const pid = client.process.pid!;
      // /proc/<pid>/task/<tid>/stat: field 19 is the nice value (fields counted after the command's closing parenthesis).
      const niceOf = (tid: string) => Number(fs.readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8').replace(/^.*\) /s, '').split(' ')[16]);
      const tids = fs.readdirSync(`/proc/${pid}/task`);
      const helpers = tids.filter((t) => Number(t) !== pid);
      const mine = Number(fs.readFileSync(`/proc/self/stat`, 'utf8').replace(/^.*\) /s, '').split(' ')[16]);
      assert.equal(niceOf(String(pid)), mine, 'the main thread keeps the priority it was started with');
      const lowered = helpers.filter((t) => niceOf(t) === Math.max(10, mine));
      // V8's four platform workers and its delayed-task runner exist from the start; libuv's pool, started
      // later by the main thread, keeps the main thread's priority.
      assert.ok(lowered.length >= 4, `V8's helpers at nice 10: ${lowered.length} of ${helpers.length} threads (${helpers.map(niceOf).join(', ')})`);
      assert.ok(client.logs.some((l) => /helper threads at nice 10/.test(l)), 'the server says so in its log');
    } finally {
      await client.stop();
    }
  });
});
