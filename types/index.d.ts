// The types of the weekly-issues library API (dist/api.js). Written by hand, beside the bundle: the API's
// few types are all a user needs, where emitting declarations would export the whole language service's.
// test/unit/api.test.ts holds server/src/cli/api.ts to them (tsc fails when they drift).

/** One problem, with 1-based lines and UTF-16 columns (as `weekly-issues lint --format json` prints it). */
export interface Problem {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: 'error' | 'warning' | 'info' | 'hint';
  /** The rule's code, e.g. `toc-broken-anchor`; its page is docs/rules/<code>.md. */
  code: string;
  message: string;
}

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
  /** The heading id style (the CLI's --slug): github, gitlab, hugo, vuepress, hexo, jekyll, mkdocs. */
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

/** The package's version. */
export declare const version: string;
/** Checks one Markdown text. Throws a TypeError on a bad `config`. */
export declare function lintText(text: string, options?: TextOptions): Problem[];
/** Checks files, folders and globs as `weekly-issues lint` does. */
export declare function lintFiles(patterns: string | string[], options?: LintFilesOptions): Promise<LintFilesResult>;
/** Renders an issue as the preview and `weekly-issues render` do. */
export declare function renderIssue(text: string, options?: RenderIssueOptions): RenderedPage;
