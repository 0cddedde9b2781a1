/**
 * The structure rules through the real server (dist/extension.js run as the server, JSON-RPC on stdio): every code is
 * published with its range, severity and source; each has its quick fix as a code action; and
 * `source.fixAll.weekly`, applied until it offers nothing, leaves no warning or error.
 * Needs `npm run build`.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver-types';
import { LspClient } from './lspClient';
import { REPO, sample } from '../support/structure';
import { breakEverything } from '../support/structureBreakers';
import { LineIndex } from '../../server/src/service/util/lineIndex';
import { applyEdits } from '../../server/src/service';
import { editsOf } from '../support/codeActions';
import { relabelSample, SAMPLE_MISLABEL_FIX, SAMPLE_MISLABEL_MESSAGE, SAMPLE_MISLABEL_TEXT } from '../support/sampleMislabel';

const STRUCTURE_CODES = [
  'toc-missing-entry', 'toc-order', 'ref-missing', 'ref-orphan', 'ref-numbering', 'ref-duplicate', 'ref-bad-url',
  'ref-undefined', 'paper-missing-field', 'tag-near-duplicate', 'tag-duplicate', 'image-missing',
];
// LSP severities: 1 error, 2 warning, 3 information.
const SEVERITY: Record<string, number> = { 'ref-undefined': 1, 'tag-near-duplicate': 3 };


/** Applies LSP text edits to a text, as an editor does. */
function apply(text: string, edits: TextEdit[]): string {
  const lines = new LineIndex(text);
  return applyEdits(text, edits.map((e) => ({ start: lines.offsetAt(e.range.start), end: lines.offsetAt(e.range.end), newText: e.newText })));
}

const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length - 1;

