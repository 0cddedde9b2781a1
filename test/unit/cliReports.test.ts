/**
 * `weekly-issues lint --format sarif|junit` (the bundled dist/cli.js; needs `npm run build`). The SARIF is
 * validated against the SARIF 2.1.0 JSON schema with ajv (sarifSchema.ts).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { XMLParser } from 'fast-xml-parser';
import type { Log } from 'sarif';
import { allRuleInfos } from '../../server/src/service/rules';
import { sarifValidator } from './sarifSchema';

const REPO = path.resolve(__dirname, '..', '..');
const CLI = path.join(REPO, 'dist', 'cli.js');

// Line 5: 😀 is two UTF-16 units, so "#prat" starts at column 12 and ends (exclusive) at 17.
const DOC = '# Doc\n\n## Part\n\n😀 See [p](#prat) or [q](#Part).\n';
const GUIDE = '# Guide\n\n- [Install](#install)\n- [Usage](#usag)\n\n## Install\n\n## Usage\n';

let dir: string;
function lint(args: string[]) {
  const r = spawnSync(process.execPath, [CLI, 'lint', ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, LANG: 'C', LC_ALL: 'C' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
before(() => {
  assert.ok(fs.existsSync(CLI), `${CLI} is missing: run "npm run build" first`);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'weekly-reports-'));
  fs.mkdirSync(path.join(dir, '周报'));
  fs.writeFileSync(path.join(dir, '周报', 'doc one.md'), DOC);
  fs.writeFileSync(path.join(dir, 'guide.md'), GUIDE);
  fs.writeFileSync(path.join(dir, 'clean.md'), '# Clean\n\n## Part\n\n[p](#part)\n');
});
after(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('lint --format sarif', () => {
  it('prints SARIF 2.1.0 that the official schema accepts, exit codes unchanged', () => {
    const r = lint(['--format', 'sarif', '.']);
    assert.equal(r.code, 1, r.stderr);
    const log = JSON.parse(r.stdout) as Log;
    assert.deepEqual(sarifValidator()(log), []);
    assert.equal(log.version, '2.1.0');
  });
  it('lists every rule with its description and page, and points results at them', () => {
    const log = JSON.parse(lint(['--format', 'sarif', '.']).stdout) as Log;
    const run = log.runs[0];
    const rules = run.tool.driver.rules!;
    assert.deepEqual(rules.map((r) => r.id), allRuleInfos.map((r) => r.code));
    const toc = rules.find((r) => r.id === 'toc-broken-anchor')!;
    assert.equal(toc.shortDescription!.text, allRuleInfos.find((r) => r.code === 'toc-broken-anchor')!.description.en);
    assert.match(toc.helpUri!, /\/docs\/rules\/toc-broken-anchor\.md$/);
    for (const result of run.results!) assert.equal(rules[result.ruleIndex!].id, result.ruleId);
  });
  it('gives regions in SARIF\'s convention (1-based, exclusive end column, UTF-16) and encoded relative URIs', () => {
    const results = (JSON.parse(lint(['--format', 'sarif', '.']).stdout) as Log).runs[0].results!;
    const prat = results.find((r) => r.message.text?.includes('#prat'))!;
    const loc = prat.locations![0].physicalLocation!;
    assert.equal(loc.artifactLocation!.uri, '%E5%91%A8%E6%8A%A5/doc%20one.md');
    assert.equal(loc.artifactLocation!.uriBaseId, '%SRCROOT%');
    assert.deepEqual(loc.region, { startLine: 5, startColumn: 12, endLine: 5, endColumn: 17 });
    const usag = results.find((r) => r.ruleId === 'toc-broken-anchor')!;
    assert.equal(usag.level, 'error');
    assert.deepEqual(usag.locations![0].physicalLocation!.region, { startLine: 4, startColumn: 11, endLine: 4, endColumn: 16 });
  });
  it('is valid with no results too', () => {
    const r = lint(['--format', 'sarif', 'clean.md']);
    assert.equal(r.code, 0);
    const log = JSON.parse(r.stdout) as Log;
    assert.deepEqual(log.runs[0].results, []);
    assert.deepEqual(sarifValidator()(log), []);
  });
  it('the validator does reject a broken log (the test can fail)', () => {
    const log = JSON.parse(lint(['--format', 'sarif', '.']).stdout);
    log.runs[0].results[0].locations[0].physicalLocation.region.startLine = 0;
    assert.notDeepEqual(sarifValidator()(log), []);
  });
});

describe('lint --format junit', () => {
  it('has one test case per file and a failure per error', () => {
    const r = lint(['--format', 'junit', '.']);
    assert.equal(r.code, 1, r.stderr);
    const xml = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'testcase' || name === 'failure' }).parse(r.stdout);
    const suite = xml.testsuites.testsuite;
    const cases = suite.testcase as Array<Record<string, unknown> & { failure?: Array<Record<string, string>> }>;
    assert.deepEqual(cases.map((c) => c['@_name']), ['clean.md', 'guide.md', '周报/doc one.md']);
    assert.equal(suite['@_tests'], '3');
    assert.equal(suite['@_failures'], '1');
    assert.equal(cases[1].failure!.length, 1);
    assert.equal(cases[1].failure![0]['@_type'], 'toc-broken-anchor');
    assert.equal(cases[0].failure, undefined);
    // Warnings do not fail a file: they go to its output.
    assert.equal(cases[2].failure, undefined);
    assert.match(String(cases[2]['system-out']), /#prat/);
  });
});
