import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { parseArgs } from 'util';
import { createLanguageService, defaultConfig, findSlugStyle, slugStyles, type WeeklyConfig } from '../service';
import { buildPage, createNonce, pageImageSrc, renderDocument } from '../service/render';
import { findConfigFile, loadConfigFile } from './configFile';
import { describeFsError, readText } from './files';
import { createNodeHost } from '../node/nodeHost';

export interface RenderCommandOptions {
  file: string;
  /** Where to write the page; stdout when absent. */
  out?: string;
  /** Where site-absolute paths (`/assets/…`) resolve. */
  root: string;
  slug?: string;
  /** Include the problem header and broken-anchor marks (as the preview shows them). */
  problems: boolean;
  cwd: string;
}

export interface RenderCommandResult {
  exitCode: number;
  stdout: string;
  stderr: string[];
}

/** `weekly-issues render`: the preview's renderer, written as one standalone HTML file. */
export function renderCommand(options: RenderCommandOptions): RenderCommandResult {
  const file = path.resolve(options.cwd, options.file);
  const read = readText(file);
  if ('error' in read) return { exitCode: 2, stdout: '', stderr: [`${options.file}: ${read.error}`] };
  const stderr: string[] = [];
  const found = findConfigFile(path.dirname(file));
  const loaded = found ? loadConfigFile(found, defaultConfig) : { config: defaultConfig, errors: [] };
  stderr.push(...loaded.errors);
  const siteRoot = path.resolve(options.cwd, options.root);
  const config: WeeklyConfig = { ...loaded.config, siteRoot };
  if (options.slug) config.slugStyle = options.slug;

  const service = createLanguageService({ ...createNodeHost(), getConfig: () => config, workspaceRoots: () => [siteRoot] });
  const out = options.out === undefined ? undefined : path.resolve(options.cwd, options.out);
  // Local images are written relative to where the page will sit, so the file works where it is saved.
  const pageDir = out ? path.dirname(out) : path.dirname(file);
  const imageSrc = (src: string) => pageImageSrc(src, { documentPath: file, siteRoot, pageDir });
  const text = read.text;
  const doc = { uri: pathToFileURL(file).href, version: 1, getText: () => text };
  const rendered = renderDocument(service, doc, {
    config,
    showProblems: options.problems,
    imageSrc,
  });
  const html = buildPage({
    title: rendered.title || path.basename(file),
    lang: rendered.lang,
    bodyHtml: rendered.html,
    nonce: createNonce(),
  });
  const { errors, warnings } = rendered.counts;
  const summary = `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`;
  if (!out) return { exitCode: 0, stdout: html, stderr };
  try {
    fs.writeFileSync(out, html);
  } catch (err) {
    return { exitCode: 2, stdout: '', stderr: [...stderr, `${options.out}: could not write the page: ${describeFsError(err)}`] };
  }
  return { exitCode: 0, stdout: `Wrote ${options.out} (${summary})\n`, stderr };
}

export const RENDER_USAGE = `render options:
  -o, --out FILE              write the page to FILE (default: standard output)
  --root DIR                  where site-absolute paths (/assets/...) resolve (default: .)
  --slug STYLE                heading id style (default: github)
  --no-problems               leave out the problem header and broken-anchor marks`;

/** Parses `render`'s arguments, runs it and writes its output; returns the exit code. */
export function runRender(args: string[], cwd: string): number {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      out: { type: 'string', short: 'o' },
      root: { type: 'string', default: '.' },
      slug: { type: 'string' },
      'no-problems': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const fail = (message: string) => (process.stderr.write(`weekly-issues: ${message}\n`), 2);
  if (values.help) {
    process.stdout.write(`Usage: weekly-issues render FILE [-o out.html]\n\n${RENDER_USAGE}\n`);
    return 0;
  }
  if (positionals.length !== 1) return fail('render takes exactly one Markdown file; try "weekly-issues render --help"');
  if (values.slug && !findSlugStyle(values.slug)) {
    return fail(`--slug must be one of ${slugStyles.map((s) => s.id).join(', ')}, not "${values.slug}"`);
  }
  const result = renderCommand({
    file: positionals[0],
    out: values.out,
    root: values.root!,
    slug: values.slug,
    problems: !values['no-problems'],
    cwd,
  });
  process.stdout.write(result.stdout);
  for (const line of result.stderr) process.stderr.write(`weekly-issues: ${line}\n`);
  return result.exitCode;
}