describe('LSP: the structure of a weekly issue', () => {
  let client: LspClient;
  let workspace: string;
  const broken = breakEverything(sample());

  before(async () => {
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'weekly-structure-'));
    // The workspace folder is the site root: the sample's /assets/… image exists under it.
    fs.cpSync(path.join(REPO, 'examples', 'assets'), path.join(workspace, 'assets'), { recursive: true });
    client = await LspClient.start({ workspaceFolders: [workspace], settings: { weekly: { validate: { scope: 'issues' } } } });
  });
  after(async () => {
    assert.equal(await client.stop(), 0, client.stderr);
    fs.rmSync(workspace, { recursive: true, force: true });
  });

  it('the sample issue gets one diagnostic: "Step1X-Edit 项目主页" links to GitHub (information, with a relabelling fix)', async () => {
    const uri = client.uri('sample.md');
    const text = sample();
    fs.writeFileSync(path.join(workspace, 'sample.md'), text);
    client.open(uri, text);
    const { diagnostics } = await client.waitForDiagnostics(uri, { version: 1 });
    assert.deepEqual(diagnostics.map((d) => [d.code, d.severity, d.source, d.message]), [['ref-kind-mismatch', 3, 'weekly', SAMPLE_MISLABEL_MESSAGE.en]]);
    const line = lineOf(text, SAMPLE_MISLABEL_TEXT);
    const character = text.split('\n')[line].indexOf(SAMPLE_MISLABEL_TEXT);
    assert.deepEqual(diagnostics[0].range, { start: { line, character }, end: { line, character: character + SAMPLE_MISLABEL_TEXT.length } });
    const actions = ((await client.codeActions(uri, diagnostics[0].range, diagnostics, ['quickfix'])) ?? []) as CodeAction[];
    const fix = actions.find((a) => a.title === SAMPLE_MISLABEL_FIX.en);
    assert.ok(fix, actions.map((a) => a.title).join(' | '));
    assert.equal(apply(text, editsOf(fix, uri)), relabelSample(text));
    client.close(uri);
  });

  it('publishes every structure code with its severity and source, at the place it names', async () => {
    const uri = client.uri('broken.md');
    client.open(uri, broken.text);
    const { diagnostics } = await client.waitForDiagnostics(uri, { version: 1 });
    const codes = new Set(diagnostics.map((d) => String(d.code)));
    for (const code of STRUCTURE_CODES) assert.ok(codes.has(code), `${code} was not published`);
    for (const d of diagnostics) {
      assert.equal(d.source, 'weekly');
      assert.equal(d.severity, SEVERITY[String(d.code)] ?? 2, `${d.code} severity`);
    }
    const at = (code: string) => diagnostics.filter((d) => d.code === code).map((d) => d.range.start.line);
    const text = broken.text;
    assert.deepEqual(at('ref-undefined'), [lineOf(text, '[frame-papr]')]);
    assert.deepEqual(at('image-missing'), [lineOf(text, 'ui.jpg')]);
    assert.deepEqual(at('tag-duplicate'), [lineOf(text, '#高质量数据生成 #图像编辑')]);
    assert.deepEqual(at('tag-near-duplicate'), [lineOf(text, '#视频_生成')]);
    assert.deepEqual(at('ref-duplicate'), [lineOf(text, '镜像](')]);
    assert.deepEqual(at('ref-bad-url'), [lineOf(text, '](github.com/'), lineOf(text, ']()')]);
    const missing = diagnostics.find((d) => d.code === 'image-missing')!;
    const ch = text.split('\n')[missing.range.start.line].indexOf('/assets/images/ai-weekly/ui.jpg');
    assert.deepEqual(missing.range, { start: { line: missing.range.start.line, character: ch }, end: { line: missing.range.start.line, character: ch + 31 } });
    client.close(uri);
  });

  it('offers each code\'s quick fix as a code action, and applying one clears that problem', async () => {
    const uri = client.uri('actions.md');
    client.open(uri, broken.text);
    const { diagnostics } = await client.waitForDiagnostics(uri, { version: 1 });
    const titles: Record<string, string[]> = {};
    for (const d of diagnostics) {
      const actions = ((await client.codeActions(uri, d.range, [d], ['quickfix'])) ?? []) as CodeAction[];
      const own = actions.filter((a) => a.diagnostics?.some((x) => x.code === d.code && JSON.stringify(x.range) === JSON.stringify(d.range)));
      titles[String(d.code)] = [...(titles[String(d.code)] ?? []), ...own.map((a) => a.title)];
    }
    assert.ok(titles['toc-missing-entry'].some((t) => /to the table of contents/.test(t)));
    assert.ok(titles['toc-missing-entry'].includes('Update table of contents'));
    assert.ok(titles['toc-order'].some((t) => /Reorder the table of contents/.test(t)));
    assert.ok(titles['ref-missing'].some((t) => /Add reference stubs for "Step1X-Edit"/.test(t)));
    assert.ok(titles['ref-numbering'].includes('Renumber the references'));
    assert.ok(titles['ref-duplicate'].includes('Remove this duplicate entry'));
    assert.ok(titles['ref-orphan'].some((t) => /Name it for/.test(t)));
    assert.ok(titles['ref-bad-url'].some((t) => /Change the URL to https:\/\/github\.com\/NVlabs/.test(t)));
    assert.ok(titles['ref-undefined'].some((t) => /Change the label to "frame-paper"/.test(t)));
    assert.ok(titles['paper-missing-field'].some((t) => /Add a \*\*概要\*\* line/.test(t)));
    assert.ok(titles['tag-near-duplicate'].includes('Change to #视频生成'));
    assert.ok(titles['tag-duplicate'].includes('Remove the second #图像编辑'));
    assert.ok(titles['image-missing'].includes('Change the path to ui.png'));

    // Apply the TOC entry fix (one edit set, one undoable step) and the problem is gone in version 2.
    const toc = diagnostics.find((d) => d.code === 'toc-missing-entry')!;
    const action = ((await client.codeActions(uri, toc.range, [toc], ['quickfix'])) as CodeAction[]).find((a) => /to the table of contents/.test(a.title))!;
    const next = apply(broken.text, editsOf(action, uri));
    client.replace(uri, 2, next);
    const v2 = await client.waitForDiagnostics(uri, { version: 2 });
    assert.ok(!v2.diagnostics.some((d) => d.code === 'toc-missing-entry'));
    client.close(uri);
  });

  it('source.fixAll.weekly, applied until it offers nothing, leaves no warning or error', async () => {
    const uri = client.uri('fixall.md');
    let text = broken.text;
    let version = 1;
    client.open(uri, text, version);
    let last: Diagnostic[] = (await client.waitForDiagnostics(uri, { version })).diagnostics;
    for (let pass = 0; pass < 10; pass++) {
      const actions = ((await client.codeActions(uri, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, [], ['source.fixAll.weekly'])) ?? []) as CodeAction[];
      if (actions.length === 0) break;
      assert.equal(actions.length, 1);
      assert.equal(actions[0].kind, 'source.fixAll.weekly');
      text = apply(text, editsOf(actions[0], uri));
      client.replace(uri, ++version, text);
      last = (await client.waitForDiagnostics(uri, { version })).diagnostics;
    }
    assert.deepEqual(last.filter((d) => d.severity === 1 || d.severity === 2), []);
    assert.deepEqual(last, []);
    assert.ok(version > 1 && version < 11, `fix-all took ${version - 1} passes`);
    client.close(uri);
  });
});
