/**
 * The CLI's help, in English and Chinese (the terminal's language, cliMessages.ts): the commands and
 * each command's options. `{styles}` and `{top}` are filled in; `{name}` in the feed's help is literal.
 */
import { DEFAULT_TOP_TAGS, registerMessages, slugStyles, type Translate } from '../service';

const U = registerMessages({
  'cli.usage.commands': {
    en: `Usage: weekly-issues <command> [options]

Commands:
  lint [options] <files|folders|globs>   check weekly issues and Markdown anchors (!glob leaves out; .gitignore is respected)
  render [options] FILE                  write FILE as a standalone HTML page (the preview's renderer)
  feed [options] DIR                     the folder's issues as an RSS, Atom or JSON feed, newest first
  new-entry FILE --name NAME [options]   add a paper: its section, TOC entry and references, renumbered
  new-entry FILE --from URL [--from URL]...   the same, looked up from links (arXiv, Hugging Face, GitHub, project pages)
  new-issue FILE --from URL...           a new issue from the template, one section per link
  links [options] <files|folders|globs>  check the web links of the reference lists (sends requests)
  stats [options] DIR                    the archive's issues, papers and tags, and the tag trends (json, csv, svg)

lint options:
  --format FORMAT             text, json, github (workflow annotations), sarif (2.1.0) or junit (default: text)
  --root DIR                  where site-absolute paths (/assets/...) resolve (default: .)
  --slug STYLE                heading id style: {styles} (default: github)
  --config FILE               use FILE for every checked file, not the nearest .weekly-issues.json
  --max-warnings N            fail when there are more than N warnings
  --quiet                     report errors only (warnings still count for --max-warnings)
  --color, --no-color         colour the text output or not (default: on a terminal, unless NO_COLOR is set)
  --cache                     keep the results of unchanged files in .weekly-issues-cache
  --cache-location FILE       the cache's file (implies --cache)
  --fix                       apply every safe fix, then report what is left
  --archive DIR               earlier issues paper-repeat compares with (repeatable; the run's files count too)
  -h, --help                  show this help

links options:
  --format text|json|github   output format (default: text)
  --all                       every web link, not only the reference lists'
  --timeout SECONDS           per request (default: 10)
  --no-cache                  neither read nor write the link cache (WEEKLY_ISSUES_CACHE_DIR, else ~/.cache/weekly-issues)
  --fix                       replace links that moved permanently by their new address
  exit 1 when a link is dead (404/410, unknown host, refused, a redirect loop)`,
    zh: `用法：weekly-issues <命令> [选项]

命令：
  lint [选项] <文件|文件夹|glob>          检查周报和 Markdown 锚点（!glob 排除；遵循 .gitignore）
  render [选项] FILE                     把 FILE 写成独立的 HTML 页面（预览所用的渲染器）
  feed [选项] DIR                        把文件夹中的各期生成 RSS、Atom 或 JSON 订阅源，最新的在前
  new-entry FILE --name NAME [选项]      添加一篇论文：其章节、目录条目和参考链接，并重新编号
  new-entry FILE --from URL [--from URL]...   同上，从链接查找（arXiv、Hugging Face、GitHub、项目主页）
  new-issue FILE --from URL...           从模板新建一期，每个链接一个章节
  links [选项] <文件|文件夹|glob>         检查参考链接列表中的网页链接（会发送请求）
  stats [选项] DIR                       归档中的期数、论文和标签，以及标签趋势（json、csv、svg）

lint 选项：
  --format FORMAT             text、json、github（工作流注释）、sarif（2.1.0）或 junit（默认：text）
  --root DIR                  站点绝对路径（/assets/...）的解析位置（默认：.）
  --slug STYLE                标题 id 风格：{styles}（默认：github）
  --config FILE               对每个被检查的文件使用 FILE，而不是最近的 .weekly-issues.json
  --max-warnings N            警告多于 N 条时失败
  --quiet                     只报告错误（警告仍计入 --max-warnings）
  --color, --no-color         文本输出是否着色（默认：在终端中着色，除非设置了 NO_COLOR）
  --cache                     在 .weekly-issues-cache 中保留未改动文件的结果
  --cache-location FILE       缓存文件（隐含 --cache）
  --fix                       应用所有安全的修复，再报告剩下的问题
  --archive DIR               paper-repeat 比较的往期（可重复；本次运行的文件也算在内）
  -h, --help                  显示此帮助

links 选项：
  --format text|json|github   输出格式（默认：text）
  --all                       检查所有网页链接，而不只是参考链接列表中的
  --timeout SECONDS           每个请求的时限（默认：10）
  --no-cache                  不读也不写链接缓存（WEEKLY_ISSUES_CACHE_DIR，否则 ~/.cache/weekly-issues）
  --fix                       把永久迁移的链接替换为新地址
  有失效链接（404/410、未知主机、连接被拒、重定向循环）时退出码为 1`,
  },
  'cli.usage.render': {
    en: `render options:
  -o, --out FILE              write the page to FILE (default: standard output)
  --target page|wechat|email  page: the preview's page (default); wechat: inline styles, notes for links, no anchors;
                              email: inline styles, a 640 px column, links kept (TOC to weekly.publish.baseUrl)
  --text FILE                 email: write the plain-text part to FILE
  --strict                    exit 1 when something would reach readers broken: an image they cannot load,
                              a broken anchor, emphasis shown as literal markers
  --root DIR                  where site-absolute paths (/assets/...) resolve (default: .)
  --slug STYLE                heading id style (default: github)
  --no-problems               leave out the problem header and broken-anchor marks`,
    zh: `render 选项：
  -o, --out FILE              把页面写入 FILE（默认：标准输出）
  --target page|wechat|email  page：预览的页面（默认）；wechat：内联样式，链接改为注释，无锚点；
                              email：内联样式，640 px 宽的版面，保留链接（目录指向 weekly.publish.baseUrl）
  --text FILE                 email：把纯文本部分写入 FILE
  --strict                    有内容会以损坏的样子到达读者时退出码为 1：无法加载的图片、
                              失效的锚点、显示为字面标记的强调
  --root DIR                  站点绝对路径（/assets/...）的解析位置（默认：.）
  --slug STYLE                标题 id 风格（默认：github）
  --no-problems               不输出问题标题栏和失效锚点标记`,
  },
  'cli.usage.feed': {
    en: `feed options:
  -o, --out FILE              write the feed to FILE (default: standard output)
  --format rss|atom|json      RSS 2.0, Atom 1.0 or JSON Feed 1.1 (default: rss)
  --base-url URL              where the issues are on the site (default: weekly.publish.baseUrl; {name} = file name)
  --limit N                   the newest N issues only
  --title TEXT                the feed's title (default: the folder's name)`,
    zh: `feed 选项：
  -o, --out FILE              把订阅源写入 FILE（默认：标准输出）
  --format rss|atom|json      RSS 2.0、Atom 1.0 或 JSON Feed 1.1（默认：rss）
  --base-url URL              各期在网站上的位置（默认：weekly.publish.baseUrl；{name} = 文件名）
  --limit N                   只要最新的 N 期
  --title TEXT                订阅源的标题（默认：文件夹名）`,
  },
  'cli.usage.newEntry': {
    en: `new-entry options (weekly-issues new-entry FILE (--name NAME | --from URL...) [options]):
  --from URL                  look the paper up from a link (repeatable: one section each, in order): an arXiv
                              link or id, a Hugging Face paper page, a GitHub repository or a project page
  --name NAME                 the paper's short name (required without --from; overrides the lookup's)
  --title TEXT                its one-line title (the heading is "NAME：TEXT", or "NAME: TEXT" in English issues)
  --summary TEXT              its summary
  --tag TAG                   a tag (repeatable; with or without "#")
  --link URL                  a link (repeatable): arXiv and other paper sites go to the paper link,
                              github.com repositories to GitHub, anything else to the project page
  --offline                   lookups from the cache only (WEEKLY_ISSUES_CACHE_DIR, else ~/.cache/weekly-issues)
  --dry-run                   print the resulting file instead of writing it

new-issue options (weekly-issues new-issue FILE --from URL... [--title TEXT] [--language zh|en] [--offline] [--dry-run]):
  a new issue from the template, with one section per link`,
    zh: `new-entry 选项（weekly-issues new-entry FILE (--name NAME | --from URL...) [选项]）：
  --from URL                  从链接查找论文（可重复：每个一个章节，按顺序）：arXiv 链接或编号、
                              Hugging Face 论文页、GitHub 仓库或项目主页
  --name NAME                 论文的简称（没有 --from 时必填；覆盖查找到的名称）
  --title TEXT                一行标题（标题为“NAME：TEXT”，英文周报中为“NAME: TEXT”）
  --summary TEXT              概要
  --tag TAG                   一个标签（可重复；带不带“#”均可）
  --link URL                  一个链接（可重复）：arXiv 等论文网站归入论文链接，
                              github.com 仓库归入 GitHub，其他归入项目主页
  --offline                   只从缓存查找（WEEKLY_ISSUES_CACHE_DIR，否则 ~/.cache/weekly-issues）
  --dry-run                   打印结果文件而不写入

new-issue 选项（weekly-issues new-issue FILE --from URL... [--title TEXT] [--language zh|en] [--offline] [--dry-run]）：
  从模板新建一期，每个链接一个章节`,
  },
  'cli.usage.stats': {
    en: `stats options (weekly-issues stats DIR):
  --format json|csv|svg       the numbers as JSON (default), the top tags per group as CSV, or the chart as SVG
  -o, --out FILE              write to FILE instead of the standard output
  --top N                     how many tags the trends show (default: {top})
  --by month|issue            group the trends by month (default) or by issue`,
    zh: `stats 选项（weekly-issues stats DIR）：
  --format json|csv|svg       数字输出为 JSON（默认）、每组的热门标签输出为 CSV，或图表输出为 SVG
  -o, --out FILE              写入 FILE 而不是标准输出
  --top N                     趋势显示多少个标签（默认：{top}）
  --by month|issue            按月（默认）或按期对趋势分组`,
  },
  'cli.usage.exitCodes': {
    en: 'Exit codes: 0 no errors, 1 errors (or too many warnings), 2 a usage or I/O error.',
    zh: '退出码：0 没有错误，1 有错误（或警告过多），2 用法或读写错误。',
  },
  'cli.usage.render.head': { en: 'Usage: weekly-issues render FILE [-o out.html]', zh: '用法：weekly-issues render FILE [-o out.html]' },
  'cli.usage.feed.head': { en: 'Usage: weekly-issues feed DIR [-o feed.xml]', zh: '用法：weekly-issues feed DIR [-o feed.xml]' },
});

export const renderUsage = (t: Translate): string => t(U['cli.usage.render']);
export const feedUsage = (t: Translate): string => t(U['cli.usage.feed']);
export const renderHelp = (t: Translate): string => `${t(U['cli.usage.render.head'])}\n\n${renderUsage(t)}`;
export const feedHelp = (t: Translate): string => `${t(U['cli.usage.feed.head'])}\n\n${feedUsage(t)}`;

/** `weekly-issues --help`: the commands, then each command's options, then the exit codes. */
export function usage(t: Translate): string {
  return [
    t(U['cli.usage.commands'], { styles: slugStyles.map((s) => s.id).join(', ') }),
    renderUsage(t),
    feedUsage(t),
    t(U['cli.usage.newEntry']),
    t(U['cli.usage.stats'], { top: DEFAULT_TOP_TAGS }),
    t(U['cli.usage.exitCodes']),
  ].join('\n\n');
}
