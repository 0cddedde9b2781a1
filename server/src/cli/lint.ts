import * as fs from 'fs';
import * as path from 'path';
import { fileURLToPath, pathToFileURL } from 'url';
import { applyEdits, createLanguageService, defaultConfig, preferredEdits, type WeeklyConfig } from '../service';
import { collectFiles, describeFsError, readText } from './files';
import { findConfigFile, loadConfigFile } from './configFile';
import { formatReports, severityName, type FileReport, type OutputFormat } from './format';
import { createDiskAnchors } from './diskAnchors';
import { createNodeHost } from '../node/nodeHost';

export interface LintOptions {
  paths: string[];
  format: OutputFormat;
  root: string;
  /** Whether --root was given: then it wins over a config file's siteRoot. */
  rootGiven?: boolean;
  slug?: string;
  /** --config FILE: this file for every checked file, in place of the nearest `.weekly-issues.json`. */
  configFile?: string;
  maxWarnings?: number;
  fix: boolean;
  cwd: string;
}

export interface LintResult {
  exitCode: number;
  stdout: string;
  stderr: string[];
}

/** What a run found, before it is formatted (the library API's `lintFiles` returns it). */
export interface LintRun {
  exitCode: number;
  reports: FileReport[];
  errorCount: number;
  warningCount: number;
  /** One-line I/O, configuration and --max-warnings problems. */
  stderr: string[];
}

const MAX_FIX_PASSES = 10;

/** `weekly-issues lint`: checks files with the same language service the editor uses. */
export function lint(options: LintOptions): LintResult {
  const run = lintRun(options);
  return { exitCode: run.exitCode, stdout: formatReports(run.reports, options.format, createNodeHost().locale()), stderr: run.stderr };
}

/** Checks the files of a lint run; `lint` formats what it returns. */
export function lintRun(options: Omit<LintOptions, 'format'>): LintRun {
  const stderr: string[] = [];
  const { files, errors } = collectFiles(options.paths, options.cwd);
  stderr.push(...errors);
  const configs = new Map<string, WeeklyConfig>();
  // The folders of the config files found count as workspace roots too: their ignore/issueFiles globs are
  // relative to where they are written.
  const roots = [path.resolve(options.cwd, options.root)];
  const configFor = (file: string): WeeklyConfig => {
    const dir = path.dirname(file);
    let config = configs.get(dir);
    if (!config) {
      const found = options.configFile ? path.resolve(options.cwd, options.configFile) : findConfigFile(dir);
      const loaded = found ? loadConfigFile(found, defaultConfig) : { config: defaultConfig, errors: [] };
      for (const e of loaded.errors) if (!stderr.includes(e)) stderr.push(e);
      if (found && !roots.includes(path.dirname(found))) roots.push(path.dirname(found));
      const siteRoot = options.rootGiven || !loaded.config.siteRoot ? path.resolve(options.cwd, options.root) : loaded.config.siteRoot;
      config = { ...loaded.config, siteRoot };
      if (options.slug) config.slugStyle = options.slug;
      configs.set(dir, config);
    }
    return config;
  };
  const diskAnchors = createDiskAnchors();
  // A link to a moved issue is fixed only when exactly one file of the run has its name.
  const filesByName = new Map<string, string[]>();
  for (const file of files) filesByName.set(path.basename(file), [...(filesByName.get(path.basename(file)) ?? []), file]);
  // The service's host (service/host.ts): Node's, plus what the run knows in place of a workspace index.
  const service = createLanguageService({
    ...createNodeHost(),
    getConfig: (uri) => configFor(fileURLToPath(uri)),
    workspaceRoots: () => roots,
    anchorsOf: diskAnchors.anchorsOf,
    filesNamed: (name) => filesByName.get(name) ?? [],
  });

  const reports: FileReport[] = [];
  for (const file of files) {
    const read = readText(file);
    if ('error' in read) {
      stderr.push(`${display(file, options.cwd)}: ${read.error}`);
      continue;
    }
    const uri = pathToFileURL(file).href;
    let text = read.text;
    let version = 1;
    if (options.fix) {
      for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
        const edits = preferredEdits(service.getFindings({ uri, version, getText: () => text }));
        if (edits.length === 0) break;
        text = applyEdits(text, edits);
        version++;
      }
      if (text !== read.text) {
        try {
          fs.writeFileSync(file, (read.bom ? '\ufeff' : '') + text);
          diskAnchors.forget(file);
        } catch (err) {
          stderr.push(`${display(file, options.cwd)}: could not write the fixes: ${describeFsError(err)}`);
        }
      }
    }
    const diagnostics = service.computeDiagnostics({ uri, version, getText: () => text });
    reports.push({ file: display(file, options.cwd), diagnostics });
    service.forget(uri);
  }

  const all = reports.flatMap((r) => r.diagnostics);
  const errorCount = all.filter((d) => severityName(d.severity) === 'error').length;
  const warningCount = all.filter((d) => severityName(d.severity) === 'warning').length;
  // Every line in stderr so far is an I/O or configuration problem: those take precedence (exit 2).
  let exitCode = stderr.length > 0 ? 2 : errorCount > 0 ? 1 : 0;
  if (options.maxWarnings !== undefined && warningCount > options.maxWarnings) {
    if (exitCode === 0) exitCode = 1;
    stderr.push(`${warningCount} warnings, more than --max-warnings ${options.maxWarnings}`);
  }
  return { exitCode, reports, errorCount, warningCount, stderr };
}

function display(file: string, cwd: string): string {
  const rel = path.relative(cwd, file);
  return rel && !rel.startsWith('..') ? rel.split(path.sep).join('/') : file;
}
