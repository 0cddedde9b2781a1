/**
 * `weekly-issues feed DIR`: the archive as RSS 2.0, Atom 1.0 or JSON Feed 1.1, written by the `feed`
 * package (escaping, dates and the three formats' required elements are its job). One item per issue,
 * newest first: its title, its date (front matter, else the file's name, as paper-repeat orders issues),
 * its summary section as the description and its email rendering (inline styles, real links) as content.
 */
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { parseArgs } from 'util';
import { Feed } from 'feed';
import { createLanguageService, defaultConfig, type WeeklyConfig } from '../service';
import type { IssueModel } from '../service/model/types';
import { dateInFileName } from '../service/paperRepeat/paperIdentities';
import { issueUrl, renderForTarget } from '../service/render';
import { findConfigFile, loadConfigFile } from './configFile';
import { describeFsError, readText } from './files';
import { createNodeHost } from '../node/nodeHost';
import { CM, cliTranslator } from './cliMessages';
import { feedHelp } from './usage';

export type FeedFormat = 'rss' | 'atom' | 'json';
const FORMATS: readonly FeedFormat[] = ['rss', 'atom', 'json'];

export interface FeedCommandOptions {
  dir: string;
  out?: string;
  format: FeedFormat;
  baseUrl?: string;
  limit?: number;
  title?: string;
  cwd: string;
}

export interface FeedItemSource {
  file: string;
  title: string;
  date: string;
  summary: string;
  content: string;
  url: string;
}

export function feedCommand(options: FeedCommandOptions): { exitCode: number; stdout: string; stderr: string[] } {
  const dir = path.resolve(options.cwd, options.dir);
  let files: string[];
  try {
    files = (fs.readdirSync(dir, { recursive: true }) as string[])
      .filter((f) => /\.(md|markdown)$/i.test(f) && !f.split(path.sep).includes('node_modules'))
      .map((f) => path.join(dir, f));
  } catch (err) {
    return { exitCode: 2, stdout: '', stderr: [`${options.dir}: ${describeFsError(err)}`] };
  }
  const found = findConfigFile(dir);
  const config: WeeklyConfig = found ? loadConfigFile(found, defaultConfig).config : defaultConfig;
  const baseUrl = options.baseUrl ?? config.publish.baseUrl;
  const service = createLanguageService({ ...createNodeHost(), getConfig: () => config, workspaceRoots: () => [dir] });
  const stderr: string[] = [];
  const items: FeedItemSource[] = [];
  for (const file of files.sort()) {
    const read = readText(file);
    if ('error' in read) {
      stderr.push(`${file}: ${read.error}`);
      continue;
    }
    const doc = { uri: pathToFileURL(file).href, version: 1, getText: () => read.text };
    if (!service.isIssue(doc)) continue;
    const model = service.getModel(doc);
    const date = model.frontMatterDate ?? dateInFileName(file);
    if (!date) {
      stderr.push(cliTranslator()(CM['cli.feed.noDate'], { file: path.relative(options.cwd, file) }));
      continue;
    }
    const url = issueUrl(baseUrl, file) ?? pathToFileURL(file).href;
    const content = renderForTarget(model, 'email', { pageUrl: issueUrl(baseUrl, file), preset: config.presets[model.language] }).fragment;
    items.push({ file, title: model.title?.text ?? path.basename(file), date, summary: summaryOf(model), content, url });
  }
  // Newest first; the same day keeps the files' order, so the output is the same run after run.
  items.sort((a, b) => (a.date === b.date ? a.file.localeCompare(b.file) : a.date < b.date ? 1 : -1));
  const chosen = options.limit !== undefined ? items.slice(0, options.limit) : items;
  const xml = writeFeed(chosen, { format: options.format, title: options.title ?? path.basename(dir), link: baseUrl || pathToFileURL(dir).href + '/' });
  if (!options.out) return { exitCode: 0, stdout: xml, stderr };
  try {
    fs.writeFileSync(path.resolve(options.cwd, options.out), xml);
  } catch (err) {
    return { exitCode: 2, stdout: '', stderr: [...stderr, cliTranslator()(CM['cli.notWritten'], { file: options.out, why: describeFsError(err) })] };
  }
  return { exitCode: 0, stdout: cliTranslator()(CM['cli.wroteIssues'], { file: options.out, format: options.format, count: chosen.length }) + '\n', stderr };
}

/** The summary section's text, as plain text: a feed's description is shown as a teaser. */
function summaryOf(model: IssueModel): string {
  const heading = model.summaryHeading;
  if (!heading) return '';
  const next = model.headings.find((h) => h.start > heading.start && h.level <= heading.level);
  return model.text
    .slice(heading.end, next?.start ?? model.text.length)
    .replace(/^\s*(?:[-*_]\s*){3,}$/gm, '')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

export function writeFeed(items: FeedItemSource[], options: { format: FeedFormat; title: string; link: string }): string {
  const updated = items[0] ? new Date(items[0].date + 'T00:00:00Z') : new Date(0);
  const feed = new Feed({ title: options.title, id: options.link, link: options.link, description: options.title, updated, generator: 'weekly-issues' });
  for (const item of items) {
    const date = new Date(item.date + 'T00:00:00Z');
    feed.addItem({ title: item.title, id: item.url, link: item.url, date, published: date, description: item.summary, content: item.content });
  }
  if (options.format === 'rss') return feed.rss2();
  if (options.format === 'atom') return feed.atom1();
  // feed 6 writes JSON Feed 1 (a single `author`, version 1); what we write fits 1.1 as it is, so only the version moves.
  const json = JSON.parse(feed.json1()) as Record<string, unknown>;
  json.version = 'https://jsonfeed.org/version/1.1';
  return JSON.stringify(json, null, 2) + '\n';
}


export function runFeed(args: string[], cwd: string): number {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      out: { type: 'string', short: 'o' },
      format: { type: 'string', default: 'rss' },
      'base-url': { type: 'string' },
      limit: { type: 'string' },
      title: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const fail = (message: string) => (process.stderr.write(`weekly-issues: ${message}\n`), 2);
  if (values.help) {
    process.stdout.write(`${feedHelp(cliTranslator())}\n`);
    return 0;
  }
  if (positionals.length !== 1) return fail(cliTranslator()(CM['cli.feed.oneFolder']));
  if (!FORMATS.includes(values.format as FeedFormat)) return fail(cliTranslator()(CM['cli.feed.format'], { format: String(values.format) }));
  const limit = values.limit === undefined ? undefined : Number(values.limit);
  if (limit !== undefined && !(Number.isInteger(limit) && limit > 0)) return fail(cliTranslator()(CM['cli.feed.limit'], { limit: String(values.limit) }));
  const baseUrl = values['base-url'];
  if (baseUrl !== undefined && !/^https?:\/\/\S+$/i.test(baseUrl)) return fail(cliTranslator()(CM['cli.feed.baseUrl'], { url: baseUrl }));
  const result = feedCommand({ dir: positionals[0], out: values.out, format: values.format as FeedFormat, baseUrl, limit, title: values.title, cwd });
  process.stdout.write(result.stdout);
  for (const line of result.stderr) process.stderr.write(`weekly-issues: ${line}\n`);
  return result.exitCode;
}
