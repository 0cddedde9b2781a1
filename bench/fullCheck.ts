/**
 * Full-document checks, side by side in this one process on the same workloads: every anchor tool, and
 * ours both cold (a fresh service, so an empty section cache: every section parsed) and warm (the same
 * text re-checked as a new version on a service that has seen it: what the section cache buys on edits
 * that leave most sections as they were).
 */
import { createLanguageService, type WeeklyLanguageService } from '../server/src/service';
import { anchorTools, type Tool } from './anchors';
import { time, type Timing } from './measure';
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

/** Repetitions by size: enough for a stable median, few enough that the ×200 runs stay within minutes. */
function plan(w: Workload): { runs: number; warmup: number } {
  if (w.chars < 20_000) return { runs: 30, warmup: 10 };
  if (w.chars < 300_000) return { runs: 5, warmup: 1 };
  return { runs: 3, warmup: 1 };
}

async function timeTool(tool: Tool, w: Workload): Promise<ToolResult> {
  let problems = 0;
  const timing = await time(async () => {
    problems = await tool.check(w.text);
  }, plan(w));
  return { id: tool.id, label: tool.label, problems, timing };
}

const URI = 'file:///bench/issue.md';

async function timeOursCold(w: Workload): Promise<ToolResult> {
  let problems = 0;
  const timing = await time(
    (service: WeeklyLanguageService) => {
      problems = service.computeDiagnostics({ uri: URI, version: 1, getText: () => w.text }).length;
    },
    { ...plan(w), setup: () => createLanguageService() },
  );
  return { id: 'ours-cold', label: 'ours, cold (empty section cache)', problems, timing };
}

async function timeOursWarm(w: Workload): Promise<ToolResult> {
  const service = createLanguageService();
  let version = 1;
  let problems = service.computeDiagnostics({ uri: URI, version, getText: () => w.text }).length;
  const timing = await time(() => {
    problems = service.computeDiagnostics({ uri: URI, version: ++version, getText: () => w.text }).length;
  }, { runs: plan(w).runs * 3, warmup: plan(w).warmup });
  return { id: 'ours-warm', label: 'ours, warm (same text as a new version, sections cached)', problems, timing };
}

export async function runFullChecks(workloads: Workload[], log: (line: string) => void): Promise<FullCheckResult[]> {
  const tools = anchorTools();
  const results: FullCheckResult[] = [];
  for (const w of workloads) {
    const anchors: ToolResult[] = [];
    for (const tool of tools) {
      anchors.push(await timeTool(tool, w));
      log(`  ${w.id} ${tool.id}: ${anchors[anchors.length - 1].timing.median.toFixed(2)} ms`);
    }
    const oursCold = await timeOursCold(w);
    log(`  ${w.id} ours cold: ${oursCold.timing.median.toFixed(2)} ms`);
    const oursWarm = await timeOursWarm(w);
    log(`  ${w.id} ours warm: ${oursWarm.timing.median.toFixed(2)} ms`);
    results.push({ workload: w.id, anchors, oursCold, oursWarm });
  }
  return results;
}
