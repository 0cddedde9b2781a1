/** The anchor rules' messages (broken-anchor, toc-broken-anchor, anchor-case, toc-text-mismatch), in both languages. */
import { registerMessages } from '../util/l10n';

export const A = registerMessages({
  'anchor.broken': {
    en: 'This link points to #{fragment}, but no heading or HTML id has that anchor.{hint}',
    zh: '此链接指向 #{fragment}，但没有标题或 HTML id 使用这个锚点。{hint}',
  },
  'anchor.brokenToc': {
    en: 'This table-of-contents entry links to #{fragment}, but no heading or HTML id has that anchor.{hint}',
    zh: '此目录条目链接到 #{fragment}，但没有标题或 HTML id 使用这个锚点。{hint}',
  },
  'anchor.didYouMean': { en: ' Did you mean #{suggestion}?', zh: '是否想写 #{suggestion}？' },
  'anchor.checkHeading': { en: ' Check the heading it should land on.', zh: '请检查它应指向的标题。' },
  'anchor.case': {
    en: '#{fragment} matches the anchor #{anchor} only when case is ignored; anchors are case-sensitive on most sites. Write #{anchor}.',
    zh: '#{fragment} 只有在忽略大小写时才与锚点 #{anchor} 匹配；大多数网站的锚点区分大小写。请写成 #{anchor}。',
  },
  'toc.textMismatch': {
    en: 'The entry says "{text}" but links to the heading "{heading}".',
    zh: '目录条目写的是“{text}”，但链接到标题“{heading}”。',
  },
});
