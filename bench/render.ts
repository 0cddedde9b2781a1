/**
 * The preview render of the sample issue (examples/ai-weekly-sample.md), medians over many runs after a
 * warm-up, for `npm run bench` (contract in bench/extras.ts: figures in keys ending in `Ms`).
 * - renderColdMs: the renderer alone, every section parsed (a fresh render cache), model already built;
 * - documentColdMs: what opening the preview costs: a fresh language service (model, diagnostics) + render;
 * - keystrokeMs: what one keystroke costs the live preview: a one-character edit in a paper section, then
 *   the model, diagnostics and render again with the caches the preview keeps between renders.
 * Each as median wall-clock time (`…Ms`, what the user waits) and median CPU time (`…CpuMs`, the work itself,
 * which other processes on a shared machine do not inflate). Run alone: `node --import tsx bench/render.ts`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createLanguageService } from '../server/src/service';
import { createRenderCache, renderDocument, renderIssue } from '../server/src/service/render';

const SAMPLE = path.join(import.meta.dirname, '..', 'examples', 'ai-weekly-sample.md');

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Median wall-clock and CPU time (user + system) per run; on a shared, loaded machine the CPU figure is the stable one. */
function timeRuns(runs: number, once: (i: number) => void): { wall: number; cpu: number } {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c = process.cpuUsage();
    const t = performance.now();
    once(i);
    wall.push(performance.now() - t);
    const d = process.cpuUsage(c);
    cpu.push((d.user + d.system) / 1000);
  }
  return { wall: median(wall), cpu: median(cpu) };
}

export async function benchRender(runs = 60): Promise<Record<string, number>> {
  const text = fs.readFileSync(SAMPLE, 'utf8');
  const uri = 'file:///bench/ai-weekly-sample.md';
  const model = createLanguageService().getModel({ uri, version: 1, getText: () => text });
  // Warm-up: the JIT, not the caches (each timed run below brings its own cold or warm state).
  for (let i = 0; i < 20; i++) renderIssue(model, { cache: createRenderCache() });

  const renderCold = timeRuns(runs, () => renderIssue(model, { cache: createRenderCache() }));
  const documentCold = timeRuns(runs, () => {
    const service = createLanguageService();
    renderDocument(service, { uri, version: 1, getText: () => text }, { cache: createRenderCache() });
  });

  const service = createLanguageService();
  const cache = createRenderCache();
  renderDocument(service, { uri, version: 0, getText: () => text }, { cache });
  const at = text.indexOf('**概要**：**DreamO**') + 12;
  const keystroke = timeRuns(runs, (i) => {
    // Alternate characters so every run is a new text (nothing cached for the edited section).
    const edited = text.slice(0, at) + String.fromCharCode(0x4e00 + i) + text.slice(at);
    renderDocument(service, { uri, version: i + 1, getText: () => edited }, { cache });
  });
  return {
    renderColdMs: renderCold.wall,
    documentColdMs: documentCold.wall,
    keystrokeMs: keystroke.wall,
    renderColdCpuMs: renderCold.cpu,
    documentColdCpuMs: documentCold.cpu,
    keystrokeCpuMs: keystroke.cpu,
    runs,
    sampleChars: text.length,
  };
}

if (process.argv[1] && path.resolve(process.argv[1]) === import.meta.filename) {
  void benchRender().then((figures) => {
    for (const [k, v] of Object.entries(figures)) console.log(`${k.padEnd(16)} ${Number.isInteger(v) ? v : v.toFixed(2)}`);
  });
}
