/**
 * A timing LSP client for the bench: spawns a language server over stdio, answers what an editor answers
 * (settings, work-done progress, and for VS Code's Markdown server its `markdown/*` requests, tokenizing
 * with markdown-it as VS Code's extension host does), and times didOpen / didChange until the document's
 * diagnostics arrive: pushed (`textDocument/publishDiagnostics`, ours) or pulled (`textDocument/diagnostic`,
 * VS Code's server, whose client pulls right after each didOpen / didChange).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';
import MarkdownIt from 'markdown-it';
import frontMatter from 'markdown-it-front-matter';
import { glob } from 'tinyglobby';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';

export interface ProbeOptions {
  /** The program and its arguments, e.g. `[process.execPath, 'dist/extension.js', '--stdio']`. */
  command: string[];
  workspaceFolders: string[];
  /** Answered to `workspace/configuration` by section (`weekly`, `files.exclude`); also sent in didChangeConfiguration. */
  settings?: Record<string, unknown>;
  /** Send `workspace/didChangeConfiguration` with `settings` right after `initialized` (VS Code's server reads settings only so). */
  pushSettings?: boolean;
  /** Diagnostics are pulled (`textDocument/diagnostic`) instead of pushed. */
  pull?: boolean;
  initializationOptions?: unknown;
}

interface Published {
  uri: string;
  version?: number;
  diagnostics: unknown[];
}

/** VS Code's Markdown engine: markdown-it with HTML, linkify and front matter (extensions/markdown-language-features). */
function vscodeMarkdownIt(): MarkdownIt {
  return MarkdownIt({ html: true, linkify: true }).use(frontMatter, () => undefined);
}

export class LspProbe {
  readonly child: ChildProcess;
  readonly rpc: MessageConnection;
  /** performance.now() of each log line the server sent. */
  readonly logs: Array<{ at: number; message: string }> = [];
  /** performance.now() when the server's work-done progress began / ended (the first of each). */
  progressBegin?: number;
  progressEnd?: number;
  private readonly texts = new Map<string, TextDocument>();
  private readonly waiting = new Map<string, (p: Published) => void>();
  private readonly published = new Map<string, Published>();
  private progressEnded: Array<() => void> = [];
  private md?: MarkdownIt;
  stderr = '';

  constructor(private readonly options: ProbeOptions) {
    const [program, ...args] = options.command;
    this.child = spawn(program, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stderr!.setEncoding('utf8');
    this.child.stderr!.on('data', (chunk: string) => (this.stderr += chunk));
    this.rpc = createMessageConnection(new StreamMessageReader(this.child.stdout!), new StreamMessageWriter(this.child.stdin!));
    const rpc = this.rpc;
    rpc.onNotification('textDocument/publishDiagnostics', (p: Published) => {
      const key = `${p.uri}@${p.version}`;
      this.published.set(key, p);
      this.waiting.get(key)?.(p);
      this.waiting.delete(key);
    });
    rpc.onNotification('window/logMessage', (p: { message: string }) => this.logs.push({ at: performance.now(), message: p.message }));
    rpc.onNotification('$/progress', (p: { value?: { kind?: string } }) => {
      if (p.value?.kind === 'begin') this.progressBegin ??= performance.now();
      if (p.value?.kind === 'end' && this.progressEnd === undefined) {
        this.progressEnd = performance.now();
        for (const f of this.progressEnded) f();
      }
    });
    rpc.onRequest('workspace/configuration', (p: { items: Array<{ section?: string }> }) => p.items.map((i) => lookup(options.settings ?? {}, i.section)));
    rpc.onRequest('window/workDoneProgress/create', () => null);
    rpc.onRequest('client/registerCapability', () => null);
    rpc.onRequest('workspace/diagnostic/refresh', () => null);
    rpc.onRequest('workspace/workspaceFolders', () => options.workspaceFolders.map((f) => ({ uri: pathToFileURL(f).href, name: path.basename(f) })));
    // VS Code's Markdown server asks its client to tokenize (the client holds the documents) and for files.
    rpc.onRequest('markdown/parse', (p: { uri: string; text?: string }) => {
      this.md ??= vscodeMarkdownIt();
      const text = p.text ?? this.texts.get(p.uri)?.getText() ?? readOrEmpty(p.uri);
      return this.md.parse(text, {});
    });
    rpc.onRequest('markdown/fs/readFile', (p: { uri: string }) => [...fs.readFileSync(fileURLToPath(p.uri))]);
    rpc.onRequest('markdown/fs/stat', (p: { uri: string }) => {
      try {
        return { isDirectory: fs.statSync(fileURLToPath(p.uri)).isDirectory() };
      } catch {
        return undefined;
      }
    });
    rpc.onRequest('markdown/fs/readDirectory', (p: { uri: string }) =>
      fs.readdirSync(fileURLToPath(p.uri), { withFileTypes: true }).map((d) => [d.name, { isDirectory: d.isDirectory() }]),
    );
    rpc.onRequest('markdown/fs/watcher/create', () => null);
    rpc.onRequest('markdown/fs/watcher/delete', () => null);
    rpc.onRequest('markdown/findMarkdownFilesInWorkspace', async () => {
      const files = await Promise.all(options.workspaceFolders.map((cwd) => glob(['**/*.md'], { cwd, absolute: true })));
      return files.flat().map((f) => pathToFileURL(f).href);
    });
    rpc.listen();
  }

  /** Spawn → initialize answered, ms. */
  initializeMs?: number;
  private readonly spawnedAt = performance.now();

  async initialize(): Promise<void> {
    const folders = this.options.workspaceFolders;
    await this.rpc.sendRequest('initialize', {
      processId: process.pid,
      rootUri: folders[0] ? pathToFileURL(folders[0]).href : null,
      workspaceFolders: folders.map((f) => ({ uri: pathToFileURL(f).href, name: path.basename(f) })),
      initializationOptions: this.options.initializationOptions,
      capabilities: {
        workspace: { configuration: true, workspaceFolders: true, didChangeConfiguration: { dynamicRegistration: false }, diagnostics: { refreshSupport: true } },
        textDocument: {
          synchronization: { dynamicRegistration: false },
          publishDiagnostics: { versionSupport: true },
          diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false },
        },
        window: { workDoneProgress: true },
      },
    });
    this.initializeMs = performance.now() - this.spawnedAt;
    await this.rpc.sendNotification('initialized', {});
    if (this.options.pushSettings) await this.rpc.sendNotification('workspace/didChangeConfiguration', { settings: this.options.settings ?? {} });
  }

