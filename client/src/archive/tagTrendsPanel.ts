/**
 * Weekly: Show Tag Trends: a webview with the server's SVG chart (service/archive/trendChart.ts) and a table
 * of the same numbers, under the preview's strict CSP (render/page.ts: nothing by default, style and
 * script only by nonce). Hovering a bar names its papers (the SVG's <title>); clicking a bar or a row
 * reveals the tag in the Tags view (the page's script posts the tag; it never navigates).
 */
import * as vscode from 'vscode';
import { ArchiveMessages, type TagTrendsParams, type TagTrendsResult } from '../../../server/src/protocol/commandProtocol';
import { contentSecurityPolicy, createNonce, escapeHtml, type TagTrends } from '../../../server/src/service';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { ArchiveStore } from './archiveStore';

export const TAG_TRENDS_VIEW_TYPE = 'weekly.tagTrends';

/** What the page's script sends (client/src/archive/webview/tagTrends.ts). */
export interface TagTrendsMessage {
  type: 'revealTag';
  tag: string;
}

export class TagTrendsPanel {
  private static current: TagTrendsPanel | undefined;
  private highlight: string | undefined;
  private asked = 0;

  static show(options: { extensionUri: vscode.Uri; client: LanguageClient; store: ArchiveStore; revealTag(tag: string): void }, highlight?: string): TagTrendsPanel {
    if (TagTrendsPanel.current) {
      TagTrendsPanel.current.panel.reveal();
    } else {
      const panel = vscode.window.createWebviewPanel(TAG_TRENDS_VIEW_TYPE, vscode.l10n.t('Tag Trends'), vscode.ViewColumn.Active, {
        enableScripts: true,
        enableForms: false,
        enableCommandUris: false,
        localResourceRoots: [vscode.Uri.joinPath(options.extensionUri, 'dist')],
      });
      TagTrendsPanel.current = new TagTrendsPanel(panel, options);
    }
    const shown = TagTrendsPanel.current;
    shown.highlight = highlight;
    void shown.update();
    return shown;
  }

  private constructor(
    private readonly panel: vscode.WebviewPanel,
    private readonly options: { extensionUri: vscode.Uri; client: LanguageClient; store: ArchiveStore; revealTag(tag: string): void },
  ) {
    const subscriptions = [
      options.store.onDidChange(() => void this.update()),
      vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('weekly.tagTrends') && void this.update()),
      panel.webview.onDidReceiveMessage((m: TagTrendsMessage) => {
        if (m?.type === 'revealTag' && typeof m.tag === 'string') options.revealTag(m.tag);
      }),
    ];
    panel.onDidDispose(() => {
      TagTrendsPanel.current = undefined;
      for (const s of subscriptions) s.dispose();
    });
  }

  private async update(): Promise<void> {
    const ask = ++this.asked;
    const settings = vscode.workspace.getConfiguration('weekly.tagTrends');
    const nonce = createNonce();
    const params: TagTrendsParams = { top: settings.get<number>('topTags', 10), by: settings.get<string>('groupBy') === 'issue' ? 'issue' : 'month', nonce };
    let result: TagTrendsResult;
    try {
      result = await this.options.client.sendRequest<TagTrendsResult>(ArchiveMessages.tagTrends, params);
    } catch (err) {
      result = { trends: { by: params.by!, groups: [], series: [] }, svg: `<p>${escapeHtml(String((err as Error).message ?? err))}</p>` };
    }
    if (ask !== this.asked) return;
    this.panel.webview.html = this.page(result, nonce);
  }

  private page(result: TagTrendsResult, nonce: string): string {
    const webview = this.panel.webview;
    const script = webview.asWebviewUri(vscode.Uri.joinPath(this.options.extensionUri, 'dist', 'tagTrends.js')).toString();
    const by = result.trends.by === 'issue' ? vscode.l10n.t('per issue') : vscode.l10n.t('per month');
    const body =
      result.trends.series.length === 0
        ? `<p class="empty">${escapeHtml(vscode.l10n.t('No tagged papers in the workspace yet.'))}</p>`
        : `<div class="chart">${result.svg}</div>${trendsTable(result.trends)}`;
    return `<!DOCTYPE html>
<html lang="${escapeHtml(vscode.env.language)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(contentSecurityPolicy({ nonce, resourceSource: webview.cspSource, remoteImages: false }))}">
<title>${escapeHtml(vscode.l10n.t('Tag Trends'))}</title>
<style nonce="${nonce}">${PAGE_CSS}</style>
</head>
<body data-highlight="${escapeHtml(this.highlight ?? '')}">
<h1>${escapeHtml(vscode.l10n.t('Tag Trends'))} <small>${escapeHtml(vscode.l10n.t('top {0} tags, papers {1}', result.trends.series.length, by))}</small></h1>
<div class="layout">${body}</div>
<script nonce="${nonce}" src="${escapeHtml(script)}"></script>
</body>
</html>`;
  }
}

