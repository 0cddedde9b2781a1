/**
 * Keystroke latency over real LSP stdio: spawns dist/extension.js (the server when run as the main module), opens a document, types single characters
 * (incremental didChange) at the end of a paper's summary in the middle of the document, and times each
 * didChange until the publishDiagnostics of that version arrives. One edit at a time, at a fast typist's
 * pace (a keystroke every PACE_MS at most): a server may coalesce machine-speed bursts, not typing.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { summarise, type Timing } from './measure';
import type { Workload } from './workloads';

export interface KeystrokeResult {
  workload: string;
  /** didOpen until the first diagnostics: a cold check over the wire. */
  openMs: number;
  edits: number;
  latency: Timing;
  diagnosticsAtEnd: number;
}

export interface ServerRun {
  results: KeystrokeResult[];
  /** The server's peak resident set (VmHWM) after all documents and edits, in MB. */
  peakRssMb?: number;
}

export const PACE_MS = 50;
const SERVER = process.env.BENCH_SERVER_JS ?? path.join(import.meta.dirname, '..', 'dist', 'extension.js');

interface Published {
  uri: string;
  version?: number;
  diagnostics: unknown[];
}

class ServerUnderTest {
  readonly child: ChildProcess;
  readonly rpc: MessageConnection;
  private waiting = new Map<string, (p: Published) => void>();

  constructor() {
    // BENCH_SERVER_NODE_ARGS (e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`) profiles the server under typing.
    const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
    this.child = spawn(process.execPath, [...nodeArgs, SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
    this.rpc = createMessageConnection(new StreamMessageReader(this.child.stdout!), new StreamMessageWriter(this.child.stdin!));
    this.rpc.onNotification('textDocument/publishDiagnostics', (p: Published) => {
      const key = `${p.uri}@${p.version}`;
      const resolve = this.waiting.get(key);
      if (resolve) {
        this.waiting.delete(key);
        resolve(p);
      }
    });
    this.rpc.onNotification('window/logMessage', () => {});
    this.rpc.listen();
  }

  async initialize(): Promise<void> {
    // No `workspace.configuration` capability: the server checks with its defaults, asking nothing back.
    await this.rpc.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {}, workspaceFolders: null });
    await this.rpc.sendNotification('initialized', {});
  }

  diagnosticsOf(uri: string, version: number): Promise<Published> {
    return new Promise((resolve) => this.waiting.set(`${uri}@${version}`, resolve));
  }

  peakRssMb(): number | undefined {
    try {
      const status = fs.readFileSync(`/proc/${this.child.pid}/status`, 'utf8');
      const kb = Number(status.match(/^VmHWM:\s+(\d+) kB/m)?.[1]);
      return Number.isFinite(kb) ? kb / 1024 : undefined;
    } catch {
      return undefined; // not Linux
    }
  }

  async shutdown(): Promise<void> {
    try {
      await this.rpc.sendRequest('shutdown');
      await this.rpc.sendNotification('exit');
    } catch {
      // the server may close the pipe first
    }
    // Let it exit on its own (a --cpu-prof profile is written at exit), then make sure it is gone.
    if (this.child.exitCode === null) {
      await new Promise((resolve) => {
        const timer = setTimeout(resolve, 3000);
        this.child.once('exit', () => {
          clearTimeout(timer);
          resolve(undefined);
        });
      });
    }
    this.rpc.dispose();
    if (this.child.exitCode === null) this.child.kill();
  }
}

/** Where typing happens: the end of the summary paragraph of the paper in the middle of the document. */
function typingPoint(text: string): { line: number; character: number } {
  const lines = text.split('\n');
  const summaries = lines.map((l, i) => (/^\*\*(概要|Summary)\*\*/.test(l) ? i : -1)).filter((i) => i >= 0);
  const line = summaries[Math.floor(summaries.length / 2)];
  return { line, character: lines[line].replace(/\r$/, '').length };
}

async function typeInto(server: ServerUnderTest, w: Workload, edits: number): Promise<KeystrokeResult> {
  const uri = `file:///bench/${w.id}.md`;
  let version = 1;
  const opened = server.diagnosticsOf(uri, version);
  const t0 = performance.now();
  await server.rpc.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version, text: w.text } });
  await opened;
  const openMs = performance.now() - t0;

  const at = typingPoint(w.text);
  const typed = 'the model runs fast ';
  const samples: number[] = [];
  let last: Published | undefined;
  let previous = 0;
  for (let i = 0; i < edits; i++) {
    const wait = previous + PACE_MS - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    version++;
    const position = { line: at.line, character: at.character + i };
    const published = server.diagnosticsOf(uri, version);
    const start = performance.now();
    previous = start;
    await server.rpc.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ range: { start: position, end: position }, text: typed[i % typed.length] }],
    });
    last = await published;
    samples.push(performance.now() - start);
  }
  await server.rpc.sendNotification('textDocument/didClose', { textDocument: { uri } });
  return { workload: w.id, openMs, edits, latency: summarise(samples), diagnosticsAtEnd: last?.diagnostics.length ?? 0 };
}

export async function runKeystrokes(workloads: Workload[], edits = 200): Promise<ServerRun> {
  if (!fs.existsSync(SERVER)) throw new Error(`${SERVER} is missing: run npm run build first`);
  const server = new ServerUnderTest();
  try {
    await server.initialize();
    const results: KeystrokeResult[] = [];
    for (const w of workloads) results.push(await typeInto(server, w, edits));
    return { results, peakRssMb: server.peakRssMb() };
  } finally {
    await server.shutdown();
  }
}
