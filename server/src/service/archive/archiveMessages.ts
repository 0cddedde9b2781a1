/** The chart's words in both languages, for the server's webview answer and `weekly-issues stats`. */
import { registerMessages, type Translate } from '../util/l10n';

const messages = registerMessages({
  'archive.undated': { en: 'undated', zh: '无日期' },
  'archive.barTitle': { en: '#{tag} · {group}: {count} papers — {papers}', zh: '#{tag} · {group}：{count} 篇论文 — {papers}' },
  'archive.chartTitle': { en: 'Tag trends', zh: '标签趋势' },
});

/** `undatedLabel` for tagTrends, `barTitle` and `title` for trendChartSvg, in `t`'s language. */
export function chartTexts(t: Translate): { undatedLabel: string; barTitle: string; title: string } {
  return { undatedLabel: t(messages['archive.undated']), barTitle: t(messages['archive.barTitle']), title: t(messages['archive.chartTitle']) };
}