/** The chart's numbers as a table: a row per tag, a column per group; each cell names its papers on hover. */
function trendsTable(trends: TagTrends): string {
  const head = `<tr><th>${escapeHtml(vscode.l10n.t('Tag'))}</th><th>${escapeHtml(vscode.l10n.t('Total'))}</th>${trends.groups.map((g) => `<th>${escapeHtml(g.label)}</th>`).join('')}</tr>`;
  const rows = trends.series.map(
    (s, i) =>
      `<tr data-tag="${escapeHtml(s.tag)}"><th><span class="swatch s${i % 10}"></span><a href="#" data-tag="${escapeHtml(s.tag)}">#${escapeHtml(s.tag)}</a></th><td>${s.total}</td>${s.counts
        .map((c, g) => `<td title="${escapeHtml(s.papers[g].join(', '))}">${c || ''}</td>`)
        .join('')}</tr>`,
  );
  return `<table class="trends"><thead>${head}</thead><tbody>${rows.join('')}</tbody></table>`;
}

const PAGE_CSS = `
body { color: var(--vscode-foreground); background: var(--vscode-editor-background); font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); padding: 8px 16px; }
h1 { font-size: 1.3em; font-weight: 600; } h1 small { font-weight: normal; opacity: .75; margin-left: .5em; }
.layout { display: flex; flex-wrap: wrap; gap: 24px; align-items: flex-start; }
.chart { overflow-x: auto; max-width: 100%; }
.weekly-trends rect.bar, table.trends a { cursor: pointer; }
.weekly-trends rect.bar.highlight { stroke: var(--vscode-focusBorder); stroke-width: 3; }
table.trends { border-collapse: collapse; }
table.trends th, table.trends td { border: 1px solid var(--vscode-panel-border, var(--vscode-contrastBorder, #8884)); padding: 2px 8px; text-align: right; }
table.trends th:first-child { text-align: left; white-space: nowrap; }
table.trends a { color: var(--vscode-textLink-foreground); text-decoration: none; }
table.trends tr.highlight { background: var(--vscode-list-activeSelectionBackground); color: var(--vscode-list-activeSelectionForeground); }
.swatch { display: inline-block; width: 10px; height: 10px; margin-right: 6px; border: 1px solid var(--vscode-contrastBorder, transparent); }
.swatch.s0, .swatch.s6 { background: var(--vscode-charts-blue); } .swatch.s1, .swatch.s7 { background: var(--vscode-charts-orange); }
.swatch.s2, .swatch.s8 { background: var(--vscode-charts-green); } .swatch.s3, .swatch.s9 { background: var(--vscode-charts-purple); }
.swatch.s4 { background: var(--vscode-charts-red); } .swatch.s5 { background: var(--vscode-charts-yellow); }
.swatch.s6, .swatch.s7, .swatch.s8, .swatch.s9 { opacity: .5; }
`;
