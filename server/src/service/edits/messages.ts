/** The structure rules' messages and fix titles, in both languages (see ../l10n.ts). */
import { createTranslator, registerMessages, type Translate } from '../util/l10n';
import type { RuleContext } from '../rules/rule';

const english = createTranslator('en');

/** The translator of a rule's host (the client's locale), English when the host gives none. */
export function translator(ctx: RuleContext): Translate {
  return ctx.env.t ?? english;
}

const FULL_URL = { en: ' Give it the full http(s) address of the page.', zh: '请填写页面完整的 http(s) 地址。' };

export const S = registerMessages({
  'toc.missingEntry': {
    en: 'The table of contents has no entry for "{heading}". Add one so readers can jump to it.',
    zh: '目录中没有“{heading}”的条目。添加一条，读者才能跳转到它。',
  },
  'toc.fix.addEntry': { en: 'Add "{heading}" to the table of contents', zh: '把“{heading}”加入目录' },
  'toc.fix.addAll': { en: 'Add the {count} missing table-of-contents entries', zh: '补上目录中缺少的 {count} 个条目' },
  'toc.fix.update': { en: 'Update table of contents', zh: '更新目录' },
  'toc.order': {
    en: '"{heading}" comes before "{previous}" in the document but after it in the table of contents. Reorder the entries like the sections.',
    zh: '正文中“{heading}”在“{previous}”之前，目录中却在其后。请按正文顺序排列目录条目。',
  },
  'toc.fix.reorder': { en: 'Reorder the table of contents like the sections', zh: '按正文顺序重排目录' },

  'ref.missing': {
    en: 'No reference entry belongs to "{name}": add its links ({kinds}) to the reference list, with link texts that start with "{name}".',
    zh: '参考链接中没有属于“{name}”的条目：请添加它的链接（{kinds}），链接文字以“{name}”开头。',
  },
  'ref.missingKind': {
    en: 'No {label} link among the references of "{name}" ({kind} is a required kind of reference): add one whose text starts with "{name}".',
    zh: '“{name}”的参考链接中没有{label}（{kind} 是必需的链接种类）：请添加一条以“{name}”开头的链接。',
  },
  'ref.fix.stubs': { en: 'Add reference stubs for "{name}" ({kinds})', zh: '为“{name}”添加参考链接占位（{kinds}）' },
  'ref.fix.stubsAll': { en: 'Add reference stubs for the {count} papers without references', zh: '为 {count} 篇缺少参考链接的论文添加占位' },
  'ref.fix.stubsAllKinds': { en: 'Add the missing reference stubs of {count} papers', zh: '为 {count} 篇论文补上缺少的参考链接占位' },
  'ref.orphan': {
    en: "This reference belongs to no paper: its text does not start with a paper's short name and its URL appears in no paper's section. Start the text with the paper's name, or remove the entry.",
    zh: '这条参考链接不属于任何论文：链接文字不以论文简称开头，网址也没有出现在论文正文中。请以论文名开头，或删除该条目。',
  },
  'ref.fix.rename': { en: 'Name it for "{name}"', zh: '改为以“{name}”开头' },
  'ref.fix.neighbour': { en: 'Name it for "{name}" (the paper of the entries around it)', zh: '改为以“{name}”开头（前后条目所属的论文）' },
  'ref.fix.remove': { en: 'Remove this entry', zh: '删除这条参考链接' },
  'ref.numbering': {
    en: 'Reference {position} is numbered {number}: the list should count 1 to {count} in order.',
    zh: '第 {position} 条参考链接的编号是 {number}：应按顺序从 1 编到 {count}。',
  },
  'ref.fix.renumber': { en: 'Renumber the references', zh: '重新编号参考链接' },
  'ref.duplicate': { en: 'This URL is already reference {first}: remove the duplicate entry.', zh: '这个网址已是第 {first} 条参考链接：请删除重复的条目。' },
  'ref.fix.dropOne': { en: 'Remove this duplicate entry', zh: '删除这条重复的条目' },
  'ref.fix.dropAll': { en: 'Remove the {count} duplicate entries', zh: '删除 {count} 条重复的条目' },
  'ref.badUrl.empty': { en: 'This reference has an empty URL.' + FULL_URL.en, zh: '这条参考链接的网址为空。' + FULL_URL.zh },
  'ref.badUrl.malformed': { en: 'This reference has a malformed URL "{url}".' + FULL_URL.en, zh: '这条参考链接的网址“{url}”格式不对。' + FULL_URL.zh },
  'ref.badUrl.scheme': {
    en: 'This reference links to "{url}", which is not an http(s) URL.' + FULL_URL.en,
    zh: '这条参考链接指向“{url}”，不是 http(s) 网址。' + FULL_URL.zh,
  },
  'ref.badUrl.noLink': { en: 'This reference has no link.' + FULL_URL.en, zh: '这条参考链接没有链接。' + FULL_URL.zh },
  'ref.fix.search': { en: 'Link it to a search for "{query}" until the real URL is known', zh: '暂时链接到“{query}”的搜索结果，待填真实网址' },
  'ref.fix.repair': { en: 'Change the URL to {url}', zh: '把网址改为 {url}' },
  'ref.undefined.link': {
    en: 'The reference {written} has no definition. Add a line "[{label}]: https://…" or fix the label.{hint}',
    zh: '引用 {written} 没有定义。请添加一行“[{label}]: https://…”，或改正标签。{hint}',
  },
  'ref.undefined.footnote': {
    en: 'The footnote {written} has no definition. Add a line "[^{label}]: …" or fix the label.{hint}',
    zh: '脚注 {written} 没有定义。请添加一行“[^{label}]: …”，或改正标签。{hint}',
  },
  'ref.undefined.hint': { en: ' Did you mean {near}?', zh: '是否想写 {near}？' },
  'ref.fix.label': { en: 'Change the label to "{label}"', zh: '把标签改为“{label}”' },
  'ref.fix.escape': { en: 'Keep it as plain text (escape the brackets)', zh: '保留为普通文字（转义方括号）' },

  'paper.missingField': {
    en: '"{heading}" has no {label} field. Add a line "**{label}**{colon} …".',
    zh: '“{heading}”缺少{label}字段。请添加一行“**{label}**{colon}…”。',
  },
  'paper.fix.addField': { en: 'Add a **{label}** line', zh: '添加一行 **{label}**' },
  'tag.duplicate': { en: '#{tag} is already a tag of this paper: remove the second one.', zh: '#{tag} 已是这篇论文的标签：请删除重复的一个。' },
  'tag.fix.removeSecond': { en: 'Remove the second #{tag}', zh: '删除第二个 #{tag}' },
  'tag.near': { en: '#{tag} is not a known tag: did you mean #{known}? {uses}', zh: '#{tag} 不是已知标签：是否想用 #{known}？{uses}' },
  'tag.usedIn': { en: 'used in {count} issues', zh: '已用于 {count} 期' },
  'tag.usedInOne': { en: 'used in 1 issue', zh: '已用于 1 期' },
  'tag.knownOnly': { en: 'a known tag', zh: '已知标签' },
  'tag.alias': { en: '#{alias} is an alias of #{canonical}', zh: '#{alias} 是 #{canonical} 的别名' },
  'tag.fix.replace': { en: 'Change to #{known}', zh: '改为 #{known}' },
  'image.empty': {
    en: 'The image "{alt}" has no path yet: add the figure, or remove the image.',
    zh: '图片“{alt}”还没有路径：请补上图片，或删除这张图片。',
  },
  'image.missing': {
    en: 'The image {url} does not exist (looked for {file}). Fix the path or add the file.',
    zh: '图片 {url} 不存在（查找的是 {file}）。请改正路径或添加该文件。',
  },
  'image.fix.path': { en: 'Change the path to {name}', zh: '把路径改为 {name}' },
});
