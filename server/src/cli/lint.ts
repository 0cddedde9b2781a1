import * as fs from 'fs';
import * as path from 'path';
import { fileURLToPath, pathToFileURL } from 'url';
import { applyEdits, createLanguageService, defaultConfig, preferredEdits, type WeeklyConfig } from '../service';
import { collectFiles, describeFsError, readText } from './files';
import { findConfigFile, loadConfigFile } from './configFile';
import { formatReports, severityName, type FileReport, type OutputFormat } from './format';
import { createDiskAnchors } from './diskAnchors';
import { createNodeHost } from '../node/nodeHost';
import { catalogDigestSource, createRunCatalog } from './runCatalog';
import type { Diagnostic } from 'vscode-languageserver-types';
import { LintCache, hashOf } from './lintCache';
import { packageVersion } from './version';
import { CM, cliTranslator } from './cliMessages';

/** A host's answer, passed on after `note` has seen it. */
function noted<T>(answer: T, note: (answer: T) => void): T {
  note(answer);
  return answer;
}

export interface LintOptions {
  paths: string[];
  format: OutputFormat;
  root: string;
  /** Whether --root was given: then it wins over a config file's siteRoot. */
  rootGiven?: boolean;
  slug?: string;
  /** --config FILE: this file for every checked file, in place of the nearest `.weekly-issues.json`. */
  configFile?: string;
  /** --cache: where the results of unchanged files are kept (lintCache.ts); absent: no cache. */
  cacheFile?: string;
  /** --quiet: errors only in the output (the exit code still counts the warnings for --max-warnings). */
  quiet?: boolean;
  /** Colour the text format (main.ts decides: a TTY, no NO_COLOR, no --no-color). */
  color?: boolean;
  maxWarnings?: number;
  fix: boolean;
  cwd: string;
  /** Folders of earlier issues paper-repeat compares with (besides the files of the run). */
  archive?: string[];
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
const host = createNodeHost();

/** `weekly-issues lint`: checks files with the same language service the editor uses. */
export function lint(options: LintOptions): LintResult {
  const run = lintRun(options);
  const reports = options.quiet ? run.reports.map((r) => ({ ...r, diagnostics: r.diagnostics.filter((d) => severityName(d.severity) === 'error') })) : run.reports;
  return { exitCode: run.exitCode, stdout: formatReports(reports, options.format, { locale: host.locale(), color: options.color }), stderr: run.stderr };
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
  // paper-repeat: the papers of the run's files and of the archive, read once.
  const archive = options.archive?.length ? collectFiles(options.archive, options.cwd) : { files: [], errors: [] };
  stderr.push(...archive.errors);
  const issueCatalog = createRunCatalog([...files, ...archive.files], configFor);
  // A link to a moved issue is fixed only when exactly one file of the run has its name.
  const filesByName = new Map<string, string[]>();
  for (const file of files) filesByName.set(path.basename(file), [...(filesByName.get(path.basename(file)) ?? []), file]);
  const filesNamed = (name: string) => filesByName.get(name) ?? [];
  const configHashes = new WeakMap<WeeklyConfig, string>();
  const configHash = (config: WeeklyConfig) => {
    let hash = configHashes.get(config);
    if (hash === undefined) configHashes.set(config, (hash = hashOf(JSON.stringify(config))));
    return hash;
  };
  const cache = options.cacheFile
    ? new LintCache(path.resolve(options.cwd, options.cacheFile), hashOf(JSON.stringify([packageVersion(), options.root, options.rootGiven, options.slug, options.configFile, host.locale(), hashOf(catalogDigestSource([...files, ...archive.files]))])), filesNamed)
    : undefined;
  // The service's host (service/host.ts): Node's, plus what the run knows in place of a workspace index;
  // with --cache, the answers a check gets from it are noted (lintCache.ts).
  const service = createLanguageService({
    ...host,
    fileExists: (p) => noted(host.fileExists(p), (a) => cache?.noteExists(p, a)),
    listDirectory: (dir) => noted(host.listDirectory(dir), (a) => cache?.noteDirectory(dir, a)),
    getConfig: (uri) => configFor(fileURLToPath(uri)),
    workspaceRoots: () => roots,
    anchorsOf: (file, config) => noted(diskAnchors.anchorsOf(file, config), () => cache?.noteFileRead(file)),
    filesNamed: (name) => noted(filesNamed(name), (a) => cache?.noteNamed(name, a)),
    issueCatalog,
  });

  const reports: FileReport[] = [];
  for (const file of files) {
    const read = readText(file);
    if ('error' in read) {
      stderr.push(`${display(file, options.cwd)}: ${read.error}`);
      continue;
    }
    const uri = pathToFileURL(file).href;
    const configKey = cache ? configHash(configFor(file)) : '';
    const kept = options.fix ? undefined : cache?.lookup(file, read.text, configKey);
    const displayUri = (u: string) => (u.startsWith('file:') ? display(fileURLToPath(u), options.cwd) : u);
    if (kept) {
      reports.push({ file: display(file, options.cwd), diagnostics: kept, displayUri });
      continue;
    }
    const checked = cache ? cache.record(() => check(file, uri, read)) : { result: check(file, uri, read), dependencies: [] };
    const { text, diagnostics } = checked.result;
    cache?.store(file, text, configKey, diagnostics, checked.dependencies);
    reports.push({ file: display(file, options.cwd), diagnostics, displayUri });
    service.forget(uri);
  }
  const cacheProblem = cache?.save();
  if (cacheProblem) stderr.push(cacheProblem);

  /** --fix's passes, then the check of what is left. */
  function check(file: string, uri: string, read: { text: string; bom: boolean }): { text: string; diagnostics: Diagnostic[] } {
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
          stderr.push(cliTranslator()(CM['cli.fixesNotWritten'], { file: display(file, options.cwd), why: describeFsError(err) }));
        }
      }
    }
    return { text, diagnostics: service.computeDiagnostics({ uri, version, getText: () => text }) };
  }

  const all = reports.flatMap((r) => r.diagnostics);
  const errorCount = all.filter((d) => severityName(d.severity) === 'error').length;
  const warningCount = all.filter((d) => severityName(d.severity) === 'warning').length;
  // Every line in stderr so far is an I/O or configuration problem: those take precedence (exit 2).
  let exitCode = stderr.length > 0 ? 2 : errorCount > 0 ? 1 : 0;
  if (options.maxWarnings !== undefined && warningCount > options.maxWarnings) {
    if (exitCode === 0) exitCode = 1;
    stderr.push(cliTranslator()(CM['cli.tooManyWarnings'], { count: warningCount, max: options.maxWarnings }));
  }
  return { exitCode, reports, errorCount, warningCount, stderr };
}

function display(file: string, cwd: string): string {
  const rel = path.relative(cwd, file);
  return rel && !rel.startsWith('..') ? rel.split(path.sep).join('/') : file;
}
