/** The language features' messages (rename refusals, hover texts), in both languages (see ../util/l10n.ts). */
import { registerMessages } from '../util/l10n';

export const F = registerMessages({
  'rename.refusal': {
    en: "Only a heading or a #tag can be renamed here: put the cursor on a heading's text or on a tag.",
    zh: '这里只能重命名标题或 #标签：请把光标放在标题文字或标签上。',
  },
  'rename.emptyHeading': { en: 'This heading has no text to rename.', zh: '此标题没有可重命名的文字。' },
  'rename.anchor': { en: 'To rename an anchor, rename its heading: the links to it follow.', zh: '要重命名锚点，请重命名它的标题：指向它的链接会随之更新。' },
  'rename.oneLine': { en: "A heading's new text must be one non-empty line.", zh: '标题的新文字必须是非空的一行。' },
  'rename.changesHeadings': {
    en: "The new text would change the document's headings; rename with plain heading text.",
    zh: '新文字会改变文档的标题结构；请用纯文本标题重命名。',
  },
  'hover.noAnchor': { en: 'No heading has the anchor `#{fragment}`.', zh: '没有标题使用锚点 `#{fragment}`。' },
  'hover.headingLine': { en: '*line {line}, `#{slug}`*', zh: '*第 {line} 行，`#{slug}`*' },
  'hover.tagUse': { en: '**#{name}**: used in {issues} and {papers}{scope}.', zh: '**#{name}**：用于 {issues}、{papers}{scope}。' },
  'hover.issues': { en: '{count} issues', zh: '{count} 期' },
  'hover.issue': { en: '1 issue', zh: '1 期' },
  'hover.papers': { en: '{count} papers', zh: '{count} 篇论文' },
  'hover.paper': { en: '1 paper', zh: '1 篇论文' },
  'hover.notIndexed': { en: ' (this document only: the workspace is not indexed)', zh: '（仅本文档：工作区尚未建立索引）' },
  'hover.latest': { en: 'Latest other issues:', zh: '最近的其他期：' },
  'hover.imageNowhere': { en: 'Local image `{url}`: cannot tell where it is (no workspace folder).', zh: '本地图片 `{url}`：无法确定其位置（没有工作区文件夹）。' },
  'hover.imageMissing': { en: 'Local image `{url}`: no file at `{file}`.', zh: '本地图片 `{url}`：`{file}` 处没有文件。' },
  'hover.noPreview': { en: '*No preview: {reason}.*', zh: '*无预览：{reason}。*' },
  'hover.previewsUnavailable': { en: 'previews are not available here', zh: '此处无法使用预览' },
  'completion.paper': { en: '1 paper', zh: '1 篇论文' },
  'completion.papers': { en: '{count} papers', zh: '{count} 篇论文' },
  'completion.unused': { en: 'not used yet', zh: '尚未使用' },
  'completion.aliasOf': { en: 'canonical tag for #{alias} · {count}', zh: '#{alias} 的规范标签 · {count}' },
  'completion.usedBy': { en: 'Used by {papers}', zh: '用于 {papers}' },
  'completion.more': { en: ' and {count} more', zh: ' 等另外 {count} 篇' },
});
