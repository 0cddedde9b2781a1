/** Messages of the links to other files (broken-file-link, broken-file-anchor), in both languages (../l10n.ts). */
import { createTranslator, registerMessages, type Translate } from '../util/l10n';
import type { RuleContext } from '../rules/rule';

const english = createTranslator('en');

/** The translator of the rule's host (the client's locale), English when the host gives none. */
export function fileLinkTranslator(ctx: RuleContext): Translate {
  return ctx.env.t ?? english;
}

export const FL = registerMessages({
  'fileLink.missing': {
    en: 'This link points to {path}, but no such file or folder exists (looked for {file}). Fix the path or add the file.',
    zh: '这个链接指向 {path}，但该文件或文件夹不存在（查找的是 {file}）。请改正路径或添加该文件。',
  },
  'fileLink.fix.path': { en: 'Change the link to {path}', zh: '把链接改为 {path}' },
  'fileAnchor.broken': {
    en: 'This link points to #{fragment} in {file}, but no heading or HTML id there has that anchor.{hint}',
    zh: '这个链接指向 {file} 中的 #{fragment}，但该文件中没有这个锚点的标题或 HTML id。{hint}',
  },
  'fileAnchor.didYouMean': { en: ' Did you mean #{anchor}?', zh: '是否想用 #{anchor}？' },
  'fileAnchor.checkHeading': { en: ' Check the heading it should land on.', zh: '请检查它应跳转到的标题。' },
  'fileAnchor.case': {
    en: '#{fragment} matches the anchor #{anchor} of {file} only when case is ignored; anchors are case-sensitive on most sites. Write #{anchor}.',
    zh: '#{fragment} 只有在忽略大小写时才与 {file} 的锚点 #{anchor} 相符；大多数网站的锚点区分大小写。请写作 #{anchor}。',
  },
  'fileAnchor.fix': { en: 'Change the link to #{anchor}', zh: '把链接改为 #{anchor}' },
});
