/** The bench's first-answer tables: open → first diagnostics over LSP, ours beside VS Code's Markdown server. */
import { SMALL_RUNS, type FirstDiagnosticsResult, type OpenResult } from './firstDiagnostics';
import type { ServerRun } from './keystrokes';
import { ms, ratio } from './measure';
import type { VscodeServerResult } from './vscodeServer';

export type Failed = { error: string };
const failed = (x: unknown): x is Failed => typeof x === 'object' && x !== null && 'error' in x;

const withCpu = (wall: number, cpu?: number) => (cpu === undefined ? ms(wall) : `${ms(wall)} (CPU ${ms(cpu)})`);

export function firstAnswerTables(
  workloadIds: string[],
  first: FirstDiagnosticsResult | Failed,
  vscode: VscodeServerResult | Failed,
  keystrokes: ServerRun | Failed,
): string[] {
  const header = [`| open → first diagnostics over LSP, never-seen document, fresh server | ${workloadIds.join(' | ')} |`, `|---|${workloadIds.map(() => '---:').join('|')}|`];
  const lines = [...header];
  const row = (label: string, cell: (id: string) => string) => lines.push(`| ${label} | ${workloadIds.map(cell).join(' | ')} |`);
  const vsOpen = (id: string) => (failed(vscode) ? undefined : vscode.open.find((o) => o.workload === id));
  if (failed(vscode)) lines.push(`| VS Code's Markdown server | failed: ${vscode.error} |`);
  else row(`VS Code's Markdown server (small workspace, median of ${SMALL_RUNS} fresh servers, Node ${vscode.server.nodeVersion})`, (id) => withCpu(vsOpen(id)!.ms, vsOpen(id)!.cpuMs));
  if (failed(first)) {
    lines.push(`| ours | failed: ${first.error} |`);
    return lines;
  }
  const ours = (rows: OpenResult[], pick: (r: OpenResult) => [number | undefined, number | undefined], compare: boolean) => (id: string) => {
    const r = rows.find((x) => x.workload === id);
    if (!r) return '–';
    const [wall, cpu] = pick(r);
    if (wall === undefined) return '–';
    const anchor = vsOpen(id);
    const before = r.beforeIndexEnd === undefined ? '' : r.beforeIndexEnd ? ', before the index' : ', **after** the index';
    return `${withCpu(wall, cpu)}${compare && anchor ? ` ${ratio(anchor.ms, wall)}` : ''}${before}`;
  };
  row(`**ours**, small workspace, median of ${SMALL_RUNS} fresh servers (ratio: VS Code's ÷ ours)`, ours(first.small, (r) => [r.ms, r.cpuMs], true));
  row('ours, 1,000 issues, opened right after `initialized` (index building)', ours(first.workspace1000, (r) => [r.ms, r.cpuMs], false));
  row('ours, 1,000 issues, another document once the index is built', ours(first.workspace1000.map((r) => ({ ...r, beforeIndexEnd: undefined })), (r) => [r.afterIndexMs, r.afterIndexCpuMs], false));
  row(`ours, folder with a ${first.hugeFileMb ?? '?'} MB Markdown file, at start-up`, ours(first.hugeFile, (r) => [r.ms, r.cpuMs], false));
  const index = first.workspace1000.find((r) => r.indexMs !== undefined);
  if (index) lines.push('', `1,000 issues: \`initialized\` → the index's progress ended in ${ms(index.indexMs)} (while the first document was checked).`);
  if (first.hugeFileLog?.length) lines.push(`With the huge file, the server logged: ${first.hugeFileLog.map((l) => `\`${l}\``).join('; ')}.`);

  lines.push('', '| keystroke → diagnostics at the largest size, over LSP | p50 | p95 |', '|---|---:|---:|');
  if (!failed(vscode)) lines.push(`| VS Code's Markdown server (${vscode.keystroke.edits} edits) | ${ms(vscode.keystroke.latency.median)} | ${ms(vscode.keystroke.latency.p95)} |`);
  if (!failed(keystrokes)) {
    const last = keystrokes.results[keystrokes.results.length - 1];
    if (last) lines.push(`| **ours** (${last.edits} edits) | ${ms(last.latency.median)} | ${ms(last.latency.p95)} |`);
  }
  return lines;
}

/** Target rows for the targets table: [measure, result, target, met]. */
export function firstAnswerTargets(first: FirstDiagnosticsResult | Failed, vscode: VscodeServerResult | Failed): string[][] {
  if (failed(first)) return [['open → first diagnostics over LSP', `failed: ${first.error}`, '', '**no**']];
  const met = (ok: boolean) => (ok ? 'yes' : '**no**');
  const rows: string[][] = [];
  const all = [...first.small, ...first.workspace1000, ...first.hugeFile];
  const worst = (id: string) => Math.max(...all.filter((r) => r.workload === id).flatMap((r) => [r.ms, r.afterIndexMs ?? 0]));
  const limits: Record<string, number> = { sample: 20, x200: 150 };
  for (const [id, limit] of Object.entries(limits)) {
    const w = worst(id);
    if (Number.isFinite(w)) rows.push([`open → first diagnostics, ${id}, worst of all workspaces`, ms(w), `≤ ${limit} ms`, met(w <= limit)]);
  }
  const beforeIndex = first.workspace1000.every((r) => r.beforeIndexEnd !== false);
  rows.push(['first diagnostics before the index build ends (1,000 issues)', beforeIndex ? 'yes' : 'no', 'yes', met(beforeIndex)]);
  if (!failed(vscode)) {
    for (const o of vscode.open) {
      const ours = first.small.find((r) => r.workload === o.workload);
      if (ours) rows.push([`open → diagnostics vs VS Code's Markdown server, ${o.workload}`, ratio(o.ms, ours.ms), '≥ 3× faster', met(o.ms / ours.ms >= 3)]);
    }
  }
  return rows;
}
