/**
 * `npm run bench`: every measurement in one run, written to bench/results.json and printed as Markdown.
 * Benchmarks are not tests: nothing here fails on a slow result; the table says which targets are met.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runOptional, vsixSize } from './extras';
import { runFirstDiagnostics } from './firstDiagnostics';
import { runFullChecks } from './fullCheck';
import { runKeystrokes } from './keystrokes';
import { markdownReport, type BenchResults } from './report';
import { runVscodeServer } from './vscodeServer';
import { buildWorkloads } from './workloads';

async function main(): Promise<void> {
  const log = (line: string) => process.stderr.write(line + '\n');
  const workloads = buildWorkloads();
  log('full checks, side by side…');
  const fullCheck = await runFullChecks(workloads, log);
  log('keystrokes over LSP…');
  const server = await runKeystrokes([workloads[0], workloads[workloads.length - 1]]).catch((err: Error) => ({ error: err.message }));
  log('open → first diagnostics over LSP (small workspace, 1,000 issues, a huge file)…');
  const firstDiagnostics = await runFirstDiagnostics(workloads, undefined, log).catch((err: Error) => ({ error: err.message }));
  log("VS Code's Markdown language server over LSP…");
  const vscodeServer = await runVscodeServer(workloads, log, 10).catch((err: Error) => ({ error: err.message }));
  log('workspace index, preview, VSIX…');
  const index = await runOptional('index.ts');
  const render = await runOptional('render.ts');
  log('link checker over 1,000 local links…');
  const links = await runOptional('links.ts');
  log('paper-repeat over 1,000 issues…');
  const paperRepeat = await runOptional('paperRepeat.ts');
  log('archive views over 1,000 issues…');
  const archive = await runOptional('archive.ts');
  const vsix = vsixSize();
  const cpu = os.cpus()[0];
  const results: BenchResults = {
    date: new Date().toISOString(),
    machine: { node: process.version, cpus: os.cpus().length, cpuModel: cpu?.model.trim() ?? 'unknown', platform: `${os.platform()} ${os.arch()}`, loadAverage: os.loadavg() },
    workloads: workloads.map(({ text: _text, ...w }) => w),
    fullCheck,
    server,
    firstDiagnostics,
    vscodeServer,
    index,
    render,
    links,
    paperRepeat,
    archive,
    vsix,
  };
  fs.writeFileSync(path.join(import.meta.dirname, 'results.json'), JSON.stringify(results, null, 2) + '\n');
  process.stdout.write(markdownReport(results) + '\n');
}

main().catch((err) => {
  process.stderr.write(`bench failed: ${(err as Error).stack ?? err}\n`);
  process.exitCode = 1;
});
