/** The `weekly-issues` command line: the same language service as the editor, for CI. */
import { parseArgs } from 'util';
import { slugStyles, findSlugStyle } from '../service';
import { lint } from './lint';
import { RENDER_USAGE, runRender } from './render';
import { FEED_USAGE, runFeed } from './feed';
import { NEW_ENTRY_USAGE, newEntryCommand, newIssueCommand } from './newEntry';
import { checkLinksCommand } from './links';
import { OUTPUT_FORMATS, type OutputFormat } from './format';
import { packageVersion } from './version';
import { DEFAULT_CACHE_FILE } from './lintCache';
import { STATS_USAGE, parseStatsArgs, statsCommand } from './stats';
import { createNodeHost } from '../node/nodeHost';

const USAGE = `Usage: weekly-issues <command> [options]

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
  --slug STYLE                heading id style: ${slugStyles.map((s) => s.id).join(', ')} (default: github)
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
  exit 1 when a link is dead (404/410, unknown host, refused, a redirect loop)

${RENDER_USAGE}

${FEED_USAGE}

${NEW_ENTRY_USAGE}

${STATS_USAGE}

Exit codes: 0 no errors, 1 errors (or too many warnings), 2 a usage or I/O error.`;

class UsageError extends Error {}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '-h' || command === '--help' || command === 'help') {
    process.stdout.write(USAGE + '\n');
    return command ? 0 : 2;
  }
  if (command === '--version' || command === '-v') {
    process.stdout.write(`weekly-issues ${packageVersion()}\n`);
    return 0;
  }
  try {
    switch (command) {
      case 'lint':
        return runLint(rest);
      case 'render':
        return runRender(rest, process.cwd());
      case 'feed':
        return runFeed(rest, process.cwd());
      case 'links':
        return await runLinks(rest);
      case 'stats': {
        const options = parseStatsArgs(rest, process.cwd());
        if (typeof options === 'string') throw new UsageError(options);
        const result = statsCommand({ ...options, locale: createNodeHost().locale?.() });
        process.stdout.write(result.stdout);
        for (const line of result.stderr) process.stderr.write(`weekly-issues: ${line}\n`);
        return result.exitCode;
      }
      case 'new-entry':
      case 'new-issue': {
        const result = await (command === 'new-entry' ? newEntryCommand : newIssueCommand)(rest, process.cwd());
        process.stdout.write(result.stdout);
        for (const line of result.stderr) process.stderr.write(`weekly-issues: ${line}\n`);
        return result.exitCode;
      }
      default:
        throw new UsageError(`unknown command "${command}"; try "weekly-issues --help"`);
    }
  } catch (err) {
    if (err instanceof UsageError || (err as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS')) {
      // One line: node's parseArgs messages can span several.
      process.stderr.write(`weekly-issues: ${(err as Error).message.replace(/\s*\n\s*/g, ' ').trim()}\n`);
      return 2;
    }
    throw err;
  }
}

async function runLinks(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      format: { type: 'string', default: 'text' },
      all: { type: 'boolean', default: false },
      timeout: { type: 'string', default: '10' },
      'no-cache': { type: 'boolean', default: false },
      fix: { type: 'boolean', default: false },
    },
  });
  const format = values.format as OutputFormat;
  if (!['text', 'json', 'github'].includes(format)) throw new UsageError(`--format must be text, json or github, not "${format}"`);
  const timeout = Number(values.timeout);
  if (!(timeout > 0 && timeout <= 300)) throw new UsageError('--timeout takes a number of seconds from 0 to 300');
  if (positionals.length === 0) throw new UsageError('links needs at least one file, folder or glob');
  const result = await checkLinksCommand({ paths: positionals, format, all: values.all!, timeoutSeconds: timeout, noCache: values['no-cache']!, fix: values.fix!, cwd: process.cwd() });
  process.stdout.write(result.stdout);
  for (const line of result.stderr) process.stderr.write(`weekly-issues: ${line}\n`);
  if (format === 'text') process.stderr.write(`weekly-issues: ${result.counts.urls} links, ${result.counts.fromCache} from the cache\n`);
  return result.exitCode;
}

function runLint(args: string[]): number {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      format: { type: 'string', default: 'text' },
      root: { type: 'string' },
      slug: { type: 'string' },
      'max-warnings': { type: 'string' },
      config: { type: 'string' },
      quiet: { type: 'boolean', default: false },
      color: { type: 'boolean' },
      'no-color': { type: 'boolean', default: false },
      cache: { type: 'boolean', default: false },
      'cache-location': { type: 'string' },
      fix: { type: 'boolean', default: false },
      archive: { type: 'string', multiple: true },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(USAGE + '\n');
    return 0;
  }
  const format = values.format as OutputFormat;
  if (!OUTPUT_FORMATS.includes(format)) throw new UsageError(`--format must be one of ${OUTPUT_FORMATS.join(', ')}, not "${format}"`);
  if (values.slug && !findSlugStyle(values.slug)) {
    throw new UsageError(`--slug must be one of ${slugStyles.map((s) => s.id).join(', ')}, not "${values.slug}"`);
  }
  let maxWarnings: number | undefined;
  if (values['max-warnings'] !== undefined) {
    maxWarnings = Number(values['max-warnings']);
    if (!Number.isInteger(maxWarnings) || maxWarnings < 0) throw new UsageError('--max-warnings takes a whole number, 0 or more');
  }
  if (positionals.every((p) => p.startsWith('!'))) throw new UsageError('lint needs at least one file, folder or glob');
  const result = lint({
    paths: positionals,
    format,
    root: values.root ?? '.',
    rootGiven: values.root !== undefined,
    slug: values.slug,
    configFile: values.config,
    quiet: values.quiet,
    color: useColor(values.color, values['no-color']!),
    cacheFile: values.cache || values['cache-location'] !== undefined ? (values['cache-location'] ?? DEFAULT_CACHE_FILE) : undefined,
    maxWarnings,
    fix: values.fix!,
    archive: values.archive,
    cwd: process.cwd(),
  });
  process.stdout.write(result.stdout);
  for (const line of result.stderr) process.stderr.write(`weekly-issues: ${line}\n`);
  return result.exitCode;
}

/** --color / --no-color, else a terminal without NO_COLOR (https://no-color.org: any non-empty value). */
function useColor(color: boolean | undefined, noColor: boolean): boolean {
  if (noColor) return false;
  if (color !== undefined) return color;
  return !!process.stdout.isTTY && !process.env.NO_COLOR;
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (err) => {
    process.stderr.write(`weekly-issues: internal error: ${(err as Error).stack ?? err}\n`);
    process.exitCode = 2;
  },
);
