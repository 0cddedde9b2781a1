/**
 * VS Code's own Markdown language server (npm `vscode-markdown-languageserver`, the process VS Code runs
 * for Markdown) over stdio, beside ours on the same never-seen texts: didOpen → diagnostics (VS Code's
 * client pulls them with `textDocument/diagnostic` right after didOpen) and keystrokes at the largest size.
 * The bench client answers its `markdown/parse` with markdown-it tokens, as VS Code's extension host does.
 *
 * The package declares `engines.node >= 22`, so it is not a devDependency (npm ci would warn on Node 20):
 * the first run installs it from the npm registry into `.bench/` (git-ignored), and it runs on this Node
 * if it starts there, else on the Node 24 that the e2e harness installs into `.e2e/`.
 *   node --import tsx bench/vscodeServer.ts
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspProbe, type ProbeOptions } from './lspProbe';
import { medianRun, SMALL_RUNS } from './firstDiagnostics';
import { PACE_MS } from './keystrokes';
import { summarise, type Timing } from './measure';
import { buildWorkloads, unseenText, type Workload } from './workloads';

export const VSCODE_SERVER_VERSION = '0.5.0';
const ROOT = path.join(import.meta.dirname, '..');
const TOOLS = path.join(ROOT, '.bench');
const ENTRY = path.join(TOOLS, 'node_modules', 'vscode-markdown-languageserver', 'dist', 'node', 'workerMain.js');
const EXAMPLES = path.join(ROOT, 'examples');

/** VS Code's defaults with validation on (it is off by default): what a user who wants link checks sets. */
export const VSCODE_MARKDOWN_SETTINGS = {
  markdown: {
    server: { log: 'off' },
    suggest: { paths: { enabled: true } },
    occurrencesHighlight: { enabled: false },
    preferredMdPathExtensionStyle: 'auto',
    validate: {
      enabled: true,
      referenceLinks: { enabled: 'warning' },
      fragmentLinks: { enabled: 'warning' },
      fileLinks: { enabled: 'warning', markdownFragmentLinks: 'inherit' },
      ignoredLinks: [],
      unusedLinkDefinitions: { enabled: 'hint' },
      duplicateLinkDefinitions: { enabled: 'warning' },
    },
  },
};

export interface VscodeServer {
  node: string;
  nodeVersion: string;
  entry: string;
}

export interface VscodeServerResult {
  server: VscodeServer;
  /** didOpen → pulled diagnostics of a never-seen document, fresh server, per workload. */
  open: Array<{ workload: string; ms: number; cpuMs?: number; diagnostics: number }>;
  /** didChange → pulled diagnostics, one keystroke at a time, at the largest workload. */
  keystroke: { workload: string; edits: number; latency: Timing };
}

/** Installs the server into .bench/ the first time (npm registry only); its output goes to .bench/install.log. */
function install(log: (line: string) => void): void {
  if (fs.existsSync(ENTRY)) return;
  fs.mkdirSync(TOOLS, { recursive: true });
  if (!fs.existsSync(path.join(TOOLS, 'package.json'))) fs.writeFileSync(path.join(TOOLS, 'package.json'), '{ "private": true }\n');
  log(`  installing vscode-markdown-languageserver@${VSCODE_SERVER_VERSION} into .bench/ (once)…`);
  const out = fs.openSync(path.join(TOOLS, 'install.log'), 'a');
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k)));
  const r = spawnSync(
    'npm',
    ['install', '--prefix', TOOLS, `vscode-markdown-languageserver@${VSCODE_SERVER_VERSION}`, '--no-save', '--no-package-lock', '--no-audit', '--no-fund', '--registry=https://registry.npmjs.org/'],
    { cwd: TOOLS, env, stdio: ['ignore', out, out], timeout: 300_000 },
  );
  fs.closeSync(out);
  if (r.status !== 0 || !fs.existsSync(ENTRY)) throw new Error(`npm install failed (see .bench/install.log)`);
}

/** The Node 24 of the e2e harness, if it has been installed (test/e2e/harness/env.mjs). */
async function e2eNode(): Promise<string | undefined> {
  try {
    const env = (await import(pathToFileURL(path.join(ROOT, 'test', 'e2e', 'harness', 'env.mjs')).href)) as { NODE24_BIN?: string };
    return env.NODE24_BIN && fs.existsSync(env.NODE24_BIN) ? env.NODE24_BIN : undefined;
  } catch {
    return undefined;
  }
}

