/**
 * `weekly-issues links`: the web links of the issues' reference lists (every web link with `--all`) checked
 * over the network, reported as link-dead / link-moved / link-unverified in the lint formats. Each URL is
 * requested once per run (and not at all while its cached verdict is fresh); `--fix` replaces moved links.
 */
import * as fs from 'fs';
import * as path from 'path';
import { fileURLToPath, pathToFileURL } from 'url';
import { applyEdits, createLanguageService, defaultConfig, type WeeklyConfig } from '../service';
import { checkLink, type LinkStatus } from '../service/linkHealth/linkCheck';
import { linksToCheck, offlineAware } from '../service/linkHealth/linkFindings';
import { createPacer, withRetryAfter } from '../service/network/politeClient';
import { collectFiles, describeFsError, readText } from './files';
import { findConfigFile, loadConfigFile } from './configFile';
import { formatReports, type FileReport, type OutputFormat } from './format';
import { createNodeHost } from '../node/nodeHost';
import { createHttpClient } from '../node/http/httpClient';
import { createDiskCache, defaultCacheDir } from '../node/diskCache';

export interface LinksOptions {
  paths: string[];
  format: OutputFormat;
  all: boolean;
  timeoutSeconds: number;
  noCache: boolean;
  fix: boolean;
  cwd: string;
  env?: NodeJS.ProcessEnv;
}

export interface LinksResult {
  exitCode: number;
  stdout: string;
  stderr: string[];
  /** Requests sent and verdicts read from the cache (for the summary line and the bench). */
  counts: { urls: number; fromCache: number };
}

export async function checkLinksCommand(options: LinksOptions): Promise<LinksResult> {
  const env = options.env ?? process.env;
  const stderr: string[] = [];
  const { files, errors } = collectFiles(options.paths, options.cwd);
  stderr.push(...errors);
  const configOf = new Map<string, WeeklyConfig>();
  const configFor = (file: string) => {
    const dir = path.dirname(file);
    let config = configOf.get(dir);
    if (!config) {
      const found = findConfigFile(dir);
      const loaded = found ? loadConfigFile(found, defaultConfig) : { config: defaultConfig, errors: [] };
      for (const e of loaded.errors) if (!stderr.includes(e)) stderr.push(e);
      config = loaded.config;
      configOf.set(dir, config);
    }
    return config;
  };
  const service = createLanguageService({ ...createNodeHost(env), getConfig: (uri) => configFor(fileURLToPath(uri)), workspaceRoots: () => [options.cwd] });
  const docs = files.flatMap((file) => {
    const read = readText(file);
    if ('error' in read) {
      stderr.push(`${path.relative(options.cwd, file)}: ${read.error}`);
      return [];
    }
    return [{ file, text: read.text, doc: { uri: pathToFileURL(file).href, version: 1, getText: () => read.text } }];
  });
  // One client for the run: its per-host (2) and total (8) limits hold across all files.
  const firstConfig = docs.length ? configFor(docs[0].file) : defaultConfig;
  const client = withRetryAfter(createHttpClient({ allowPrivateHosts: firstConfig.network.allowPrivateHosts, timeoutMs: options.timeoutSeconds * 1000, concurrency: { total: 8, perHost: 2 } }), { maxWaitMs: 10_000, retries: 1 });
  const cache = createDiskCache(() => defaultCacheDir(env));
  const deps = {
    client,
    t: service.t,
    timeoutMs: options.timeoutSeconds * 1000,
    cache,
    noCache: options.noCache,
    githubApiUrl: firstConfig.services.githubApiUrl,
    githubToken: env.GITHUB_TOKEN || undefined,
    arxivPace: createPacer(3000),
  };
  const urls = new Set<string>();
  for (const d of docs) if (service.isIssue(d.doc) || options.all) for (const l of linksToCheck(service.getModel(d.doc), options.all)) urls.add(l.url);
  const statuses = new Map<string, LinkStatus>();
  const fresh = new Set<string>();
  let fromCache = 0;
  await Promise.all(
    [...urls].map(async (url) => {
      const { status, fromCache: cached } = await checkLink(url, deps);
      if (cached) fromCache++;
      else fresh.add(url);
      statuses.set(url, status);
    }),
  );
  offlineAware(statuses, fresh, service.t);

  const reports: FileReport[] = [];
  let dead = 0;
  for (const d of docs) {
    service.setLinkStatuses(d.doc.uri, statuses, options.all);
    let text = d.text;
    if (options.fix) {
      const moved = service.getFindings(d.doc).filter((f) => f.code === 'link-moved' && f.fixes?.length);
      if (moved.length) {
        text = applyEdits(text, moved.flatMap((f) => f.fixes![0].edits));
        try {
          fs.writeFileSync(d.file, text);
        } catch (err) {
          stderr.push(`${path.relative(options.cwd, d.file)}: ${describeFsError(err)}`);
        }
      }
    }
    const doc = { ...d.doc, version: 2, getText: () => text };
    const diagnostics = service.computeDiagnostics(doc).filter((x) => String(x.code).startsWith('link-'));
    dead += diagnostics.filter((x) => x.code === 'link-dead').length;
    if (diagnostics.length) reports.push({ file: path.relative(options.cwd, d.file) || d.file, diagnostics });
  }
  return { exitCode: dead > 0 ? 1 : 0, stdout: formatReports(reports, options.format), stderr, counts: { urls: urls.size, fromCache } };
}
