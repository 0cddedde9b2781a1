/** The authoring commands' messages, in both languages (see ../l10n.ts). */
import { registerMessages } from '../util/l10n';

export const M = registerMessages({
  'authoring.notIssue': {
    en: 'This file is not a weekly issue (it needs table of contents and reference list headings and paper fields, or `weekly: true` front matter: "Weekly: Toggle Whether This File Is a Weekly Issue").',
    zh: '此文件不是周报（需要目录和参考链接标题以及论文字段，或 `weekly: true` 前置元数据：“Weekly: 切换此文件是否视为周报”）。',
  },
  'authoring.nameRequired': { en: 'The paper needs a name.', zh: '请填写论文名称。' },
  'authoring.oneLine': { en: 'The {field} must fit on one line.', zh: '{field}只能写一行。' },
  'authoring.badTag': {
    en: '"{tag}" is not a tag: use letters, digits, "-", "_", "+" or "." with no spaces.',
    zh: '“{tag}”不是有效的标签：只能包含字母、数字、“-”、“_”、“+”或“.”，不能有空格。',
  },
  'authoring.badUrl': { en: '"{url}" is not an http(s) URL.', zh: '“{url}”不是 http(s) 链接。' },
  'authoring.tooManyUrls': {
    en: '"{url}" finds no free place: a paper has one project page, one GitHub link and one paper link.',
    zh: '“{url}”没有空位：每篇论文只有项目主页、GitHub 和论文链接各一个。',
  },
  'authoring.duplicatePaper': {
    en: 'This issue already has a paper named "{name}".',
    zh: '本期已经有名为“{name}”的论文。',
  },
  'authoring.slugShift': {
    en: 'A heading "{heading}" would change the anchor of a heading below it; choose another title.',
    zh: '标题“{heading}”会改变其后同名标题的锚点，请换一个标题。',
  },
  'authoring.changed': {
    en: 'The document changed while the edit was being prepared; run the command again.',
    zh: '准备修改期间文档已被更改，请重新运行该命令。',
  },
  'authoring.noDocument': { en: 'The document is not open in the language server.', zh: '语言服务器中没有打开此文档。' },
  'authoring.failed': { en: '{command} failed: {reason}', zh: '{command} 失败：{reason}' },
  'authoring.field.name': { en: 'name', zh: '名称' },
  'authoring.field.title': { en: 'title', zh: '标题' },
  'authoring.nothingToDo': { en: 'Nothing to change: it is already up to date.', zh: '无需修改：已是最新。' },
  'authoring.noToc': { en: 'This issue has no table of contents to update.', zh: '本期没有可更新的目录。' },
  'authoring.noReferences': { en: 'This issue has no reference list to renumber.', zh: '本期没有可重新编号的参考链接列表。' },
});
