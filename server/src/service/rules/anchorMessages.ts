/** The anchor rules' messages (broken-anchor, toc-broken-anchor, anchor-case, toc-text-mismatch), in both languages. */
import { registerMessages } from '../util/l10n';

export const A = registerMessages({
  // The suggestion comes first: the Problems view cuts long messages off at the end.
  'anchor.broken': {
    en: '{hint}No heading or HTML id has the anchor #{fragment}.',
    zh: '{hint}没有标题或 HTML id 使用锚点 #{fragment}。',
  },
  'anchor.brokenToc': {
    en: '{hint}No heading has the anchor #{fragment} of this TOC entry.',
    zh: '{hint}没有标题使用此目录条目的锚点 #{fragment}。',
  },
  'anchor.didYouMean': { en: 'Did you mean #{suggestion}? ', zh: '是否想写 #{suggestion}？' },
  'anchor.case': {
    en: '#{fragment} matches the anchor #{anchor} only when case is ignored; anchors are case-sensitive on most sites. Write #{anchor}.',
    zh: '#{fragment} 只有在忽略大小写时才与锚点 #{anchor} 匹配；大多数网站的锚点区分大小写。请写成 #{anchor}。',
  },
  'toc.textMismatch': {
    en: 'The entry says "{text}" but links to the heading "{heading}".',
    zh: '目录条目写的是“{text}”，但链接到标题“{heading}”。',
  },
});
