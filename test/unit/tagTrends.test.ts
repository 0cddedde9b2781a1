/** Tag trends (service/archive/tagTrends.ts) and their SVG chart (trendChart.ts): the bars are the counts. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { workspaceService } from './navigationWorkspace';
import { ArchiveIndex } from '../../server/src/service/archive/archiveIndex';
import { tagTrends } from '../../server/src/service/archive/tagTrends';
import { trendChartSvg } from '../../server/src/service/archive/trendChart';
import { FILES, issue } from './archiveWorkspace';

async function dataOf(files: Record<string, string>) {
  const { index } = await workspaceService(files);
  return new ArchiveIndex(() => index.all()).data();
}

const MORE = { ...FILES, 'c.md': issue('Week E', { Zeta: '#video #agents #diffusion' }, '2026-01-19'), 'u.md': issue('Undated', { Eta: '#video' }) };

describe('tag trends', () => {
  it('counts papers per tag per month, oldest first, undated last, with the papers for the hover', async () => {
    const trends = tagTrends(await dataOf(MORE), { by: 'month', undatedLabel: 'no date' });
    assert.deepEqual(trends.groups, [{ key: '2026-01', label: '2026-01' }, { key: '2026-02', label: '2026-02' }, { key: 'undated', label: 'no date' }]);
    assert.deepEqual(
      trends.series.map((s) => [s.tag, s.total, s.counts]),
      [['diffusion', 4, [3, 1, 0]], ['video', 4, [2, 1, 1]], ['agents', 3, [1, 2, 0]]],
    );
    const video = trends.series[1];
    assert.deepEqual(video.papers.map((p) => [...p].sort()), [['Alpha', 'Zeta'], ['Gamma'], ['Eta']]);
  });

  it('groups per issue and keeps only the top N tags', async () => {
    const trends = tagTrends(await dataOf(FILES), { by: 'issue', top: 2 });
    assert.deepEqual(trends.groups.map((g) => g.label), ['2026-01-05', '2026-02-02', '2026-02-16']);
    assert.deepEqual(trends.series.map((s) => [s.tag, s.counts]), [['diffusion', [2, 1, 0]], ['agents', [0, 1, 1]]]);
    assert.deepEqual(tagTrends(await dataOf(FILES), { top: 0 }).series, []);
  });
});

describe('tag trends chart', () => {
  it('draws one bar per non-zero count, heights in proportion, named in a <title>; no script', async () => {
    const trends = tagTrends(await dataOf(MORE), { by: 'month' });
    const svg = trendChartSvg(trends, { nonce: 'abc' });
    assert.match(svg, /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    assert.match(svg, /<style nonce="abc">/);
    assert.doesNotMatch(svg, /<script|\son[a-z]+=|javascript:/i);
    const bars = [...svg.matchAll(/<rect class="bar s(\d)" x="[\d.]+" y="([\d.]+)" width="28" height="([\d.]+)" data-tag="([^"]+)" data-group="([^"]+)" data-count="(\d+)"><title>([^<]*)<\/title>/g)];
    const expected = trends.series.flatMap((s) => s.counts.map((c, g) => [s.tag, trends.groups[g].key, c] as const).filter(([, , c]) => c > 0));
    assert.deepEqual(bars.map((b) => [b[4], b[5], Number(b[6])]).sort(), expected.map(([t, g, c]) => [t, g, c]).sort());
    // 2026-01 holds the tallest stack (3 + 2 + 1 = 6 papers): 200 px, so a bar of 1 is 200/6.
    for (const b of bars) assert.ok(Math.abs(Number(b[3]) - (Number(b[6]) * 200) / 6) < 0.1, `bar ${b[4]} ${b[5]}`);
    const zeta = bars.find((b) => b[4] === 'agents' && b[5] === '2026-01')!;
    assert.equal(zeta[7], '#agents · 2026-01: 1 — Zeta');
    // The legend names each tag with its total; text follows the theme (currentColor), bars the chart colours.
    assert.match(svg, /#diffusion \(4\)/);
    assert.match(svg, /\.s0 \{ fill: var\(--vscode-charts-blue, #3794ff\);/);
    assert.match(svg, /\.label \{ fill: currentColor; \}/);
  });

  it('escapes tag names and labels, and draws an empty chart for no data', async () => {
    const svg = trendChartSvg({ by: 'issue', groups: [{ key: 'k"<', label: '<b>' }], series: [{ tag: 'a&b', total: 1, counts: [1], papers: [['<img>']] }] });
    assert.doesNotMatch(svg, /<b>|<img>/);
    assert.match(svg, /data-tag="a&amp;b"/);
    assert.match(trendChartSvg({ by: 'month', groups: [], series: [] }), /<\/svg>$/);
  });
});
