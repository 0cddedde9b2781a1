/**
 * The archive views over the 1,000-issue workspace of bench/index.ts (issue 18): building the three trees'
 * data from the index (cold), its size as sent over LSP, the tag trends and their SVG, and one keystroke in
 * an open issue: the index update plus the archive's check of what changed, for a summary keystroke (the
 * views do not change: no notice, no rebuild) and for a heading keystroke (the data is made again).
 * Run alone:
 *   node --import tsx bench/archive.ts [issues]
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createLanguageService } from '../server/src/service/languageService';
import { WorkspaceIndex } from '../server/src/service/indexing/workspaceIndex';
import { defaultPresets } from '../server/src/service/config/weeklyConfig';
import { githubSlugStyle } from '../server/src/service/slug/github';
import { fsWorkspace } from '../server/src/node/fsWorkspace';
import { ArchiveIndex } from '../server/src/service/archive/archiveIndex';
import { tagTrends } from '../server/src/service/archive/tagTrends';
import { trendChartSvg } from '../server/src/service/archive/trendChart';
import { summarise } from './measure';
import { generateWorkspace } from './index';

export async function benchArchive(count = 1000): Promise<Record<string, number>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'weekly-archive-bench-'));
  try {
    const files = generateWorkspace(dir, count);
    const index = new WorkspaceIndex({ workspace: fsWorkspace, roots: () => [dir], exclude: () => [], slugStyle: () => githubSlugStyle, presets: () => defaultPresets });
    await index.build();
    const archive = new ArchiveIndex(() => index.all(), () => index.generation);
    let t0 = performance.now();
    const data = archive.data();
    const treesBuildMs = performance.now() - t0;
    t0 = performance.now();
    const payload = JSON.stringify(data);
    const serializeMs = performance.now() - t0;
    t0 = performance.now();
    const svg = trendChartSvg(tagTrends(data, { top: 10, by: 'month' }));
    const trendsMs = performance.now() - t0;

    const file = files[files.length - 1];
    const uri = pathToFileURL(file).href;
    const text = fs.readFileSync(file, 'utf8');
    const service = createLanguageService({ workspaceIndex: index });
    const keystrokes = (at: number, label: string) => {
      let current = text;
      const samples: number[] = [];
      let notices = 0;
      for (let i = 0; i < 120; i++) {
        current = current.slice(0, at + i) + label + current.slice(at + i);
        const doc = { uri, version: i + 1, getText: () => current };
        const model = service.getModel(doc); // the model is the diagnostics' cost, built anyway: not timed
        const s = performance.now();
        // As the server does after a pause in typing: the open document's entry, then the archive's check.
        index.setOpenDocument(uri, model);
        if (archive.refresh().length > 0) {
          notices++;
          archive.data();
        }
        if (i >= 20) samples.push(performance.now() - s);
      }
      return { ...summarise(samples), notices };
    };
    const summary = keystrokes(text.indexOf('**概要**：') + 8, 'x');
    await index.closeDocument(uri);
    const heading = keystrokes(text.indexOf('\n## ', text.indexOf('## 目录') + 5) + 4, 'y');
    await index.closeDocument(uri);
    return {
      issues: data.issues.length,
      papers: data.papers.length,
      tags: data.tags.length,
      treesBuildMs,
      payloadKb: Buffer.byteLength(payload) / 1024,
      serializeMs,
      trendsSvgMs: trendsMs,
      svgKb: Buffer.byteLength(svg) / 1024,
      summaryKeystrokeMedianMs: summary.median,
      summaryKeystrokeP95Ms: summary.p95,
      summaryKeystrokeNotices: summary.notices,
      headingKeystrokeMedianMs: heading.median,
      headingKeystrokeP95Ms: heading.p95,
      headingKeystrokeNotices: heading.notices,
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const count = Number(process.argv[2] ?? 1000);
  benchArchive(count).then((r) => process.stdout.write(JSON.stringify(r, null, 2) + '\n'));
}
