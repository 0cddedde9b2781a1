/** Turns the bench results into the Markdown tables printed by `npm run bench` (and shown in the README). */
import type { Extra, VsixResult } from './extras';
import type { FullCheckResult } from './fullCheck';
import { PACE_MS, type ServerRun } from './keystrokes';
import { ms, ratio } from './measure';
import { formatSize, type Workload } from './workloads';
import type { FirstDiagnosticsResult } from './firstDiagnostics';
import type { VscodeServerResult } from './vscodeServer';
import { firstAnswerTables, firstAnswerTargets, type Failed } from './reportFirstAnswer';

export interface BenchResults {
  date: string;
  machine: { node: string; cpus: number; cpuModel: string; platform: string; loadAverage: number[] };
  workloads: Array<Omit<Workload, 'text'>>;
  fullCheck: FullCheckResult[];
  server: ServerRun | { error: string };
  firstDiagnostics: FirstDiagnosticsResult | Failed;
  vscodeServer: VscodeServerResult | Failed;
  index: Extra;
  render: Extra;
  links?: Extra;
  paperRepeat?: Extra;
  archive?: Extra;
  vsix: VsixResult;
}


function fullCheckTable(r: BenchResults): string[] {
  const sizes = r.workloads.map((w) => `${w.label} (${formatSize(w as Workload)})`);
  const lines = [`| full check, median | ${sizes.join(' | ')} |`, `|---|${sizes.map(() => '---:').join('|')}|`];
  const first = r.fullCheck[0];
  for (let t = 0; t < first.anchors.length; t++) {
    const cells = r.fullCheck.map((fc) => {
      const a = fc.anchors[t];
      const flag = a.problems ? ` [${a.problems} reported]` : '';
      return `${ms(a.timing.median)} (${ratio(a.timing.median, fc.oursCold.timing.median)} · ${ratio(a.timing.median, fc.oursWarm.timing.median)})${flag}`;
    });
    lines.push(`| ${first.anchors[t].label} | ${cells.join(' | ')} |`);
  }
  for (const key of ['oursCold', 'oursWarm'] as const) {
    const cells = r.fullCheck.map((fc) => `**${ms(fc[key].timing.median)}**${fc[key].problems ? ` [${fc[key].problems} reported]` : ''}`);
    lines.push(`| **${first[key].label}** | ${cells.join(' | ')} |`);
  }
  return lines;
}

/** The same runs by this process's CPU time: what the wall clock shows on a machine nobody else is using. */
function cpuTable(r: BenchResults): string[] {
  const lines = [`| full check, CPU time of the median run | ${r.workloads.map((w) => w.id).join(' | ')} |`, `|---|${r.workloads.map(() => '---:').join('|')}|`];
  const row = (label: string, pick: (fc: FullCheckResult) => { timing: { cpuMedian?: number } }) =>
    lines.push(`| ${label} | ${r.fullCheck.map((fc) => ms(pick(fc).timing.cpuMedian)).join(' | ')} |`);
  r.fullCheck[0].anchors.forEach((a, t) => row(a.label, (fc) => fc.anchors[t]));
  row('ours, cold', (fc) => fc.oursCold);
  row('ours, warm', (fc) => fc.oursWarm);
  return lines;
}

function extraValue(e: Extra, key: RegExp): number | undefined {
  if (e.status !== 'ok') return undefined;
  const hit = Object.entries(e.figures).find(([k, v]) => key.test(k) && typeof v === 'number');
  return hit ? (hit[1] as number) : undefined;
}

function extraCell(e: Extra, key: RegExp, format = ms): string {
  if (e.status !== 'ok') return e.status === 'failed' ? `failed: ${e.error}` : e.status;
  const v = extraValue(e, key);
  return v === undefined ? `ran, no ${key.source} figure` : format(v);
}

const met = (ok: boolean | undefined) => (ok === undefined ? '–' : ok ? 'yes' : '**no**');

