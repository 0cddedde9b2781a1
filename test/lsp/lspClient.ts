/**
 * A small, real LSP client for tests: spawns `node dist/extension.js --stdio` (the bundle runs the server when it is the main module) and talks JSON-RPC to it with
 * vscode-jsonrpc (the library VS Code's own client uses), so tests exercise the real transport.
 *
 *   const client = await LspClient.start({ settings: { weekly: { validate: { scope: 'all' } } } });
 *   const uri = client.uri('notes.md');
 *   client.open(uri, '# A\n\n[x](#b)\n');
 *   const published = await client.waitForDiagnostics(uri, { version: 1 });
 *   client.replace(uri, 2, '# B\n\n[x](#b)\n');
 *   await client.waitForDiagnostics(uri, { version: 2 });
 *   await client.stop();
 *
 * Build first (`npm run build`): the client runs the bundled server, as VS Code does.
 */
import { spawn, type ChildProcess } from 'child_process';
import * as path from 'path';
import { pathToFileURL } from 'url';
import {
  createMessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type MessageConnection,
} from 'vscode-jsonrpc/node';
import type { CodeAction, Command, Diagnostic, Range } from 'vscode-languageserver-types';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');
export const SERVER_PATH = path.join(REPO_ROOT, 'dist', 'extension.js');
/** Preloaded into the server: nothing it sends leaves 127.0.0.0/8 (see test/support/loopbackOnly.cjs). */
export const LOOPBACK_ONLY = path.join(REPO_ROOT, 'test', 'support', 'loopbackOnly.cjs');

export interface PublishedDiagnostics {
  uri: string;
  version?: number;
  diagnostics: Diagnostic[];
}

export interface ConfigurationItem {
  scopeUri?: string;
  section?: string;
}

export interface LspClientOptions {
  /** The server to run; default: the bundled dist/extension.js of this repository, run as the server. */
  serverPath?: string;
  /** Node options for the server process (the soak runs it with `--expose-gc`). */
  nodeArgs?: string[];
  /** Workspace folders, as paths; default: the repository root. */
  workspaceFolders?: string[];
  /**
   * Settings as VS Code holds them, answered to `workspace/configuration` by section
   * (`{ weekly: { validate: { scope: 'all' } } }` answers section `weekly` and `weekly.validate`).
   */
  settings?: Record<string, unknown>;
  /**
   * Per-document overrides: called first for every configuration item; undefined falls back to `settings`.
   * May return a promise (to hold an answer back, e.g. to let a document change while the server waits).
   */
  configurationFor?(item: ConfigurationItem): unknown;
  /** Advertise `workspace.configuration` (default true). Without it the server must use its defaults. */
  configurationSupport?: boolean;
  initializationOptions?: unknown;
  /** The client's UI language, sent as `locale` in `initialize` (VS Code sends e.g. `zh-cn`). */
  locale?: string;
  /** How long `waitFor…` waits before failing with a clear message (a hang guard, not a speed check). */
  waitTimeoutMs?: number;
}

interface Waiter {
  uri: string;
  accept(p: PublishedDiagnostics): boolean;
  resolve(p: PublishedDiagnostics): void;
}

export class LspClient {
  /** Every publishDiagnostics notification received, in order. */
  readonly published: PublishedDiagnostics[] = [];
  /** Every `workspace/configuration` item the server asked for, in order. */
  readonly configurationRequests: ConfigurationItem[] = [];
  /** Diagnostics and work-done progress in the order they came (to tell which came first). */
  readonly events: Array<{ kind: 'diagnostics'; uri: string; version?: number } | { kind: 'progress'; value: { kind?: string } }> = [];
  /** `window/logMessage` and `window/showMessage` texts. */
  readonly logs: string[] = [];
  /** What the server wrote to stderr. */
  stderr = '';
  settings: Record<string, unknown>;
  initializeResult: { capabilities: Record<string, unknown>; serverInfo?: { name: string } } | undefined;

  private readonly waiters = new Set<Waiter>();
  private readonly versions = new Map<string, number>();
  private exited = false;
  private readonly exitPromise: Promise<number | null>;

  private constructor(
    readonly connection: MessageConnection,
    readonly process: ChildProcess,
    private readonly options: LspClientOptions,
  ) {
    this.settings = options.settings ?? {};
    this.exitPromise = new Promise((resolve) =>
      process.once('exit', (code) => {
        this.exited = true;
        resolve(code);
      }),
    );
  }

