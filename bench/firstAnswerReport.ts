/**
 * Only the first-answer part of `npm run bench` (after `node esbuild.mjs`): open → first diagnostics over
 * LSP for ours and VS Code's Markdown server, and keystrokes at the largest size, printed as its tables.
 *   node --import tsx bench/firstAnswerReport.ts
 */
import * as os from 'node:os';
import { runFirstDiagnostics } from './firstDiagnostics';
import { runKeystrokes } from './keystrokes';
import { firstAnswerTables, firstAnswerTargets } from './reportFirstAnswer';
import { runVscodeServer } from './vscodeServer';
import { buildWorkloads } from './workloads';

async function main(): Promise<void> {
  const log = (line: string) => process.stderr.write(line + '\n');
  const workloads = buildWorkloads();
  const first = await runFirstDiagnostics(workloads, undefined, log).catch((err: Error) => ({ error: err.message }));
  const vscode = await runVscodeServer(workloads, log, 10).catch((err: Error) => ({ error: err.message }));
  const keystrokes = await runKeystrokes([workloads[workloads.length - 1]], 100).catch((err: Error) => ({ error: err.message }));
  const targets = firstAnswerTargets(first, vscode);
  process.stdout.write(
    [
      `load average ${os.loadavg().map((l) => l.toFixed(1)).join(' / ')} at the end`,
      '',
      ...firstAnswerTables(workloads.map((w) => w.id), first, vscode, keystrokes),
      '',
      '| measure | result | target | met |',
      '|---|---|---|---|',
      ...targets.map((c) => `| ${c.join(' | ')} |`),
    ].join('\n') + '\n',
  );
}

void main();
