/**
 * Full-document checks, side by side in one run on the same workloads: every anchor tool, and
 * ours both cold (a fresh service, so an empty section cache: every section parsed) and warm (the same
 * text re-checked as a new version on a service that has seen it: what the section cache buys on edits
 * that leave most sections as they were). Each runs in processes of its own, taking turns (see ROUNDS).
 */
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { anchorTools } from './anchors';
import type { WorkerResult } from './fullCheckWorker';
import { summarise, type Timing } from './measure';
import type { Workload } from './workloads';

export interface ToolResult {
  id: string;
  label: string;
  /** Problems the tool reported on the workload (the workloads are clean: 0 expected). */
  problems: number;
  timing: Timing;
}

export interface FullCheckResult {
  workload: string;
  anchors: ToolResult[];
  oursCold: ToolResult;
  oursWarm: ToolResult;
}

/** Timed runs by size (split over the rounds) and the fewest warm-up runs per process (fullCheckWorker.ts adds more for fast tools). */
function plan(w: Workload): { runs: number; warmup: number } {
  if (w.chars < 20_000) return { runs: 30, warmup: 10 };
  if (w.chars < 300_000) return { runs: 9, warmup: 1 };
  return { runs: 6, warmup: 1 };
}

const WORKER = path.join(import.meta.dirname, 'fullCheckWorker.ts');

/** The contenders' ids and labels, in table order: the anchors, then ours cold and warm. */
function contenders(): Array<{ id: string; label: string }> {
  return [
    ...anchorTools().map((t) => ({ id: t.id, label: t.label })),
    { id: 'ours-cold', label: 'ours, cold (empty section cache)' },
    { id: 'ours-warm', label: 'ours, warm (same text as a new version, sections cached)' },
  ];
}

/** One block of runs of one contender on one workload, in a fresh process (bench/fullCheckWorker.ts). */
function runWorker(id: string, workload: string, runs: number, warmup: number): WorkerResult {
  const result = spawnSync(process.execPath, ['--import', 'tsx', WORKER, id, workload, String(runs), String(warmup)], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`${id} on ${workload}: ${(result.stderr || '').trim().split('\n')[0]}`);
  return JSON.parse(result.stdout.trim().split('\n').pop()!) as WorkerResult;
}

/**
 * Each contender runs in processes of its own, `ROUNDS` blocks each, and the blocks take turns: in round
 * k the order is rotated by k. Alone in a process, a tool pays for its own garbage and JIT only (in one
 * shared process, whoever ran after remark paid for remark's garbage); taking turns, a machine that
 * speeds up or slows down during the run (this one drifts by up to 2×) shifts every tool alike, so the
 * ratios hold. The medians are of all timed runs of all blocks.
 */
const ROUNDS = 3;

export async function runFullChecks(workloads: Workload[], log: (line: string) => void): Promise<FullCheckResult[]> {
  const all = contenders();
  const results: FullCheckResult[] = [];
  for (const w of workloads) {
    const { runs, warmup } = plan(w);
    const perBlock = Math.max(1, Math.ceil(runs / ROUNDS));
    const samples = all.map(() => ({ wall: [] as number[], cpu: [] as number[], problems: 0 }));
    for (let round = 0; round < ROUNDS; round++) {
      for (let k = 0; k < all.length; k++) {
        const i = (k + round) % all.length;
        const r = runWorker(all[i].id, w.id, perBlock, warmup);
        samples[i].wall.push(...r.wall);
        samples[i].cpu.push(...r.cpu);
        samples[i].problems = r.problems;
      }
    }
    const timed: ToolResult[] = all.map((c, i) => ({
      id: c.id,
      label: c.label,
      problems: samples[i].problems,
      timing: { ...summarise(samples[i].wall), cpuMedian: summarise(samples[i].cpu).median },
    }));
    for (const r of timed) log(`  ${w.id} ${r.id}: ${r.timing.median.toFixed(2)} ms`);
    results.push({ workload: w.id, anchors: timed.slice(0, -2), oursCold: timed[timed.length - 2], oursWarm: timed[timed.length - 1] });
  }
  return results;
}
