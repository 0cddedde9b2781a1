/**
 * paper-repeat over the 1,000-issue workspace of bench/index.ts: the time to build the identity catalog
 * from the index, and the time per keystroke of a full check of an open issue with paper-repeat on and
 * off (the difference is what the rule costs). Two workspaces: every copy keeps the sample's links (each
 * identity in 1,000 issues: the worst case for a look-up), and every copy with its own arXiv ids and
 * repositories (the usual case: a repeat now and then). Run alone:
 *   node --import tsx bench/paperRepeat.ts [issues]
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createLanguageService } from '../server/src/service/languageService';
import { WorkspaceIndex } from '../server/src/service/indexing/workspaceIndex';
import { defaultConfig, defaultPresets } from '../server/src/service/config/weeklyConfig';
import { catalogOfIndex } from '../server/src/service/paperRepeat/issueCatalog';
import { githubSlugStyle } from '../server/src/service/slug/github';
import { fsWorkspace } from '../server/src/node/fsWorkspace';
import { summarise } from './measure';
import { generateWorkspace } from './index';

async function measure(count: number, ownLinks: boolean): Promise<Record<string, number>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'weekly-repeat-bench-'));
  try {
    const files = generateWorkspace(dir, count);
    if (ownLinks) {
      files.forEach((file, k) => {
        const text = fs.readFileSync(file, 'utf8')
          .replace(/(\d{4}\.)(\d{5})/g, (_, head: string, tail: string) => `${head}${String((Number(tail) + k * 7919) % 100000).padStart(5, '0')}`)
          .replace(/github\.com\/([\w.-]+)\/([\w.-]+)/g, (_, owner: string, repo: string) => `github.com/${owner}/${repo}-${k}`);
        fs.writeFileSync(file, text);
      });
    }
    const index = new WorkspaceIndex({ workspace: fsWorkspace, roots: () => [dir], exclude: () => [], slugStyle: () => githubSlugStyle, presets: () => defaultPresets });
    let t0 = performance.now();
    await index.build();
    const indexBuildMs = performance.now() - t0;
    const catalog = catalogOfIndex(index);
    t0 = performance.now();
    const identities = catalog.size; // the first question builds the catalog
    const catalogBuildMs = performance.now() - t0;

    const uri = pathToFileURL(files[files.length - 1]).href;
    const text = fs.readFileSync(files[files.length - 1], 'utf8');
    const at = text.indexOf('**概要**：') + 8;
    const keystrokes = async (rule: 'warning' | 'off') => {
      const config = { ...defaultConfig, severity: { ...defaultConfig.severity, 'paper-repeat': rule } };
      const service = createLanguageService({ workspaceIndex: index, getConfig: () => config });
      let current = text;
      const samples: number[] = [];
      let repeats = 0;
      for (let i = 0; i < 220; i++) {
        current = current.slice(0, at + i) + 'x' + current.slice(at + i);
        const doc = { uri, version: i + 1, getText: () => current };
        const s = performance.now();
        // As the server does on a keystroke: the open document's entry, then its findings.
        index.setOpenDocument(uri, service.getModel(doc));
        repeats = service.getFindings(doc).filter((f) => f.code === 'paper-repeat').length;
        if (i >= 20) samples.push(performance.now() - s);
      }
      await index.closeDocument(uri);
      return { ...summarise(samples), repeats };
    };
    const on = await keystrokes('warning');
    const off = await keystrokes('off');
    return {
      issues: files.length,
      identities,
      indexBuildMs,
      catalogBuildMs,
      repeatsFound: on.repeats,
      keystrokeOnMedianMs: on.median,
      keystrokeOnP95Ms: on.p95,
      keystrokeOffMedianMs: off.median,
      keystrokeOffP95Ms: off.p95,
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchPaperRepeat(count = 1000): Promise<Record<string, number>> {
  const shared = await measure(count, false);
  const own = await measure(count, true);
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(shared)) out[`sharedLinks.${k}`] = v;
  for (const [k, v] of Object.entries(own)) out[`ownLinks.${k}`] = v;
  return out;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const count = Number(process.argv[2] ?? 1000);
  benchPaperRepeat(count).then((r) => process.stdout.write(JSON.stringify(r, null, 2) + '\n'));
}
