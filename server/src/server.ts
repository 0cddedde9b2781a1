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
import { createLanguageService, FIX_ALL_KIND, defaultConfig, type WeeklyConfig } from './service';
import { ValidationScheduler } from './lsp/validationScheduler';
import { registerCommands, serverCommandIds } from './lsp/commands';
import { createNavigationPart, navigationCapabilities } from './lsp/navigation';
import { registerConfiguration } from './lsp/configuration';
import { registerFileLinkRecheck } from './lsp/fileLinkRecheck';
import { createNodeHost } from './node/nodeHost';
import { listenToWorkspaceFolders, workspaceFolderCapabilities } from './lsp/workspaceFolders';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
let workspaceRoots: string[] = [];
let canAskConfiguration = false;
let clientLocale: string | undefined;
const configs = new Map<string, WeeklyConfig>();
const log = (message: string) => connection.console.log(message);
// Settings: defaults <- .weekly-issues.json <- VS Code's weekly.*; the file's problems go on the file.
const configuration = registerConfiguration({ connection, workspaceRoots: () => workspaceRoots, log, onFilesChanged: () => recheckAll() });

const navigation = createNavigationPart({ connection, documents, roots: () => workspaceRoots, config: (uri) => configs.get(uri) ?? configuration.settingsFor(uri), log, onIndexBuilt: () => recheckAll() });
// The service's host (service/host.ts): Node's file system, HTTP and clock, the index and previews, the client's settings and locale.
const service = createLanguageService({
  ...createNodeHost(),
  ...navigation.host,
  getConfig: (uri) => configs.get(uri) ?? defaultConfig,
  workspaceRoots: () => workspaceRoots,
  log,
  locale: () => clientLocale,
});

async function loadConfig(uri: string): Promise<WeeklyConfig> {
  const cached = configs.get(uri);
  if (cached) return cached;
  // A client without workspace/configuration: the config file and the defaults apply.
  const settings = canAskConfiguration ? await connection.workspace.getConfiguration({ scopeUri: uri, section: 'weekly' }) : undefined;
  const config = configuration.resolve(uri, settings);
  configs.set(uri, config);
  return config;
}

// Debounce bursts: vscode-jsonrpc handles one message per event-loop turn, so without a delay every change
// of a burst would be checked and published on its own. Changes closer than BURST_GAP_MS count as a burst
// (key repeat is ~30 ms apart); a keystroke after a pause is checked at once (issue #8: keystroke latency).
const VALIDATION_DELAY_MS = 150;
const BURST_GAP_MS = 25;
const scheduler = new ValidationScheduler({
  getDocument: (uri) => documents.get(uri),
  prepare: loadConfig,
  validate(doc) {
    const config = configs.get(doc.uri) ?? defaultConfig;
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
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: false },
      executeCommandProvider: { commands: serverCommandIds },
      ...navigationCapabilities,
      ...workspaceFolderCapabilities,
    },
    serverInfo: { name: 'weekly-issues' },
  };
});

function recheckAll(): void {
  configs.clear();
  for (const doc of documents.all()) {
    service.forget(doc.uri);
    scheduler.schedule(doc.uri);
  }
}

connection.onDidChangeConfiguration(() => {
  void navigation.settingsChanged();
  recheckAll();
});

documents.onDidOpen((e) => scheduler.schedule(e.document.uri));
documents.onDidChangeContent((e) => scheduler.schedule(e.document.uri));
documents.onDidClose((e) => {
  scheduler.forget(e.document.uri);
  service.forget(e.document.uri);
  configs.delete(e.document.uri);
  void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
});

connection.onCodeAction((params) => {
  const doc = documents.get(params.textDocument.uri);
  if (!doc) return [];
  return service.getCodeActions(doc, params.range, params.context.only);
});

registerCommands({ connection, documents, service, prepare: loadConfig, log });
// Links to other files: a change there re-checks the open documents that link to it.
registerFileLinkRecheck({ index: navigation.index, documents, recheck: (uri) => (service.forget(uri), scheduler.schedule(uri)) });
navigation.register(service);
documents.listen(connection);
connection.listen();