  /** Resolves with performance.now() when the server's first work-done progress has ended. */
  indexed(): Promise<number> {
    if (this.progressEnd !== undefined) return Promise.resolve(this.progressEnd);
    return new Promise((resolve) => this.progressEnded.push(() => resolve(this.progressEnd!)));
  }

  /**
   * CPU time the server's main thread has run, in ms (Linux: /proc/<pid>/schedstat, in ns): on a busy
   * machine the wall clock also counts waiting for a core; this counts only the server's own work.
   */
  cpuMs(): number | undefined {
    try {
      return Number(fs.readFileSync(`/proc/${this.child.pid}/schedstat`, 'utf8').split(' ')[0]) / 1e6;
    } catch {
      return undefined; // not Linux
    }
  }

  /** didOpen; resolves with the milliseconds until the document's diagnostics (wall and server CPU) and how many there were. */
  async open(uri: string, text: string, version = 1): Promise<{ ms: number; cpuMs?: number; diagnostics: number; at: number }> {
    const doc = TextDocument.create(uri, 'markdown', version, text);
    this.texts.set(uri, doc);
    const pushed = this.pushedDiagnostics(uri, version);
    const cpu0 = this.cpuMs();
    const t0 = performance.now();
    await this.rpc.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version, text } });
    const count = this.options.pull ? await this.pull(uri) : (await pushed).diagnostics.length;
    const at = performance.now();
    const cpu1 = this.cpuMs();
    return { ms: at - t0, cpuMs: cpu0 === undefined || cpu1 === undefined ? undefined : cpu1 - cpu0, diagnostics: count, at };
  }

  /** One incremental didChange; resolves with the milliseconds until that version's diagnostics. */
  async edit(uri: string, version: number, position: { line: number; character: number }, insert: string): Promise<number> {
    const change = { range: { start: position, end: position }, text: insert };
    const doc = this.texts.get(uri)!;
    this.texts.set(uri, TextDocument.update(doc, [change], version));
    const pushed = this.pushedDiagnostics(uri, version);
    const t0 = performance.now();
    await this.rpc.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
    if (this.options.pull) await this.pull(uri);
    else await pushed;
    return performance.now() - t0;
  }

  async close(uri: string): Promise<void> {
    this.texts.delete(uri);
    await this.rpc.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  private async pull(uri: string): Promise<number> {
    const report = (await this.rpc.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as { items?: unknown[] };
    return report.items?.length ?? 0;
  }

  private pushedDiagnostics(uri: string, version: number): Promise<Published> {
    const key = `${uri}@${version}`;
    const already = this.published.get(key);
    if (already) return Promise.resolve(already);
    return new Promise((resolve) => this.waiting.set(key, resolve));
  }

  async stop(): Promise<void> {
    try {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([this.rpc.sendRequest('shutdown'), new Promise((r) => (timer = setTimeout(r, 5_000)))]);
      clearTimeout(timer);
      await this.rpc.sendNotification('exit');
    } catch {
      // the server may close the pipe first
    }
    if (this.child.exitCode === null) {
      await new Promise((resolve) => {
        const timer = setTimeout(resolve, 5_000);
        this.child.once('exit', () => (clearTimeout(timer), resolve(undefined)));
      });
    }
    this.rpc.dispose();
    if (this.child.exitCode === null) this.child.kill();
  }
}

function lookup(settings: Record<string, unknown>, section: string | undefined): unknown {
  let value: unknown = settings;
  for (const key of (section ?? '').split('.').filter(Boolean)) {
    if (value === null || typeof value !== 'object') return null;
    value = (value as Record<string, unknown>)[key];
  }
  return value ?? null;
}

function readOrEmpty(uri: string): string {
  try {
    return fs.readFileSync(fileURLToPath(uri), 'utf8');
  } catch {
    return '';
  }
}
