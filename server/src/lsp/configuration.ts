/**
 * The server's settings: defaults, then the workspace's `.weekly-issues.json`, then VS Code's `weekly.*`
 * (the client sends only what the user set, see client/src/configuration/explicitSettings.ts). A bad
 * config file gets one diagnostic on the file itself and its bad parts fall back to the defaults; the file
 * is read again when the client reports it changed (workspace/didChangeWatchedFiles).
 */
import * as fs from 'fs';
import * as path from 'path';
import { URI } from 'vscode-uri';
import { DiagnosticSeverity, FileChangeType, type Connection, type Diagnostic } from 'vscode-languageserver/node';
import { CONFIG_FILE_NAME, defaultConfig, docsLink, readConfigFile, resolveConfig, summarizeConfigProblems, type Translate, type WeeklyConfig } from '../service';
import { CM } from '../service/config/configMessages';
import { explicitOnly, nearestConfigFile, withSiteRootFrom } from '../service/config/configFile';
import { isInside, uriToPath } from '../service/config/documentScope';
import { LineIndex } from '../service/util/lineIndex';
import { onWatchedFiles } from './watchedFiles';

export interface ConfigurationOptions {
  connection: Connection;
  workspaceRoots(): readonly string[];
  log(message: string): void;
  /** The client's language: the file's diagnostic and the settings' problems are said in it. */
  t: Translate;
  /** A config file changed on disk: the documents' settings must be resolved and checked again. */
  onFilesChanged(): void;
}

export interface ConfigurationPart {
  /** The settings of a document, from the config file that applies to it and the client's settings. */
  resolve(uri: string, clientSettings: unknown): WeeklyConfig;
  /** The `.weekly-issues.json` that applies to a document: the nearest one up to its workspace folder. */
  configFileFor(uri: string): string | undefined;
  /**
   * Settings without asking the client (for files that are not open, e.g. the workspace index): the config
   * file that applies, under the client settings last received. Takes a URI or a path (file or folder).
   */
  settingsFor(uriOrPath: string): WeeklyConfig;
  /**
   * A document's settings without asking the client, as `resolve` would give them under the client
   * settings last received: what a newly opened document is checked with before its own answer comes.
   */
  cached(uri: string): WeeklyConfig;
  /** Client settings received without a document (the `weekly` section at start-up or after a change). */
  remember(clientSettings: unknown): void;
}

export const CONFIG_DIAGNOSTIC_CODE = 'config-invalid';

export function registerConfiguration(options: ConfigurationOptions): ConfigurationPart {
  const { connection, log } = options;
  const loaded = new Map<string, WeeklyConfig>(); // config file path -> its settings over the defaults
  const published = new Set<string>(); // config file URIs that carry a diagnostic now

  function loadFile(file: string): WeeklyConfig {
    const cached = loaded.get(file);
    if (cached) return cached;
    let config = defaultConfig;
    const uri = URI.file(file).toString();
    const diagnostics: Diagnostic[] = [];
    try {
      const text = fs.readFileSync(file, 'utf8');
      const result = readConfigFile(text, defaultConfig, options.t);
      config = withSiteRootFrom(result.config, path.dirname(file));
      if (result.problems.length > 0) {
        const first = result.problems[0];
        const invalidJson = result.problems.length === 1 && !!first.syntax;
        diagnostics.push({
          range: new LineIndex(text).range(first.start, first.end),
          severity: invalidJson ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
          source: 'weekly',
          code: CONFIG_DIAGNOSTIC_CODE,
          codeDescription: docsLink(CONFIG_DIAGNOSTIC_CODE),
          message: summarizeConfigProblems(result.problems, options.t),
        });
        log(`${file}: ${summarizeConfigProblems(result.problems, options.t)}`);
      }
    } catch (err) {
      // Unreadable (permissions, a folder by that name): say so on the file, use the defaults.
      const why = (err as NodeJS.ErrnoException).code ?? (err as Error).message;
      diagnostics.push({
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        severity: DiagnosticSeverity.Error,
        source: 'weekly',
        code: CONFIG_DIAGNOSTIC_CODE,
        codeDescription: docsLink(CONFIG_DIAGNOSTIC_CODE),
        message: options.t(CM['configFile.unreadable'], { file: CONFIG_FILE_NAME, why }),
      });
    }
    loaded.set(file, config);
    if (diagnostics.length > 0 || published.has(uri)) {
      if (diagnostics.length > 0) published.add(uri);
      else published.delete(uri);
      void connection.sendDiagnostics({ uri, diagnostics });
    }
    return config;
  }

  function configFileFor(uriOrPath: string): string | undefined {
    const file = path.isAbsolute(uriOrPath) ? uriOrPath : uriToPath(uriOrPath);
    if (!file) return undefined;
    const roots = options.workspaceRoots();
    if (roots.some((r) => path.resolve(r) === path.resolve(file))) return existing(path.join(file, CONFIG_FILE_NAME));
    const root = roots.filter((r) => isInside(file, r)).sort((a, b) => b.length - a.length)[0];
    return nearestConfigFile(file, root, (p) => existing(p) !== undefined);
  }

  let latestSettings: unknown;

  let loggedSettings: string | undefined; // the client settings whose problems were logged last

  function resolve(uri: string, clientSettings: unknown): WeeklyConfig {
    latestSettings = clientSettings;
    return compute(uri, clientSettings, true);
  }

  function compute(uri: string, clientSettings: unknown, logProblems: boolean): WeeklyConfig {
    const file = configFileFor(uri);
    const base = file ? loadFile(file) : defaultConfig;
    const { config, problems } = resolveConfig(explicitOnly(clientSettings), base, options.t);
    // Once per settings received, not once per document.
    const key = JSON.stringify(clientSettings ?? null);
    if (logProblems && key !== loggedSettings) {
      loggedSettings = key;
      for (const p of problems) log(`weekly settings: ${p}`);
    }
    const docPath = uriToPath(uri);
    const folder = options.workspaceRoots().find((r) => docPath && isInside(docPath, r)) ?? options.workspaceRoots()[0];
    return config.siteRoot !== base.siteRoot && folder ? withSiteRootFrom(config, folder) : config;
  }

  onWatchedFiles(connection, (changes) => {
    const touched = changes
      .map((c) => ({ type: c.type, file: uriToPath(c.uri) }))
      .filter((c): c is { type: FileChangeType; file: string } => !!c.file && path.basename(c.file) === CONFIG_FILE_NAME);
    if (touched.length === 0) return;
    loaded.clear(); // a created or deleted file may change which one applies to a document
    for (const { type, file } of touched) {
      if (type === FileChangeType.Deleted) {
        const uri = URI.file(file).toString();
        if (published.delete(uri)) void connection.sendDiagnostics({ uri, diagnostics: [] });
      } else {
        loadFile(file); // publishes (or clears) its diagnostic even when no document uses it yet
      }
    }
    options.onFilesChanged();
  });

  function settingsFor(uriOrPath: string): WeeklyConfig {
    const file = configFileFor(uriOrPath);
    return resolveConfig(explicitOnly(latestSettings), file ? loadFile(file) : defaultConfig).config;
  }

  return {
    resolve,
    configFileFor,
    settingsFor,
    cached: (uri) => compute(uri, latestSettings, false),
    remember(clientSettings) {
      latestSettings = clientSettings;
      compute(options.workspaceRoots()[0] ?? '', clientSettings, true); // logs the settings' problems
    },
  };
}

function existing(file: string): string | undefined {
  try {
    return fs.statSync(file).isFile() ? file : undefined;
  } catch {
    return undefined; // not there (or not readable): look elsewhere
  }
}

