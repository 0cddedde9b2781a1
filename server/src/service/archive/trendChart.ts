/**
 * The tag trends chart as SVG: a stacked bar per month (or issue), one colour per tag, a legend. Colours are
 * the workbench's chart colours through CSS variables (with fallbacks for a file opened on its own) and text
 * is `currentColor`, so a webview themes it in light, dark and high-contrast; bars have a stroke so they stay
 * apart in high contrast. No script: each bar says what it is in `<title>` (the hover) and `data-*`
 * attributes (the webview's own script handles clicks). Hand-written: a chart library would add a runtime
 * dependency (and a script) for a few rectangles.
 */
import { escapeHtml } from '../render/page';
import type { TagTrends } from './archiveTypes';

export interface TrendChartOptions {
  /** The nonce of the page's CSP for the chart's `<style>` (a webview); absent: a standalone SVG. */
  nonce?: string;
  /** Hover text of a bar: `{tag}`, `{group}`, `{count}`, `{papers}` (the caller's language). */
  barTitle?: string;
  /** The chart's accessible title. */
  title?: string;
}

const PALETTE = [
  'var(--vscode-charts-blue, #3794ff)',
  'var(--vscode-charts-orange, #d18616)',
  'var(--vscode-charts-green, #388a34)',
  'var(--vscode-charts-purple, #b180d7)',
  'var(--vscode-charts-red, #f14c4c)',
  'var(--vscode-charts-yellow, #cca700)',
];
export const SERIES_CLASSES = 10;

const BAR = 28;
const GAP = 14;
const PLOT_HEIGHT = 200;
const LEFT = 36;
const TOP = 12;
const LABEL_ROW = 40;
const LEGEND_ROW = 18;

export function trendChartSvg(trends: TagTrends, options: TrendChartOptions = {}): string {
  const totals = trends.groups.map((_, g) => trends.series.reduce((sum, s) => sum + s.counts[g], 0));
  const max = Math.max(1, ...totals);
  const width = Math.max(480, LEFT + trends.groups.length * (BAR + GAP) + GAP);
  // Legend columns as wide as the longest entry (about 7 px a character at 11 px; CJK wider), as many as fit.
  const longest = Math.max(0, ...trends.series.map((s) => legendText(s.tag, s.total).replace(/[^\x00-\xff]/g, 'xx').length));
  const columnWidth = Math.min(width - 16, 24 + longest * 6.5);
  const columns = Math.max(1, Math.floor((width - 16) / columnWidth));
  const legendTop = TOP + PLOT_HEIGHT + LABEL_ROW;
  const height = legendTop + Math.ceil(trends.series.length / columns) * LEGEND_ROW + 8;
  const scale = PLOT_HEIGHT / max;
  const out: string[] = [];
  const nonce = options.nonce ? ` nonce="${escapeHtml(options.nonce)}"` : '';
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" class="weekly-trends" role="img" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="11">`);
  out.push(`<title>${escapeHtml(options.title ?? 'Tag trends')}</title>`);
  out.push(`<style${nonce}>${chartCss()}</style>`);
  // Axis: a baseline and the top count.
  const base = TOP + PLOT_HEIGHT;
  out.push(`<line class="axis" x1="${LEFT}" y1="${base}" x2="${width - 4}" y2="${base}"/>`);
  out.push(`<text class="label" x="${LEFT - 6}" y="${TOP + 8}" text-anchor="end">${max}</text>`);
  out.push(`<text class="label" x="${LEFT - 6}" y="${base}" text-anchor="end">0</text>`);
  trends.groups.forEach((group, g) => {
    const x = LEFT + GAP + g * (BAR + GAP);
    let y = base;
    trends.series.forEach((s, i) => {
      const count = s.counts[g];
      if (count === 0) return;
      const h = count * scale;
      y -= h;
      const title = fill(options.barTitle ?? '#{tag} · {group}: {count} — {papers}', { tag: s.tag, group: group.label, count: String(count), papers: s.papers[g].join(', ') });
      out.push(
        `<rect class="bar s${i % SERIES_CLASSES}" x="${x}" y="${round(y)}" width="${BAR}" height="${round(h)}" data-tag="${escapeHtml(s.tag)}" data-group="${escapeHtml(group.key)}" data-count="${count}"><title>${escapeHtml(title)}</title></rect>`,
      );
    });
    if (totals[g] > 0) out.push(`<text class="label" x="${x + BAR / 2}" y="${round(y - 3)}" text-anchor="middle">${totals[g]}</text>`);
    out.push(`<text class="label" x="${x + BAR / 2}" y="${base + 12}" text-anchor="end" transform="rotate(-35 ${x + BAR / 2} ${base + 12})">${escapeHtml(shorten(group.label))}</text>`);
  });
  trends.series.forEach((s, i) => {
    const x = round(8 + (i % columns) * columnWidth);
    const y = legendTop + Math.floor(i / columns) * LEGEND_ROW;
    out.push(`<g class="legend" data-tag="${escapeHtml(s.tag)}"><rect class="key s${i % SERIES_CLASSES}" x="${x}" y="${y}" width="10" height="10"/><text class="label" x="${x + 14}" y="${y + 9}">${escapeHtml(legendText(s.tag, s.total))}</text></g>`);
  });
  out.push('</svg>');
  return out.join('\n');
}

function chartCss(): string {
  const series = Array.from({ length: SERIES_CLASSES }, (_, i) => {
    // Past the six chart colours, the same colours lighter: ten tags stay apart.
    const opacity = i < PALETTE.length ? '' : ' fill-opacity: 0.5;';
    return `.weekly-trends .s${i} { fill: ${PALETTE[i % PALETTE.length]};${opacity} }`;
  });
  return [
    '.weekly-trends { color: var(--vscode-foreground, #333); }',
    '.weekly-trends .label { fill: currentColor; }',
    '.weekly-trends .axis { stroke: currentColor; stroke-opacity: 0.5; }',
    '.weekly-trends .legend { cursor: pointer; }',
    '.weekly-trends .bar, .weekly-trends .key { stroke: var(--vscode-contrastBorder, transparent); stroke-width: 1; }',
    '.weekly-trends rect.bar:hover { stroke: var(--vscode-focusBorder, currentColor); stroke-width: 2; }',
    ...series,
  ].join('\n');
}

function legendText(tag: string, total: number): string {
  return `#${tag} (${total})`;
}

function fill(template: string, args: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => args[k] ?? m);
}

function shorten(label: string): string {
  return label.length > 16 ? `${label.slice(0, 15)}…` : label;
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}
