/**
 * The library API of the npm package (`import { lintText, lintFiles, renderIssue } from 'weekly-issues'`),
 * bundled to dist/api.js. The same engine as the CLI and the editor: the language service, the config
 * file reader and the renderer. Its public types are written out in types/index.d.ts (the package's
 * `types`); test/unit/api.test.ts holds this file to them.
 */
import * as path from 'path';
import { pathToFileURL } from 'url';
import { createLanguageService, defaultConfig, readConfigFile, type WeeklyConfig } from '../service';
import { buildPage, createNonce, pageImageSrc, renderDocument } from '../service/render';
import { createNodeHost } from '../node/nodeHost';
import { findConfigFile, loadConfigFile } from './configFile';
import { lintRun } from './lint';
import { toJsonProblems, type JsonProblem } from './format';
import { packageVersion } from './version';

export type Problem = JsonProblem;

export interface TextOptions {
  /** The file the text stands for (relative to `cwd`): names it in problems, resolves its links. Default `issue.md`. */
  fileName?: string;
  /** Where `fileName` and the config file are looked up. Default: the current folder. */
  cwd?: string;
  /** `.weekly-issues.json`'s keys; when absent, the nearest `.weekly-issues.json` above `fileName` is read. */
  config?: Record<string, unknown>;
  /** The language of messages: `en` (default) or `zh-cn`. */
  locale?: string;
}

export interface LintFilesOptions {
  cwd?: string;
  /** Where site-absolute paths (`/assets/…`) resolve (the CLI's --root). */
  root?: string;
  /** The heading id style (the CLI's --slug). */
  slugStyle?: string;
  /** A config file to use instead of the nearest `.weekly-issues.json` (the CLI's --config). */
  configFile?: string;
  /** Apply every safe fix to the files, then report what is left (the CLI's --fix). */
  fix?: boolean;
  maxWarnings?: number;
}

export interface LintFilesResult {
  problems: Problem[];
  errorCount: number;
  warningCount: number;
  /** The CLI's exit code for this run: 0 clean, 1 errors or too many warnings, 2 an I/O or config problem. */
  exitCode: number;
  /** I/O and configuration problems, one line each. */
  messages: string[];
}

export interface RenderIssueOptions extends TextOptions {
  /** Include the problem header and broken-anchor marks. Default true. */
  problems?: boolean;
}

export interface RenderedPage {
  /** A standalone HTML page (the preview's renderer, styles and CSP). */
  html: string;
  /** The article alone, to put into a page of your own. */
  body: string;
  title: string;
  lang: string;
  errorCount: number;
  warningCount: number;
}

export const version: string = packageVersion();

/** The config for a text: the options' `config` read as `.weekly-issues.json` is, else the nearest file's. */
function configOf(options: TextOptions, file: string): WeeklyConfig {
  if (options.config) {
    const { config, problems } = readConfigFile(JSON.stringify(options.config), defaultConfig);
    if (problems.length) throw new TypeError(`weekly-issues: bad config: ${problems.map((p) => p.message).join('; ')}`);
    return config;
  }
  const found = findConfigFile(path.dirname(file));
  return found ? loadConfigFile(found, defaultConfig).config : defaultConfig;
}

function serviceFor(text: string, options: TextOptions) {
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const fileName = options.fileName ?? 'issue.md';
  const file = path.resolve(cwd, fileName);
  const config = configOf(options, file);
  const siteRoot = config.siteRoot ? path.resolve(cwd, config.siteRoot) : cwd;
  const service = createLanguageService({
    ...createNodeHost(),
    locale: () => options.locale ?? 'en',
    getConfig: () => ({ ...config, siteRoot }),
    workspaceRoots: () => [cwd],
  });
  const doc = { uri: pathToFileURL(file).href, version: 1, getText: () => text };
  return { service, doc, fileName, config: { ...config, siteRoot }, file, siteRoot };
}

/** Checks one Markdown text; problems have 1-based lines and columns, as `--format json` prints them. */
export function lintText(text: string, options: TextOptions = {}): Problem[] {
  const { service, doc, fileName } = serviceFor(text, options);
  return toJsonProblems([{ file: fileName, diagnostics: service.computeDiagnostics(doc) }]);
}

/** Checks files, folders and globs as `weekly-issues lint` does. */
export async function lintFiles(patterns: string | string[], options: LintFilesOptions = {}): Promise<LintFilesResult> {
  const run = lintRun({
    paths: typeof patterns === 'string' ? [patterns] : patterns,
    root: options.root ?? '.',
    rootGiven: options.root !== undefined,
    slug: options.slugStyle,
    configFile: options.configFile,
    maxWarnings: options.maxWarnings,
    fix: options.fix ?? false,
    cwd: path.resolve(options.cwd ?? process.cwd()),
  });
  return { problems: toJsonProblems(run.reports), errorCount: run.errorCount, warningCount: run.warningCount, exitCode: run.exitCode, messages: run.stderr };
}

/** Renders an issue as the preview and `weekly-issues render` do. */
export function renderIssue(text: string, options: RenderIssueOptions = {}): RenderedPage {
  const { service, doc, config, file, siteRoot } = serviceFor(text, options);
  const imageSrc = (src: string) => pageImageSrc(src, { documentPath: file, siteRoot, pageDir: path.dirname(file) });
  const rendered = renderDocument(service, doc, { config, showProblems: options.problems ?? true, imageSrc });
  const title = rendered.title || path.basename(file);
  const html = buildPage({ title, lang: rendered.lang, bodyHtml: rendered.html, nonce: createNonce() });
  return { html, body: rendered.html, title, lang: rendered.lang, errorCount: rendered.counts.errors, warningCount: rendered.counts.warnings };
}
