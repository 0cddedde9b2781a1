/**
 * What the CLI itself says (usage errors, I/O problems, summaries), in English and Chinese: the terminal's
 * language, as the node host reads it (LC_ALL, LC_MESSAGES, LANG). The diagnostics it prints come from
 * the service's own catalog; its help is in usage.ts.
 */
import { createTranslator, registerMessages, type Translate } from '../service';
import { terminalLocale } from '../node/nodeHost';

export const CM = registerMessages({
  'cli.unknownCommand': { en: 'unknown command "{command}"; try "weekly-issues --help"', zh: '未知命令“{command}”；请试试 "weekly-issues --help"' },
  'cli.formatOneOf': { en: '--format must be one of {choices}, not "{format}"', zh: '--format 必须是 {choices} 之一，而不是“{format}”' },
  'cli.slugOneOf': { en: '--slug must be one of {choices}, not "{slug}"', zh: '--slug 必须是 {choices} 之一，而不是“{slug}”' },
  'cli.maxWarnings': { en: '--max-warnings takes a whole number, 0 or more', zh: '--max-warnings 需要 0 或更大的整数' },
  'cli.needsPaths': { en: '{command} needs at least one file, folder or glob', zh: '{command} 至少需要一个文件、文件夹或 glob' },
  'cli.timeout': { en: '--timeout takes a number of seconds from 0 to 300', zh: '--timeout 需要 0 到 300 之间的秒数' },
  'cli.linksSummary': { en: '{urls} links, {fromCache} from the cache', zh: '{urls} 个链接，{fromCache} 个来自缓存' },
  'cli.noMatch': { en: '{pattern}: no file matches this pattern', zh: '{pattern}：没有文件匹配此模式' },
  'cli.fs.missing': { en: 'no such file or folder', zh: '没有这个文件或文件夹' },
  'cli.fs.denied': { en: 'permission denied', zh: '权限不足' },
  'cli.fs.loop': { en: 'too many levels of symbolic links (a symlink loop)', zh: '符号链接层数过多（符号链接循环）' },
  'cli.fs.folder': { en: 'is a folder, not a file', zh: '是文件夹，不是文件' },
  'cli.fs.binary': { en: 'looks like a binary file (it contains NUL bytes); not checked', zh: '看起来是二进制文件（含有 NUL 字节）；未检查' },
  'cli.fs.notUtf8': { en: 'is not valid UTF-8; save it as UTF-8 to check it', zh: '不是有效的 UTF-8；请存为 UTF-8 后再检查' },
  'cli.fixesNotWritten': { en: '{file}: could not write the fixes: {why}', zh: '{file}：无法写入修复：{why}' },
  'cli.tooManyWarnings': { en: '{count} warnings, more than --max-warnings {max}', zh: '{count} 条警告，多于 --max-warnings {max}' },
  'cli.cacheNotWritten': { en: '{file}: could not write the cache ({why})', zh: '{file}：无法写入缓存（{why}）' },
  'cli.notWritten': { en: '{file}: could not write it: {why}', zh: '{file}：无法写入：{why}' },
  'cli.pageNotWritten': { en: '{file}: could not write the page: {why}', zh: '{file}：无法写入页面：{why}' },
  'cli.feed.oneFolder': { en: 'feed takes exactly one folder; try "weekly-issues feed --help"', zh: 'feed 只接受一个文件夹；请试试 "weekly-issues feed --help"' },
  'cli.feed.format': { en: '--format must be rss, atom or json, not "{format}"', zh: '--format 必须是 rss、atom 或 json，而不是“{format}”' },
  'cli.feed.limit': { en: '--limit must be a positive whole number, not "{limit}"', zh: '--limit 必须是正整数，而不是“{limit}”' },
  'cli.feed.baseUrl': { en: '--base-url must be an http(s) URL, not "{url}"', zh: '--base-url 必须是 http(s) 网址，而不是“{url}”' },
  'cli.feed.noDate': {
    en: '{file}: left out: no date (front matter "date:" or YYYY-MM-DD in the file name)',
    zh: '{file}：已略过：没有日期（front matter 中的 "date:"，或文件名中的 YYYY-MM-DD）',
  },
  'cli.render.oneFile': { en: 'render takes exactly one Markdown file; try "weekly-issues render --help"', zh: 'render 只接受一个 Markdown 文件；请试试 "weekly-issues render --help"' },
  'cli.render.target': { en: '--target must be page, wechat or email, not "{target}"', zh: '--target 必须是 page、wechat 或 email，而不是“{target}”' },
  'cli.render.textEmail': { en: '--text is for --target email', zh: '--text 只用于 --target email' },
  'cli.render.wrote': { en: 'Wrote {file}', zh: '已写入 {file}' },
  'cli.render.summary': { en: ' ({target}, {notes} notes, {images} images left out)', zh: '（{target}，{notes} 条注释，略去 {images} 张图片）' },
  'cli.newEntry.oneFile': { en: '{command} takes exactly one FILE', zh: '{command} 只接受一个 FILE' },
  'cli.newEntry.nameOrFrom': { en: 'new-entry needs --name or --from', zh: 'new-entry 需要 --name 或 --from' },
  'cli.newEntry.oneFrom': { en: '--name, --title and --summary go with one --from, not several', zh: '--name、--title 和 --summary 只能与一个 --from 一起使用，不能与多个' },
  'cli.newEntry.written': { en: '{file}: written', zh: '{file}：已写入' },
  'cli.tryHelp': { en: '{message}; try "weekly-issues --help"', zh: '{message}；请试试 "weekly-issues --help"' },
  'cli.newEntry.lookupsOff': { en: '{file}: lookups are off (services.enabled is false in {config})', zh: '{file}：查找已关闭（{config} 中 services.enabled 为 false）' },
  'cli.newIssue.language': { en: '--language must be zh or en', zh: '--language 必须是 zh 或 en' },
  'cli.newIssue.exists': { en: '{file}: the file exists; new-issue writes new files only (use new-entry to add papers)', zh: '{file}：文件已存在；new-issue 只写新文件（添加论文请用 new-entry）' },
  'cli.wroteIssues': { en: 'Wrote {file} ({format}, {count} issues)', zh: '已写入 {file}（{format}，{count} 期）' },
  'cli.wrotePage': { en: 'Wrote {file} ({errors}, {warnings})', zh: '已写入 {file}（{errors}，{warnings}）' },
  'cli.errors.one': { en: '{count} error', zh: '{count} 个错误' },
  'cli.errors.many': { en: '{count} errors', zh: '{count} 个错误' },
  'cli.warnings.one': { en: '{count} warning', zh: '{count} 条警告' },
  'cli.warnings.many': { en: '{count} warnings', zh: '{count} 条警告' },
  'cli.fromLinks.nothing': { en: 'nothing found', zh: '什么也没找到' },
  'cli.stats.format': { en: '--format must be json, csv or svg, not "{format}"', zh: '--format 必须是 json、csv 或 svg，而不是“{format}”' },
  'cli.stats.by': { en: '--by must be month or issue, not "{by}"', zh: '--by 必须是 month 或 issue，而不是“{by}”' },
  'cli.stats.top': { en: '--top takes a whole number from 1 to 100', zh: '--top 需要 1 到 100 之间的整数' },
  'cli.stats.oneFolder': { en: 'stats needs one folder', zh: 'stats 需要一个文件夹' },
});

/** The CLI's messages in the terminal's language (`env`: where the locale is read; tests pass their own). */
export function cliTranslator(env: NodeJS.ProcessEnv = process.env): Translate {
  return createTranslator(terminalLocale(env));
}
