/**
 * One contender of the full-check table in a process of its own (bench/fullCheck.ts starts it): warm-up
 * runs, then timed runs of one tool on one workload, printed as JSON on stdout. Alone in its process, a
 * tool's times carry neither another tool's garbage nor another tool's type feedback in the parser
 * module they share (markdown-it).
 *   node --import tsx bench/fullCheckWorker.ts <contender id> <workload id> <runs> <warm-up runs>
 */
import { createLanguageService, type WeeklyLanguageService } from '../server/src/service';
import { anchorTools } from './anchors';
import { buildWorkloads } from './workloads';

export interface WorkerResult {
  wall: number[];
  cpu: number[];
  problems: number;
}

const URI = 'file:///bench/issue.md';
const WARM_UP_MS = 1500;

/** `prepare` runs before each run, off the clock; `run` does one full check and returns the problems it reported. */
interface Contender {
  prepare?: () => void;
  run: () => number | Promise<number>;
}

function contender(id: string, text: string): Contender {
  if (id === 'ours-cold') {
    // A fresh service (an empty section cache) for every run, made before the clock starts.
    let service: WeeklyLanguageService = createLanguageService();
    return {
      prepare: () => {
        service = createLanguageService();
      },
      run: () => service.computeDiagnostics({ uri: URI, version: 1, getText: () => text }).length,
    };
  }
  if (id === 'ours-warm') {
    // The same text re-checked as a new version on a service that has seen it.
    const service = createLanguageService();
    let version = 1;
    service.computeDiagnostics({ uri: URI, version, getText: () => text });
    return { run: () => service.computeDiagnostics({ uri: URI, version: ++version, getText: () => text }).length };
  }
  const tool = anchorTools().find((t) => t.id === id);
  if (!tool) throw new Error(`no contender ${id}`);
  return { run: () => tool.check(text) };
}

async function main(): Promise<void> {
  const [id, workloadId, runs, warmup] = process.argv.slice(2);
  const w = buildWorkloads().find((x) => x.id === workloadId);
  if (!w) throw new Error(`no workload ${workloadId}`);
  const c = contender(id, w.text);
  const out: WorkerResult = { wall: [], cpu: [], problems: 0 };
  // Warm-up: the runs asked for, and more while they took under WARM_UP_MS (up to 100): a fast tool's
  // functions need many calls before V8 optimizes them, a slow tool's a few (its loops run long).
  const warmStart = performance.now();
  for (let i = 0; i < Number(warmup) || (performance.now() - warmStart < WARM_UP_MS && i < 100); i++) {
    c.prepare?.();
    out.problems = await c.run();
  }
  for (let i = 0; i < Number(runs); i++) {
    c.prepare?.();
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    out.problems = await c.run();
    const elapsed = performance.now() - t0;
    const used = process.cpuUsage(c0);
    out.wall.push(elapsed);
    out.cpu.push((used.user + used.system) / 1000);
  }
  process.stdout.write(JSON.stringify(out) + '\n');
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  main().catch((err: Error) => {
    process.stderr.write(`${err.stack ?? err}\n`);
    process.exit(1);
  });
}
