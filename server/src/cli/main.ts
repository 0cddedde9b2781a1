/** The `weekly-issues` command line: the same language service as the editor, for CI. */
import { parseArgs } from 'util';
import { slugStyles, findSlugStyle } from '../service';
import { lint } from './lint';
import { runRender } from './render';
import { runFeed } from './feed';
import { newEntryCommand, newIssueCommand } from './newEntry';
import { checkLinksCommand } from './links';
import { OUTPUT_FORMATS, type OutputFormat } from './format';
import { packageVersion } from './version';
import { DEFAULT_CACHE_FILE } from './lintCache';
import { parseStatsArgs, statsCommand } from './stats';
import { CM, cliTranslator } from './cliMessages';
import { usage } from './usage';
import { createNodeHost } from '../node/nodeHost';

const t = cliTranslator();
const USAGE = usage(t);

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
        throw new UsageError(t(CM['cli.unknownCommand'], { command }));
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
  if (!['text', 'json', 'github'].includes(format)) throw new UsageError(t(CM['cli.formatOneOf'], { choices: 'text, json, github', format }));
  const timeout = Number(values.timeout);
  if (!(timeout > 0 && timeout <= 300)) throw new UsageError(t(CM['cli.timeout']));
  if (positionals.length === 0) throw new UsageError(t(CM['cli.needsPaths'], { command: 'links' }));
  const result = await checkLinksCommand({ paths: positionals, format, all: values.all!, timeoutSeconds: timeout, noCache: values['no-cache']!, fix: values.fix!, cwd: process.cwd() });
  process.stdout.write(result.stdout);
  for (const line of result.stderr) process.stderr.write(`weekly-issues: ${line}\n`);
  if (format === 'text') process.stderr.write(`weekly-issues: ${t(CM['cli.linksSummary'], { urls: result.counts.urls, fromCache: result.counts.fromCache })}\n`);
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
  if (!OUTPUT_FORMATS.includes(format)) throw new UsageError(t(CM['cli.formatOneOf'], { choices: OUTPUT_FORMATS.join(', '), format }));
  if (values.slug && !findSlugStyle(values.slug)) {
    throw new UsageError(t(CM['cli.slugOneOf'], { choices: slugStyles.map((s) => s.id).join(', '), slug: values.slug }));
  }
  let maxWarnings: number | undefined;
  if (values['max-warnings'] !== undefined) {
    maxWarnings = Number(values['max-warnings']);
    if (!Number.isInteger(maxWarnings) || maxWarnings < 0) throw new UsageError(t(CM['cli.maxWarnings']));
  }
  if (positionals.every((p) => p.startsWith('!'))) throw new UsageError(t(CM['cli.needsPaths'], { command: 'lint' }));
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
