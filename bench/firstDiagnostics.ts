/**
 * Open → first diagnostics over LSP stdio, as a user meets it: a fresh server (dist/extension.js), a
 * never-seen document opened right after `initialized`, timed from didOpen to its publishDiagnostics.
 * Workspaces: a small one (one issue), 1,000 issues (bench/index.ts makes them) while the index builds
 * and after it is built (another never-seen document), and a folder that also holds one huge Markdown
 * file (~87 MB). Also says whether the first diagnostics came before the index's work-done progress ended.
 *   node --import tsx bench/firstDiagnostics.ts [small|index|huge ...]   (after `node esbuild.mjs`)
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { generateWorkspace } from './index';
import { LspProbe } from './lspProbe';
import { buildWorkloads, concatenated, loadSample, unseenText, type Workload } from './workloads';

export const SERVER_JS = process.env.BENCH_SERVER_JS ?? path.join(import.meta.dirname, '..', 'dist', 'extension.js');
const EXAMPLES = path.join(import.meta.dirname, '..', 'examples');

export interface OpenResult {
  workload: string;
  /** didOpen → diagnostics of version 1, ms. */
  ms: number;
  /** The CPU time the server's main thread ran meanwhile (Linux), ms: what the wall clock shows on an idle machine, or more if the server works on something else (its index). */
  cpuMs?: number;
  diagnostics: number;
  /** The index's progress had not ended yet when the diagnostics arrived (undefined: no index progress seen). */
  beforeIndexEnd?: boolean;
  /** For the workspaces with an index: ms from `initialized` until the index's progress ended. */
  indexMs?: number;
  /** Spawn → `initialize` answered (start-up, before any document), ms. */
  initializeMs?: number;
  /** After the index was built: a second never-seen document of the same size (wall, server CPU). */
  afterIndexMs?: number;
  afterIndexCpuMs?: number;
}

export interface FirstDiagnosticsResult {
  small: OpenResult[];
  workspace1000: OpenResult[];
  hugeFile: OpenResult[];
  hugeFileMb?: number;
  /** Log lines of the huge-file run that mention the index (what it skipped, how long it took). */
  hugeFileLog?: string[];
}

type Scenario = 'small' | 'index' | 'huge';

/** Fresh servers per workload in the small workspace (and for VS Code's server, bench/vscodeServer.ts). */
export const SMALL_RUNS = 3;

/** The run with the median didOpen → diagnostics time. */
export function medianRun<T extends { ms: number }>(runs: T[]): T {
  return [...runs].sort((a, b) => a.ms - b.ms)[Math.floor(runs.length / 2)];
}

/** One fresh server in `folder`: opens `w` right after `initialized`; with `after`, another text once indexed. */
async function openFresh(folder: string, w: Workload, after: boolean): Promise<OpenResult & { logs: string[] }> {
  const probe = new LspProbe({ command: [process.execPath, ...(process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean), SERVER_JS, '--stdio'], workspaceFolders: [folder], settings: { weekly: {}, 'files.exclude': {} } });
  try {
    const t0 = performance.now();
    await probe.initialize();
    const first = await probe.open(pathToFileURL(path.join(folder, `new-${w.id}.md`)).href, w.text);
    const result: OpenResult = { workload: w.id, ms: first.ms, cpuMs: first.cpuMs, diagnostics: first.diagnostics, initializeMs: probe.initializeMs };
    if (probe.progressBegin !== undefined || after) {
      const ended = await probe.indexed();
      result.beforeIndexEnd = first.at < ended;
      result.indexMs = ended - t0;
    }
    if (after) {
      if (process.env.BENCH_SETTLE_MS) await new Promise((r) => setTimeout(r, Number(process.env.BENCH_SETTLE_MS)));
      const later = await probe.open(pathToFileURL(path.join(folder, `later-${w.id}.md`)).href, unseenText(w, 9_001));
      result.afterIndexMs = later.ms;
      result.afterIndexCpuMs = later.cpuMs;
    }
    return { ...result, logs: probe.logs.map((l) => l.message) };
  } finally {
    await probe.stop();
  }
}

