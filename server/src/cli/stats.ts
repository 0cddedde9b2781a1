/**
 * `weekly-issues stats DIR`: the archive's numbers, as the editor's archive views and Tag Trends panel show
 * them (service/archive/): issues, papers, tags by use, and the top tags per month or issue as JSON, CSV or
 * the same SVG chart. Files are read into the same index entries the editor's workspace index makes.
 */
import * as fs from 'fs';
import * as path from 'path';
import { fileURLToPath } from 'url';
import { parseArgs } from 'util';
import { defaultConfig, type WeeklyConfig } from '../service';
import { ArchiveIndex } from '../service/archive/archiveIndex';
import { tagTrends, DEFAULT_TOP_TAGS } from '../service/archive/tagTrends';
import { trendChartSvg } from '../service/archive/trendChart';
import { chartTexts } from '../service/archive/archiveMessages';
import type { ArchiveData, TagTrends, TrendGrouping } from '../service/archive/archiveTypes';
import { createTranslator } from '../service/util/l10n';
import { findConfigFile, loadConfigFile } from './configFile';
import { collectFiles, describeFsError } from './files';
import { readEntries } from './runCatalog';
import { CM, cliTranslator } from './cliMessages';


export type StatsFormat = 'json' | 'csv' | 'svg';

export interface StatsOptions {
  dir: string;
  format: StatsFormat;
  out?: string;
  top: number;
  by: TrendGrouping;
  cwd: string;
  locale?: string;
}

export interface CommandResult {
  exitCode: number;
  stdout: string;
  stderr: string[];
}

/** Parses the arguments; a usage problem comes back as a string. */
export function parseStatsArgs(args: string[], cwd: string): StatsOptions | string {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      format: { type: 'string', default: 'json' },
      out: { type: 'string', short: 'o' },
      top: { type: 'string', default: String(DEFAULT_TOP_TAGS) },
      by: { type: 'string', default: 'month' },
    },
  });
  const format = values.format as StatsFormat;
  if (!['json', 'csv', 'svg'].includes(format)) return cliTranslator()(CM['cli.stats.format'], { format });
  const by = values.by as TrendGrouping;
  if (by !== 'month' && by !== 'issue') return cliTranslator()(CM['cli.stats.by'], { by });
  const top = Number(values.top);
  if (!Number.isInteger(top) || top < 1 || top > 100) return cliTranslator()(CM['cli.stats.top']);
  if (positionals.length !== 1) return cliTranslator()(CM['cli.stats.oneFolder']);
  return { dir: positionals[0], format, out: values.out, top, by, cwd };
}

export function statsCommand(options: StatsOptions): CommandResult {
  const dir = path.resolve(options.cwd, options.dir);
  const listed = collectFiles([dir], options.cwd);
  if (listed.errors.length > 0) return { exitCode: 2, stdout: '', stderr: listed.errors };
  const found = findConfigFile(dir);
  const config: WeeklyConfig = found ? loadConfigFile(found, defaultConfig).config : defaultConfig;
  const entries = readEntries(listed.files, () => config);
  const data = new ArchiveIndex(() => entries).data();
  const texts = chartTexts(createTranslator(options.locale));
  const trends = tagTrends(data, { top: options.top, by: options.by, undatedLabel: texts.undatedLabel });
  const output =
    options.format === 'svg' ? trendChartSvg(trends, { barTitle: texts.barTitle, title: texts.title }) + '\n' : options.format === 'csv' ? toCsv(trends) : JSON.stringify(toJson(data, trends, (uri) => path.relative(options.cwd, fileURLToPath(uri)).split(path.sep).join('/')), null, 2) + '\n';
  if (!options.out) return { exitCode: 0, stdout: output, stderr: [] };
  const out = path.resolve(options.cwd, options.out);
  try {
    fs.writeFileSync(out, output);
  } catch (err) {
    return { exitCode: 2, stdout: '', stderr: [`${options.out}: ${describeFsError(err)}`] };
  }
  return { exitCode: 0, stdout: cliTranslator()(CM['cli.wroteIssues'], { file: options.out, format: options.format, count: data.issues.length }) + '\n', stderr: [] };
}

/** The views' numbers: each issue's papers, each tag's papers and issues, and the trends. */
export function toJson(data: ArchiveData, trends: TagTrends, fileOf: (uri: string) => string = (uri) => uri) {
  return {
    issues: data.issues.map((i) => ({ file: fileOf(i.uri), title: i.title, date: i.date ?? null, papers: i.papers.length })),
    papers: data.papers.length,
    tags: data.tags.map((t) => ({ tag: t.name, papers: t.count, issues: t.issues })),
    trends: { by: trends.by, groups: trends.groups.map((g) => g.label), series: trends.series.map((s) => ({ tag: s.tag, total: s.total, counts: s.counts })) },
  };
}

/** One row per top tag: its total, then its papers per group (RFC 4180 quoting). */
export function toCsv(trends: TagTrends): string {
  const cell = (v: string | number) => (/[",\r\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v));
  const rows = [['tag', 'total', ...trends.groups.map((g) => g.label)], ...trends.series.map((s) => [s.tag, s.total, ...s.counts])];
  return rows.map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}