function probeOptions(node: string, folder: string): ProbeOptions {
  return { command: [node, ENTRY, '--stdio'], workspaceFolders: [folder], settings: VSCODE_MARKDOWN_SETTINGS, pushSettings: true, pull: true, initializationOptions: { markdownFileExtensions: ['md'] } };
}

/** Whether the server starts and checks a document on `node`: a broken fragment link must be reported. */
async function works(node: string, folder: string): Promise<boolean> {
  const probe = new LspProbe(probeOptions(node, folder));
  const timeout = new Promise<false>((resolve) => setTimeout(() => resolve(false), 20_000).unref());
  try {
    const check = (async () => {
      await probe.initialize();
      const r = await probe.open(pathToFileURL(path.join(folder, 'probe.md')).href, '# A\n\n[x](#b)\n');
      return r.diagnostics === 1;
    })().catch(() => false);
    return await Promise.race([check, timeout]);
  } finally {
    await probe.stop();
  }
}

export async function findVscodeServer(folder: string, log: (line: string) => void = () => undefined): Promise<VscodeServer> {
  install(log);
  const candidates = [process.execPath, await e2eNode()].filter((n): n is string => !!n);
  for (const node of candidates) {
    if (await works(node, folder)) {
      const nodeVersion = spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout.trim();
      return { node, nodeVersion, entry: ENTRY };
    }
    log(`  VS Code's Markdown server does not run on ${node}`);
  }
  throw new Error('VS Code\'s Markdown server did not start on this Node nor on .e2e\'s Node 24 (run npm run test:e2e once to install it)');
}

/** Where typing happens: the end of the summary paragraph of the paper in the middle (as bench/keystrokes.ts). */
function typingPoint(text: string): { line: number; character: number } {
  const lines = text.split('\n');
  const summaries = lines.map((l, i) => (/^\*\*(概要|Summary)\*\*/.test(l) ? i : -1)).filter((i) => i >= 0);
  const line = summaries[Math.floor(summaries.length / 2)];
  return { line, character: lines[line].replace(/\r$/, '').length };
}

export async function runVscodeServer(workloads: Workload[] = buildWorkloads(), log: (line: string) => void = () => undefined, edits = 20): Promise<VscodeServerResult> {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'weekly-vscode-md-'));
  try {
    fs.cpSync(EXAMPLES, folder, { recursive: true });
    const server = await findVscodeServer(folder, log);
    const open: VscodeServerResult['open'] = [];
    for (const w of workloads) {
      // The median of SMALL_RUNS fresh servers, as ours (bench/firstDiagnostics.ts).
      const runs: VscodeServerResult['open'] = [];
      for (let i = 0; i < SMALL_RUNS; i++) {
        const probe = new LspProbe(probeOptions(server.node, folder));
        try {
          await probe.initialize();
          const r = await probe.open(pathToFileURL(path.join(folder, `new-${w.id}-${i}.md`)).href, w.text);
          runs.push({ workload: w.id, ms: r.ms, cpuMs: r.cpuMs, diagnostics: r.diagnostics });
        } finally {
          await probe.stop();
        }
      }
      open.push(medianRun(runs));
    }
    log(`  VS Code's server, open: ${open.map((o) => `${o.workload} ${o.ms.toFixed(1)} ms`).join(', ')}`);
    // Keystrokes at the largest size: one edit at a time, at a fast typist's pace at most.
    const w = workloads[workloads.length - 1];
    const probe = new LspProbe(probeOptions(server.node, folder));
    const samples: number[] = [];
    try {
      await probe.initialize();
      const uri = pathToFileURL(path.join(folder, `typed-${w.id}.md`)).href;
      const text = unseenText(w, 31_000);
      await probe.open(uri, text);
      const at = typingPoint(text);
      for (let i = 0; i < edits; i++) {
        await new Promise((resolve) => setTimeout(resolve, PACE_MS));
        samples.push(await probe.edit(uri, i + 2, { line: at.line, character: at.character + i }, 'x'));
      }
    } finally {
      await probe.stop();
    }
    const keystroke = { workload: w.id, edits, latency: summarise(samples) };
    log(`  VS Code's server, keystroke at ${w.id}: p50 ${keystroke.latency.median.toFixed(1)} ms, p95 ${keystroke.latency.p95.toFixed(1)} ms`);
    return { server, open, keystroke };
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  runVscodeServer(buildWorkloads(), (l) => process.stderr.write(l + '\n')).then((r) => {
    process.stdout.write(JSON.stringify({ loadAverage: os.loadavg(), ...r }, null, 2) + '\n');
  });
}
