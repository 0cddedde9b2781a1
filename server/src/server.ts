/** The LSP server: wires the language service to a connection. No checking logic lives here. */
import {
  createConnection,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  CodeActionKind,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { createLanguageService, createTranslator, FIX_ALL_KIND, defaultConfig } from './service';
import { ValidationScheduler } from './lsp/validationScheduler';
import { registerCommands, serverCommandIds } from './lsp/commands';
import { createNavigationPart, navigationCapabilities } from './lsp/navigation';
import { registerConfiguration } from './lsp/configuration';
import { createDocumentSettings } from './lsp/documentSettings';
import { registerFileLinkRecheck } from './lsp/fileLinkRecheck';
import { registerPaperRepeatRecheck } from './lsp/paperRepeatRecheck';
import { createNodeHost } from './node/nodeHost';
import { listenToWorkspaceFolders, workspaceFolderCapabilities } from './lsp/workspaceFolders';
import { warmUp } from './lsp/warmUp';
import { createLinkChecks } from './lsp/linkChecks';
import { createPaperLookups } from './lsp/paperLookups';
import { registerArchive } from './lsp/archive';
import { registerPublish } from './lsp/publish';
import { HELPER_NICE, mainThreadFirst } from './node/threadPriority';

// V8's compiler and GC helpers yield the cores to the thread that answers the editor (threadPriority.ts).
const helpersLowered = mainThreadFirst();

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
let workspaceRoots: string[] = [];
let canAskConfiguration = false;
let clientLocale: string | undefined;
const log = (message: string) => connection.console.log(message);
// Settings: defaults <- .weekly-issues.json <- VS Code's weekly.*; the file's problems go on the file.
// What the server says outside the service's findings (the config file's diagnostic, the index's progress), in the client's language.
const serverT = createTranslator(() => clientLocale);
const configuration = registerConfiguration({ connection, workspaceRoots: () => workspaceRoots, log, t: serverT, onFilesChanged: () => recheckAll('config file') });
// Each document's settings: a new document is checked with the cached ones at once, corrected if its own differ.
const settings = createDocumentSettings({
  connection,
  configuration,
  canAsk: () => canAskConfiguration,
  changed: (uri) => recheck(uri),
  log,
});

const navigation = createNavigationPart({
  connection,
  documents,
  roots: () => workspaceRoots,
  config: (uri) => settings.known(uri) ?? configuration.settingsFor(uri),
  log,
  t: serverT,
  onClientSettings: (weekly) => configuration.remember(weekly),
  // Checks that read other files (file links, workspace tags, repeats) see the whole index now: only what
  // changed is published again.
  onIndexBuilt: async () => {
    // Only the findings: the documents and their settings did not change, so their models stand.
    const checks = documents.all().map((doc) => {
      service.forgetFindings(doc.uri);
      return scheduler.checkNow(doc.uri, { quiet: true });
    });
    // A check may wait for the client's settings of its document: the progress does not wait past 2 s.
    await Promise.race([Promise.all(checks), new Promise((resolve) => setTimeout(resolve, 2_000).unref())]);
    archive.indexBuilt();
  },
});
// The service's host (service/host.ts): Node's file system, HTTP and clock, the index and previews, the client's settings and locale.
const service = createLanguageService({
  ...createNodeHost(),
  ...navigation.host,
  getConfig: (uri) => settings.known(uri) ?? defaultConfig,
  workspaceRoots: () => workspaceRoots,
  trusted: () => navigation.trusted(),
  log,
  locale: () => clientLocale,
});

// Debounce bursts: vscode-jsonrpc handles one message per event-loop turn, so without a delay every change
// of a burst would be checked and published on its own. Changes closer than BURST_GAP_MS count as a burst
// (key repeat is ~30 ms apart); a keystroke after a pause is checked at once (issue #8: keystroke latency),
// and so is a newly opened document (issue 13: the first answer).
const VALIDATION_DELAY_MS = 150;
const BURST_GAP_MS = 25;
const scheduler = new ValidationScheduler({
  getDocument: (uri) => documents.get(uri),
  prepare: (uri) => settings.forCheck(uri),
  validate(doc) {
    const config = settings.known(doc.uri) ?? defaultConfig;
    if (config.validateScope === 'off') return [];
    const oversized = doc.getText().length > config.maxFileSize; // always told, whatever the scope
    if (config.validateScope === 'issues' && !oversized && !service.isIssue(doc)) return [];
    return service.computeDiagnostics(doc);
  },
  publish: (uri, version, diagnostics) => connection.sendDiagnostics({ uri, version, diagnostics }),
  log,
}, VALIDATION_DELAY_MS, BURST_GAP_MS);

connection.onInitialize((params: InitializeParams): InitializeResult => {
  canAskConfiguration = !!params.capabilities.workspace?.configuration;
  clientLocale = params.locale;
  workspaceRoots = (params.workspaceFolders ?? [])
    .map((f) => URI.parse(f.uri))
    .filter((u) => u.scheme === 'file')
    .map((u) => u.fsPath);
  if (workspaceRoots.length === 0 && params.rootUri) workspaceRoots = [URI.parse(params.rootUri).fsPath];
  navigation.initialize(params);
  // Folders added or removed later: here, not at start-up (workspaceFolders.ts says why).
  listenToWorkspaceFolders({ connection, roots: () => workspaceRoots, setRoots: (roots) => (workspaceRoots = roots), changed: (added, removed) => void navigation.foldersChanged(added, removed) });
  if (helpersLowered > 0) log(`${helpersLowered} helper threads at nice ${HELPER_NICE}: the main thread goes first`);
  // The first check's compile cost, paid now rather than by the first document the user opens (warmUp.ts).
  warmUp(service, log);
  return {
    capabilities: {
      // Saves are announced for weekly.links.check "onSave".
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: false },
      executeCommandProvider: { commands: serverCommandIds },
      ...navigationCapabilities,
      ...workspaceFolderCapabilities,
    },
    serverInfo: { name: 'weekly-issues' },
  };
});