export async function runFirstDiagnostics(
  workloads: Workload[] = buildWorkloads(),
  scenarios: Scenario[] = ['small', 'index', 'huge'],
  log: (line: string) => void = () => undefined,
): Promise<FirstDiagnosticsResult> {
  if (!fs.existsSync(SERVER_JS)) throw new Error(`${SERVER_JS} is missing: run npm run build first`);
  const result: FirstDiagnosticsResult = { small: [], workspace1000: [], hugeFile: [] };
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'weekly-first-diagnostics-'));
  try {
    if (scenarios.includes('small')) {
      // The examples folder: two issues and the sample's image (so image-missing finds nothing).
      const small = path.join(tmp, 'small');
      fs.cpSync(EXAMPLES, small, { recursive: true });
      // The comparison with VS Code's server reads these: the median of SMALL_RUNS fresh servers each (one
      // fresh server is one sample of a machine that drifts; VS Code's server is run as many times).
      for (const w of workloads) {
        const runs: OpenResult[] = [];
        for (let i = 0; i < SMALL_RUNS; i++) runs.push(strip(await openFresh(small, w, false)));
        result.small.push(medianRun(runs));
      }
      log(`  small workspace: ${result.small.map((r) => `${r.workload} ${r.ms.toFixed(1)} ms (CPU ${r.cpuMs?.toFixed(1)})`).join(', ')}`);
    }
    if (scenarios.includes('index')) {
      const big = path.join(tmp, 'issues');
      // BENCH_WORKSPACE_ISSUES: another size (the reliability note measures 10,000).
      const count = Number(process.env.BENCH_WORKSPACE_ISSUES) || 1000;
      generateWorkspace(big, count);
      for (const w of workloads) result.workspace1000.push(strip(await openFresh(big, w, true)));
      log(`  ${count.toLocaleString('en')} issues: ${result.workspace1000.map((r) => `${r.workload} ${r.ms.toFixed(1)} (CPU ${r.cpuMs?.toFixed(1)}) / after ${r.afterIndexMs?.toFixed(1)} (CPU ${r.afterIndexCpuMs?.toFixed(1)}) ms`).join(', ')}`);
    }
    if (scenarios.includes('huge')) {
      const huge = path.join(tmp, 'huge');
      fs.cpSync(EXAMPLES, huge, { recursive: true });
      result.hugeFileMb = writeHugeFile(path.join(huge, 'archive.md'), 87);
      for (const w of workloads) {
        const run = await openFresh(huge, w, true);
        result.hugeFile.push(strip(run));
        result.hugeFileLog ??= run.logs.filter((l) => /^index/.test(l));
      }
      log(`  with a ${result.hugeFileMb} MB file: ${result.hugeFile.map((r) => `${r.workload} ${r.ms.toFixed(1)} ms (CPU ${r.cpuMs?.toFixed(1)})`).join(', ')}`);
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  return result;
}

function strip({ logs: _logs, ...rest }: OpenResult & { logs: string[] }): OpenResult {
  return rest;
}

/** A Markdown file of about `mb` MB: copies of the ×200 workload (an archive nobody should open whole). */
function writeHugeFile(file: string, mb: number): number {
  const chunk = concatenated(loadSample(), 200, 20_000);
  const fd = fs.openSync(file, 'w');
  let bytes = 0;
  try {
    while (bytes < mb * 1024 * 1024) bytes += fs.writeSync(fd, chunk);
  } finally {
    fs.closeSync(fd);
  }
  return Math.round(bytes / 1024 / 1024);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const scenarios = process.argv.slice(2).filter((a): a is Scenario => ['small', 'index', 'huge'].includes(a));
  runFirstDiagnostics(buildWorkloads(), scenarios.length ? scenarios : undefined, (l) => process.stderr.write(l + '\n')).then((r) => {
    process.stdout.write(JSON.stringify({ loadAverage: os.loadavg(), ...r }, null, 2) + '\n');
  });
}
