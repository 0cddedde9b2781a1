/**
 * Server wiring of completion, hover, navigation and the workspace index: the index over the workspace
 * folders (built with work-done progress after `initialized`, kept current by watched-file events and
 * open documents), link previews (Node's fetch, a disk cache), their settings and workspace trust, and
 * the LSP handlers. server.ts calls `createNavigationPart` and wires its hooks (workspace folder changes:
 * `foldersChanged`, from workspaceFolders.ts).
 */
import {
  FileChangeType,
  ResponseError,
  ErrorCodes,
  type Connection,
  type InitializeParams,
  type ServerCapabilities,
  type TextDocuments,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { defaultConfig, type WeeklyConfig } from '../service/config/weeklyConfig';
import type { LanguageServiceHost, WeeklyLanguageService } from '../service/languageService';
import { expandItemDefaults } from '../service/features/completion';
import { LinkPreviewService, defaultPreviewSettings, type PreviewSettings } from '../service/linkPreview/previewService';
import { findSlugStyle, slugStyles } from '../service/slug';
import { WorkspaceIndex } from '../service/indexing/workspaceIndex';
import { createFsWorkspace } from '../node/fsWorkspace';
import { createHttpFetcher } from '../node/httpFetcher';
import { createPreviewDiskStore } from '../node/previewDiskStore';
import { defaultCacheDir } from '../node/diskCache';
import { readNavigationSettings, type NavigationSettings } from './navigationSettings';
import { onWatchedFiles } from './watchedFiles';
import { registerMessages, type Translate } from '../service/util/l10n';

const M = registerMessages({
  'index.progress': { en: 'Weekly Issues: indexing Markdown files', zh: 'Weekly Issues：正在索引 Markdown 文件' },
  'index.progressFiles': { en: '{done}/{total} files', zh: '{done}/{total} 个文件' },
});

export const TRUST_NOTIFICATION = 'weekly/workspaceTrust';

export interface NavigationPartOptions {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  roots(): readonly string[];
  /** The `weekly` settings of a document, as the core server resolved them. */
  config(uri: string): WeeklyConfig;
  log(message: string): void;
  /** The client's language (the index's progress is shown in it). */
  t: Translate;
  /** The client's `weekly` section as read at start-up and after a change (the core server caches it). */
  onClientSettings?(weekly: unknown): void;
  /**
   * The index was (re)built: checks that read other files (file links, workspace tags) should run again.
   * Awaited before the build's progress ends.
   */
  onIndexBuilt?(): void | Promise<void>;
}

export const navigationCapabilities: ServerCapabilities = {
  completionProvider: { triggerCharacters: ['#', '(', '['], resolveProvider: false },
  hoverProvider: true,
  definitionProvider: true,
  referencesProvider: true,
  renameProvider: { prepareProvider: true },
  documentSymbolProvider: true,
  workspaceSymbolProvider: true,
  foldingRangeProvider: true,
  documentLinkProvider: { resolveProvider: false },
};

// Index updates for open documents wait for a pause in typing, as diagnostics do.
const INDEX_DELAY_MS = 150;

export function createNavigationPart(options: NavigationPartOptions) {
  const { connection, documents, log } = options;
  let settings: NavigationSettings = readNavigationSettings(undefined, undefined);
  let trusted = true;
  let canAskConfiguration = false;
  let itemDefaultsEditRange = false;
  // The one disk cache (WEEKLY_ISSUES_CACHE_DIR, else XDG_CACHE_HOME/weekly-issues, else ~/.cache/weekly-issues),
  // shared with lookups, link checks and the CLI; a client (the tests) may name another at initialize.
  let cacheDir = defaultCacheDir();
  let firstBuild: Promise<unknown> = Promise.resolve();
  let signalFirstBuild: () => void = () => undefined;
  // Workspace folder changes, one after the other; requests wait for them as for the first build.
  let folderWork: Promise<void> = Promise.resolve();
  let languageService: WeeklyLanguageService | undefined;
  const indexReady = () => Promise.all([firstBuild, folderWork]);
  const pending = new Map<string, NodeJS.Timeout>();

  const index = new WorkspaceIndex({
    // Files longer than weekly.maxFileSize are left out of the index, by their size on disk first.
    workspace: createFsWorkspace({ maxFileSize: () => defaultConfigFor().maxFileSize }),
    roots: options.roots,
    exclude: () => settings.exclude,
    slugStyle: () => findSlugStyle(defaultConfigFor().slugStyle) ?? slugStyles[0],
    presets: () => defaultConfigFor().presets,
    log,
  });
  const defaultConfigFor = () => {
    const root = options.roots()[0];
    return root ? options.config(root) : defaultConfig;
  };
  // The previews' services and address rules are the lookups' (weekly.services.*, weekly.network.*).
  const previewSettings = (): PreviewSettings => {
    const { arxivApiUrl, githubApiUrl } = defaultConfigFor().services;
    return { ...defaultPreviewSettings, ...settings.previews, arxivApiUrl, githubApiUrl };
  };
  const host: LanguageServiceHost = {
    workspaceIndex: index,
    linkPreviews: new LinkPreviewService(createHttpFetcher({ allowPrivateHosts: () => defaultConfigFor().network.allowPrivateHosts }), previewSettings, createPreviewDiskStore(() => cacheDir)),
    previewsAllowed() {
      if (!defaultConfigFor().services.enabled) return { allowed: false, why: 'off' }; // weekly.services.enabled
      if (settings.fetchPreviews === false) return { allowed: false, why: 'off' }; // weekly.hover.fetchPreviews
      if (!trusted && settings.fetchPreviews !== true) {
        return { allowed: false, why: 'untrusted' }; // the hover says why, in the user's language
      }
      return { allowed: true };
    },
  };

  async function loadSettings(): Promise<void> {
    if (!canAskConfiguration) return;
    try {
      const [weekly, filesExclude] = await connection.workspace.getConfiguration([{ section: 'weekly' }, { section: 'files.exclude' }]);
      options.onClientSettings?.(weekly);
      const next = readNavigationSettings(weekly, filesExclude);
      for (const p of next.problems) log(`weekly settings: ${p}`);
      settings = next;
    } catch (err) {
      log(`weekly settings: could not read them (${(err as Error).message}); using the defaults`);
    }
  }

  async function buildIndex(run = (report: (done: number, total: number) => void) => index.build(report)): Promise<void> {
    const progress = await connection.window.createWorkDoneProgress().catch(() => undefined);
    progress?.begin(options.t(M['index.progress']), 0, undefined, false);
    const started = Date.now();
    const cpu = process.cpuUsage();
    try {
      const report = await run((done, total) => progress?.report(Math.round((done / Math.max(total, 1)) * 100), options.t(M['index.progressFiles'], { done, total })));
      const used = process.cpuUsage(cpu);
      const cpuMs = Math.round((used.user + used.system) / 1000);
      log(`index: ${report.files} Markdown files in ${Date.now() - started} ms, ${cpuMs} ms CPU (${report.failures} unreadable)`);
      // The open documents are checked again before the progress ends: a document opened just after it
      // would otherwise wait behind those checks, which also make the workspace's tag counts and paper
      // catalog (the first answer measured right after the progress ended: 45 ms, 6 ms a second later).
      await options.onIndexBuilt?.();
    } catch (err) {
      log(`index: building failed: ${(err as Error).stack ?? err}`);
    } finally {
      progress?.done();
    }
  }

  function indexOpenDocument(service: WeeklyLanguageService, uri: string, delay: number): void {
    clearTimeout(pending.get(uri));
    pending.set(
      uri,
      setTimeout(() => {
        pending.delete(uri);
        const doc = documents.get(uri);
        if (doc) index.setOpenDocument(uri, service.getModel(doc));
      }, delay),
    );
  }

  return {
    host,
    index,
    /** Workspace trust, as the client last said. */
    trusted: () => trusted,
    /** `weekly.links.check`. */
    linksCheck: () => settings.linksCheck,
    initialize(params: InitializeParams): void {
      canAskConfiguration = !!params.capabilities.workspace?.configuration;
      itemDefaultsEditRange = !!params.capabilities.textDocument?.completion?.completionList?.itemDefaults?.includes('editRange');
      const init = (params.initializationOptions ?? {}) as { workspaceTrusted?: unknown; previewCacheDir?: unknown };
      if (typeof init.workspaceTrusted === 'boolean') trusted = init.workspaceTrusted;
      if (typeof init.previewCacheDir === 'string' && init.previewCacheDir && !process.env.WEEKLY_ISSUES_CACHE_DIR) cacheDir = init.previewCacheDir;
      firstBuild = new Promise<void>((resolve) => (signalFirstBuild = resolve));
    },
    /** The settings changed: read them again; a changed exclusion list means indexing again. */
    async settingsChanged(): Promise<void> {
      const before = settings.exclude.join('\n');
      await loadSettings();
      if (settings.exclude.join('\n') !== before) await buildIndex();
    },
    /**
     * Workspace folders were added or removed (`roots()` has them already): a removed folder's files
     * leave the index, an added one is indexed with progress, open documents are indexed again (they may
     * have come into the workspace or left it), then every open document is checked again.
     */
    foldersChanged(added: readonly string[], removed: readonly string[]): Promise<void> {
      folderWork = folderWork.then(async () => {
        await firstBuild;
        index.removeFolders(removed);
        if (languageService) for (const doc of documents.all()) indexOpenDocument(languageService, doc.uri, 0);
        if (added.length > 0) await buildIndex((report) => index.addFolders(added, report));
        else await options.onIndexBuilt?.();
      }).catch((err: Error) => log(`index: workspace folder change failed: ${err.stack ?? err}`)); // requests wait on it: never rejected
      return folderWork;
    },
    register(service: WeeklyLanguageService): void {
      languageService = service;
      connection.onInitialized(async () => {
        try {
          await loadSettings();
          await buildIndex();
        } finally {
          signalFirstBuild();
        }
      });
      connection.onNotification(TRUST_NOTIFICATION, (p: { trusted?: unknown }) => {
        if (typeof p?.trusted === 'boolean') trusted = p.trusted;
      });
      onWatchedFiles(connection, async (changes) => { // shared with the config file part (watchedFiles.ts)
        await firstBuild;
        for (const change of changes) {
          if (change.type === FileChangeType.Deleted) index.removeFile(change.uri);
          else await index.refreshFile(change.uri);
        }
      });
      documents.onDidOpen((e) => indexOpenDocument(service, e.document.uri, 0));
      documents.onDidChangeContent((e) => indexOpenDocument(service, e.document.uri, INDEX_DELAY_MS));
      documents.onDidClose((e) => {
        clearTimeout(pending.get(e.document.uri));
        pending.delete(e.document.uri);
        void index.closeDocument(e.document.uri);
      });

      // Every request waits for the first index build (it takes about a second), so that answers
      // right after start-up are not missing the rest of the workspace.
      const withDoc = <T>(uri: string, fallback: T, answer: (doc: TextDocument) => T | Promise<T>) => async (): Promise<T> => {
        await indexReady();
        const doc = documents.get(uri);
        return doc ? answer(doc) : fallback;
      };
      connection.onCompletion((p) =>
        withDoc(p.textDocument.uri, null, (d) => {
          const list = service.getCompletions(d, p.position);
          return itemDefaultsEditRange ? list : expandItemDefaults(list);
        })(),
      );
      connection.onHover((p) => withDoc(p.textDocument.uri, null, (d) => service.getHover(d, p.position))());
      connection.onDefinition((p) => withDoc(p.textDocument.uri, [], (d) => service.getDefinition(d, p.position))());
      connection.onReferences((p) => withDoc(p.textDocument.uri, [], (d) => service.getReferences(d, p.position, p.context.includeDeclaration))());
      connection.onPrepareRename((p) =>
        withDoc(p.textDocument.uri, null, (d) => {
          const result = service.prepareRename(d, p.position);
          if ('error' in result) throw new ResponseError(ErrorCodes.InvalidRequest, result.error);
          return result;
        })(),
      );
      connection.onRenameRequest((p) =>
        withDoc(p.textDocument.uri, null, (d) => {
          const result = service.getRenameEdits(d, p.position, p.newName);
          if ('error' in result) throw new ResponseError(ErrorCodes.InvalidRequest, result.error);
          return result;
        })(),
      );
      connection.onDocumentSymbol((p) => withDoc(p.textDocument.uri, [], (d) => service.getDocumentSymbols(d))());
      connection.onWorkspaceSymbol(async (p) => {
        await indexReady();
        return service.getWorkspaceSymbols(p.query);
      });
      connection.onFoldingRanges((p) => withDoc(p.textDocument.uri, [], (d) => service.getFoldingRanges(d))());
      connection.onDocumentLinks((p) => withDoc(p.textDocument.uri, [], (d) => service.getDocumentLinks(d))());
    },
  };
}