function targetsTable(r: BenchResults): string[] {
  const rows: string[][] = [];
  const wl = (id: string) => r.workloads.find((w) => w.id === id)!;
  for (const fc of r.fullCheck) {
    const fastest = Math.min(...fc.anchors.map((a) => a.timing.median));
    const cold = fastest / fc.oursCold.timing.median;
    const warm = fastest / fc.oursWarm.timing.median;
    rows.push([
      `full check vs the fastest anchor, ${wl(fc.workload).label}`,
      `${ratio(fastest, fc.oursCold.timing.median)} cold · ${ratio(fastest, fc.oursWarm.timing.median)} warm`,
      '≥ 3× faster',
      `cold ${met(cold >= 3)} · warm ${met(warm >= 3)}`,
    ]);
  }
  if ('error' in r.server) {
    rows.push(['keystroke → diagnostics over LSP', `failed: ${r.server.error}`, '', '**no**']);
  } else {
    for (const k of r.server.results) {
      const limit = k.workload === 'sample' ? 10 : 20;
      rows.push([
        `keystroke → diagnostics over LSP, ${wl(k.workload).label} (${k.edits} edits, ${PACE_MS} ms apart)`,
        `p50 ${ms(k.latency.median)} · p95 ${ms(k.latency.p95)}`,
        `p95 ≤ ${limit} ms`,
        met(k.latency.p95 <= limit),
      ]);
    }
    for (const k of r.server.results) rows.push([`open → first diagnostics over LSP, ${wl(k.workload).label}`, ms(k.openMs), '', '']);
    const rss = r.server.peakRssMb;
    rows.push(['server peak RSS (VmHWM)', rss === undefined ? 'unknown' : `${Math.round(rss)} MB`, '≤ 200 MB', met(rss === undefined ? undefined : rss <= 200)]);
  }
  rows.push(...firstAnswerTargets(r.firstDiagnostics, r.vscodeServer));
  const indexMs = extraValue(r.index, /index.*ms$/i);
  const completion = extraValue(r.index, /completion.*p95/i);
  const render = extraValue(r.render, /ms$/i);
  rows.push(['workspace index, 1,000 issues, cold', extraCell(r.index, /index.*ms$/i), '≤ 1.5 s', met(indexMs === undefined ? undefined : indexMs <= 1500)]);
  rows.push(['tag completion p95', extraCell(r.index, /completion.*p95/i), '≤ 5 ms', met(completion === undefined ? undefined : completion <= 5)]);
  rows.push(['preview render of the sample', extraCell(r.render, /ms$/i), '≤ 50 ms', met(render === undefined ? undefined : render <= 50)]);
  if (r.links?.status === 'ok') {
    const f = r.links.figures as Record<string, number>;
    rows.push([`link check, ${f.links} links on ${f.hosts} local hosts, first run`, `${ms(f.firstRunMs)}, ${f.firstRunRequests} requests`, '', '']);
    rows.push(['link check, second run (cache)', `${ms(f.secondRunMs)}, ${f.secondRunRequests} requests`, '0 requests', met(f.secondRunRequests === 0)]);
  }
  if (r.paperRepeat?.status === 'ok') {
    const f = r.paperRepeat.figures as Record<string, number>;
    const cells = Object.entries(f).filter(([k, v]) => typeof v === 'number' && /Ms|ms/.test(k)).map(([k, v]) => `${k} ${ms(v)}`);
    rows.push(['paper-repeat, 1,000 issues', cells.join('; '), '', '']);
  }
  if (r.archive?.status === 'ok') {
    const f = r.archive.figures as Record<string, number>;
    rows.push([`archive views, ${f.issues} issues: the three trees' data, cold`, `${ms(f.treesBuildMs)} (${Math.round(f.payloadKb)} KB over LSP)`, '', '']);
    rows.push(['archive views: one keystroke in a summary / in a heading', `${ms(f.summaryKeystrokeMedianMs)} (${f.summaryKeystrokeNotices} notices) / ${ms(f.headingKeystrokeMedianMs)}`, '', '']);
  }
  const v = r.vsix;
  rows.push(['VSIX size', v.status === 'ok' ? `${Math.round(v.kb!)} KB` : v.status + (v.error ? `: ${v.error}` : ''), '≤ 600 KB', met(v.kb === undefined ? undefined : v.kb <= 600)]);
  return ['| measure | result | target | met |', '|---|---|---|---|', ...rows.map((c) => `| ${c.join(' | ')} |`)];
}

export function markdownReport(r: BenchResults): string {
  return [
    `Measured ${r.date.slice(0, 10)} on ${r.machine.cpus}× ${r.machine.cpuModel}, Node ${r.machine.node}, each tool in processes of its own, taking turns; ` +
      `load average ${r.machine.loadAverage.map((l) => l.toFixed(1)).join(' / ')} at the end (wall-clock medians; CPU-time medians are in bench/results.json).`,
    'Ratios in brackets: the anchor\'s time ÷ ours cold · ÷ ours warm (above 1× means ours is faster).',
    '',
    ...fullCheckTable(r),
    '',
    ...cpuTable(r),
    '',
    ...firstAnswerTables(r.workloads.map((w) => w.id), r.firstDiagnostics, r.vscodeServer, r.server),
    '',
    ...targetsTable(r),
  ].join('\n');
}