  /** Spawns the server and runs the `initialize` / `initialized` handshake. */
  static async start(options: LspClientOptions = {}): Promise<LspClient> {
    const serverPath = options.serverPath ?? SERVER_PATH;
    const child = spawn(process.execPath, ['--require', LOOPBACK_ONLY, ...(options.nodeArgs ?? []), serverPath, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const client = new LspClient(connection, child, options);
    child.stderr!.setEncoding('utf8');
    child.stderr!.on('data', (chunk: string) => (client.stderr += chunk));
    client.listen();
    const folders = options.workspaceFolders ?? [REPO_ROOT];
    const configurationSupport = options.configurationSupport ?? true;
    client.initializeResult = await client.withExitGuard(
      connection.sendRequest('initialize', {
        processId: process.pid,
        rootUri: folders[0] ? pathToFileURL(folders[0]).href : null,
        workspaceFolders: folders.map((f) => ({ uri: pathToFileURL(f).href, name: path.basename(f) })),
        initializationOptions: options.initializationOptions,
        locale: options.locale,
        capabilities: {
          workspace: {
            configuration: configurationSupport,
            workspaceFolders: true,
            didChangeConfiguration: { dynamicRegistration: false },
            workspaceEdit: { documentChanges: true },
          },
          textDocument: {
            synchronization: { dynamicRegistration: false, didSave: true },
            publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
            codeAction: {
              dynamicRegistration: false,
              isPreferredSupport: true,
              codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll', 'refactor'] } },
            },
          },
          window: { workDoneProgress: true },
        },
      }),
      'initialize',
    );
    connection.sendNotification('initialized', {});
    return client;
  }

  private listen(): void {
    const c = this.connection;
    c.onNotification('textDocument/publishDiagnostics', (p: PublishedDiagnostics) => {
      this.published.push(p);
      this.events.push({ kind: 'diagnostics', uri: p.uri, version: p.version });
      for (const w of [...this.waiters]) {
        if (w.uri === p.uri && w.accept(p)) {
          this.waiters.delete(w);
          w.resolve(p);
        }
      }
    });
    c.onNotification('$/progress', (p: { value?: { kind?: string } }) => this.events.push({ kind: 'progress', value: p.value ?? {} }));
    c.onNotification('window/logMessage', (p: { message: string }) => this.logs.push(p.message));
    c.onNotification('window/showMessage', (p: { message: string }) => this.logs.push(p.message));
    c.onRequest('workspace/configuration', (p: { items: ConfigurationItem[] }) =>
      Promise.all(
        p.items.map(async (item) => {
          this.configurationRequests.push(item);
          const own = await this.options.configurationFor?.(item);
          return own !== undefined ? own : lookupSection(this.settings, item.section);
        }),
      ),
    );
    // Requests a server may send that a test client can simply accept.
    c.onRequest('client/registerCapability', () => null);
    c.onRequest('client/unregisterCapability', () => null);
    c.onRequest('window/workDoneProgress/create', () => null);
    c.onRequest('workspace/workspaceFolders', () =>
      (this.options.workspaceFolders ?? [REPO_ROOT]).map((f) => ({ uri: pathToFileURL(f).href, name: path.basename(f) })),
    );
    c.listen();
  }

  /** A `file:` URI for a path relative to the first workspace folder (the file need not exist). */
  uri(relativePath: string): string {
    const root = (this.options.workspaceFolders ?? [REPO_ROOT])[0] ?? REPO_ROOT;
    return pathToFileURL(path.resolve(root, relativePath)).href;
  }

  open(uri: string, text: string, version = 1, languageId = 'markdown'): void {
    this.versions.set(uri, version);
    void this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  /** Sends content changes (incremental with `range`, or a whole text without). */
  change(uri: string, version: number, changes: Array<{ range?: Range; text: string }>): void {
    this.versions.set(uri, version);
    void this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
  }

  /** One incremental edit: replaces `range` with `text`. */
  edit(uri: string, version: number, range: Range, text: string): void {
    this.change(uri, version, [{ range, text }]);
  }

  /** Replaces the whole text (a full-content change event). */
  replace(uri: string, version: number, text: string): void {
    this.change(uri, version, [{ text }]);
  }

  close(uri: string): void {
    this.versions.delete(uri);
    void this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  /** The version last sent for a document. */
  versionOf(uri: string): number | undefined {
    return this.versions.get(uri);
  }

  /**
   * Changes the settings and tells the server, as VS Code does when the user edits them
   * (the server then asks again through `workspace/configuration`).
   */
  setSettings(settings: Record<string, unknown>): void {
    this.settings = settings;
    void this.connection.sendNotification('workspace/didChangeConfiguration', { settings });
  }

  /**
   * Resolves with the first publishDiagnostics for `uri` — already received or still to come — that
   * matches: `version` (exact), `cleared` (an empty list with no version, as sent on close), or `where`.
   * `after`: only notifications received after this many have been recorded (see `published.length`).
   */
  waitForDiagnostics(
    uri: string,
    match: { version?: number; cleared?: boolean; where?: (p: PublishedDiagnostics) => boolean; after?: number } = {},
  ): Promise<PublishedDiagnostics> {
    const accept = (p: PublishedDiagnostics) =>
      (match.version === undefined || p.version === match.version) &&
      (!match.cleared || (p.diagnostics.length === 0 && p.version === undefined)) &&
      (!match.where || match.where(p));
    const already = this.published.slice(match.after ?? 0).find((p) => p.uri === uri && accept(p));
    if (already) return Promise.resolve(already);
    const what = `diagnostics for ${uri}${match.version !== undefined ? ` version ${match.version}` : ''}${match.cleared ? ' (cleared)' : ''}`;
    return this.withExitGuard(
      new Promise<PublishedDiagnostics>((resolve) => this.waiters.add({ uri, accept, resolve })),
      what,
    );
  }

  /** The newest diagnostics published for a document, if any. */
  latest(uri: string): PublishedDiagnostics | undefined {
    for (let i = this.published.length - 1; i >= 0; i--) if (this.published[i].uri === uri) return this.published[i];
    return undefined;
  }

  /** Any request, e.g. `client.request('textDocument/hover', {...})`. */
  request<R = unknown>(method: string, params: unknown): Promise<R> {
    return this.withExitGuard(this.connection.sendRequest(method, params) as Promise<R>, method);
  }

  notify(method: string, params: unknown): void {
    void this.connection.sendNotification(method, params);
  }

  codeActions(uri: string, range: Range, diagnostics: Diagnostic[] = [], only?: string[]): Promise<Array<CodeAction | Command> | null> {
    return this.request('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics, only } });
  }

  /**
   * A round trip that the server answers only after it has read every message sent before it
   * (JSON-RPC messages are handled in order). Useful before asserting that nothing else was published.
   */
  async roundTrip(): Promise<void> {
    await this.request('textDocument/codeAction', {
      textDocument: { uri: 'untitled:round-trip' },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [] },
    });
  }

  /** `shutdown` + `exit`, then waits for the process to end (kills it if it will not). */
  async stop(): Promise<number | null> {
    if (!this.exited) {
      try {
        await Promise.race([this.connection.sendRequest('shutdown'), this.exitPromise]);
        void this.connection.sendNotification('exit');
      } catch {
        // The server is already gone; nothing to shut down.
      }
      const timer = setTimeout(() => this.process.kill('SIGKILL'), 5_000);
      await this.exitPromise;
      clearTimeout(timer);
    }
    this.connection.dispose();
    return this.exitPromise;
  }

  get hasExited(): boolean {
    return this.exited;
  }

  /** Fails with a clear message (and the server's stderr) if the server exits or never answers. */
  private withExitGuard<T>(promise: Promise<T>, what: string): Promise<T> {
    const timeoutMs = this.options.waitTimeoutMs ?? 20_000;
    let timer: NodeJS.Timeout | undefined;
    const guard = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer for ${what} within ${timeoutMs} ms; server stderr:\n${this.stderr}`)), timeoutMs);
      void this.exitPromise.then((code) => reject(new Error(`the server exited (code ${code}) while waiting for ${what}; stderr:\n${this.stderr}`)));
    });
    return Promise.race([promise, guard]).finally(() => clearTimeout(timer));
  }
}

/** `section` `a.b` of `{ a: { b: 1 } }` is 1; no section: the whole settings object. */
export function lookupSection(settings: Record<string, unknown>, section: string | undefined): unknown {
  if (!section) return settings;
  let value: unknown = settings;
  for (const key of section.split('.')) {
    if (value === null || typeof value !== 'object') return null;
    value = (value as Record<string, unknown>)[key];
  }
  return value === undefined ? null : value;
}

/** The position just after the end of a text (for appending with an incremental edit). */
export function endPosition(text: string): { line: number; character: number } {
  const lines = text.split(/\r\n|\r|\n/);
  return { line: lines.length - 1, character: lines[lines.length - 1].length };
}
