/**
 * `weekly-issues stats`: the bundled dist/cli.js on examples/ prints the per-tag paper counts the archive
 * views show (counted here straight from the samples' tag lines), and the same trends as CSV and SVG.
 * Needs `node esbuild.mjs` (dist/cli.js).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseStatsArgs } from '../../server/src/cli/stats';

const REPO = path.resolve(__dirname, '..', '..');
const CLI = path.join(REPO, 'dist', 'cli.js');
const run = (args: string[], cwd = REPO) => spawnSync(process.execPath, [CLI, 'stats', ...args], { cwd, encoding: 'utf8', env: { ...process.env, LANG: 'C', LC_ALL: 'C' } });

/** Papers per tag from the samples' `**标签**：` / `**Tags**:` lines (each line is one paper's; a tag counts once per line). */
function tagLinesCount(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const name of fs.readdirSync(path.join(REPO, 'examples')).filter((f) => f.endsWith('.md'))) {
    for (const line of fs.readFileSync(path.join(REPO, 'examples', name), 'utf8').split('\n')) {
      if (!/^\*\*(标签|Tags)\*\*\s*[:：]/.test(line)) continue;
      for (const tag of new Set([...line.matchAll(/#([^\s#]+)/g)].map((m) => m[1]))) counts.set(tag, (counts.get(tag) ?? 0) + 1);
    }
  }
  return counts;
}

describe('weekly-issues stats', () => {
  it('--format json: the per-tag paper counts of examples/ are those of its tag lines', () => {
    const r = run(['examples', '--format', 'json']);
    assert.equal(r.status, 0, r.stderr);
    const out = JSON.parse(r.stdout) as { issues: Array<{ papers: number }>; papers: number; tags: Array<{ tag: string; papers: number; issues: number }> };
    const expected = tagLinesCount();
    assert.ok(expected.size > 10);
    assert.deepEqual(new Map(out.tags.map((t) => [t.tag, t.papers])), expected);
    assert.equal(out.issues.length, 2);
    assert.equal(out.papers, out.issues.reduce((n, i) => n + i.papers, 0));
    // Most used first.
    assert.deepEqual(out.tags.map((t) => t.papers), [...out.tags.map((t) => t.papers)].sort((a, b) => b - a));
  });

  it('--format csv and svg give the top N tags per issue; -o writes the file', () => {
    const csv = run(['examples', '--format', 'csv', '--top', '3', '--by', 'issue']);
    assert.equal(csv.status, 0, csv.stderr);
    const rows = csv.stdout.trimEnd().split('\r\n').map((r) => r.split(','));
    assert.equal(rows.length, 4);
    assert.deepEqual(rows[0].slice(0, 2), ['tag', 'total']);
    assert.equal(rows[0].length, 4, 'two issues');
    for (const row of rows.slice(1)) assert.equal(Number(row[1]), Number(row[2]) + Number(row[3]));
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stats-'));
    const w = run([path.join(REPO, 'examples'), '--format', 'svg', '--top', '3', '-o', 'chart.svg'], dir);
    assert.equal(w.status, 0, w.stderr);
    assert.match(w.stdout, /^Wrote chart\.svg \(svg, 2 issues\)/);
    const svg = fs.readFileSync(path.join(dir, 'chart.svg'), 'utf8');
    assert.equal((svg.match(/<rect class="bar s\d" x="[\d.]+" y="[\d.]+" width="28"/g) ?? []).length >= 3, true);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('refuses bad arguments with exit code 2', () => {
    assert.equal(typeof parseStatsArgs(['d', '--format', 'xml'], '.'), 'string');
    assert.equal(typeof parseStatsArgs(['d', '--top', '0'], '.'), 'string');
    assert.equal(typeof parseStatsArgs(['d', '--by', 'year'], '.'), 'string');
    assert.equal(typeof parseStatsArgs([], '.'), 'string');
    const r = run(['examples', '--by', 'week']);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /--by must be month or issue/);
    assert.equal(run(['no-such-folder']).status, 2);
  });
});