/** Forget a document's results and check it again (its settings or a file it reads changed). */
function recheck(uri: string): void {
  service.forget(uri);
  scheduler.schedule(uri, 'recheck');
}

/**
 * Every open document again: after a settings change (their settings are asked again) or a config file
 * change (resolved again). After an index build, onIndexBuilt checks them before the progress ends.
 */
function recheckAll(why: 'settings' | 'config file'): void {
  if (why === 'settings') settings.refresh();
  if (why === 'config file') settings.forget();
  for (const doc of documents.all()) recheck(doc.uri);
}

connection.onDidChangeConfiguration(() => {
  void navigation.settingsChanged();
  recheckAll('settings');
});

documents.onDidOpen((e) => scheduler.schedule(e.document.uri, 'open'));
documents.onDidChangeContent((e) => scheduler.schedule(e.document.uri, 'edit'));
documents.onDidClose((e) => {
  scheduler.forget(e.document.uri);
  service.forget(e.document.uri);
  service.setLinkStatuses(e.document.uri, undefined);
  settings.forget(e.document.uri);
  void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
});

// The soak test's probe (npm run soak): the server's memory after a full collection when run with --expose-gc.
connection.onRequest('weekly/debug/memory', () => {
  (globalThis as { gc?: () => void }).gc?.();
  const m = process.memoryUsage();
  return { rss: m.rss, heapUsed: m.heapUsed, heapTotal: m.heapTotal, external: m.external, gcExposed: typeof (globalThis as { gc?: unknown }).gc === 'function' };
});

connection.onCodeAction((params) => {
  const doc = documents.get(params.textDocument.uri);
  if (!doc) return [];
  return service.getCodeActions(doc, params.range, params.context.only);
});

// Link health (linkChecks.ts): on request, and on save when weekly.links.check is "onSave".
const linkChecks = createLinkChecks({
  connection,
  service,
  config: (uri) => settings.known(uri) ?? configuration.settingsFor(uri),
  trusted: () => navigation.trusted(),
  republish: (uri) => scheduler.schedule(uri, 'recheck'),
  log,
});
documents.onDidSave((e) => void linkChecks.saved(e.document, navigation.linksCheck()));
// Paper lookups from links (lsp/paperLookups.ts): New Paper Entry from a link, several links, the paste edit.
const paperLookups = createPaperLookups({
  connection,
  service,
  config: (uri) => settings.known(uri) ?? configuration.settingsFor(uri),
  trusted: () => navigation.trusted(),
  knownTags: (uri) => {
    const doc = documents.get(uri);
    return doc ? service.authoringContext(doc).knownTags : undefined;
  },
});
registerCommands({ connection, documents, service, prepare: (uri) => settings.settled(uri), checkLinks: (doc) => linkChecks.checkDocument(doc), lookupPapers: (doc, links, token) => paperLookups.lookup(doc, links, token), log });
// Copy for WeChat / Export for Email (lsp/publish.ts): the published HTML and what would reach readers broken.
registerPublish({ connection, documents, service, config: (uri) => settings.settled(uri), log });
// Links to other files: a change there re-checks the open documents that link to it.
registerFileLinkRecheck({ index: navigation.index, documents, recheck: (uri) => recheck(uri) });
// Other issues' papers: a change there re-checks the open issues (paper-repeat).
registerPaperRepeatRecheck(navigation.index, documents, (uri) => recheck(uri));
// The archive views and tag trends (lsp/archive.ts): data on request, a notice when what they show changed.
const archive = registerArchive({ connection, index: navigation.index, t: service.t, log });
navigation.register(service);
documents.listen(connection);
connection.listen();
