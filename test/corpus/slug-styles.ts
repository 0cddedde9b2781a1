/**
 * `node --import tsx test/corpus/slug-styles.ts`: for every corpus file with anchor links
 * (../shared/corpus, read in place), how many of its `#` links land on a heading under each slug style,
 * next to the `underRule` counts of anchor-report.json (made by the corpus's own approximations of those
 * generators). A sanity check, not a test: the links were written for GitHub, so other styles resolve
 * fewer, and where a count differs from the report's it is worth looking at why. Prints a table.
 */
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { createLanguageService, defaultConfig, slugStyles } from '../../server/src/service';
import { corpusDir, loadCorpusReport } from './corpusReport';

interface FileReport {
  file: string;
  anchorLinks: number;
  underRule?: Record<string, number>;
}

// Our style -> the report's rule of the same generator (gitlab and hugo have none there).
const REPORT_RULE: Record<string, string> = {
  github: 'github',
  vuepress: 'vuepress/vitepress',
  hexo: 'hexo (case kept)',
  jekyll: 'kramdown (non-GFM)',
  mkdocs: 'python-markdown',
};

const corpus = corpusDir;
const reports = loadCorpusReport<FileReport>();
const services = slugStyles.map((style) => ({
  id: style.id,
  service: createLanguageService({ getConfig: () => ({ ...defaultConfig, slugStyle: style.id }) }),
}));

const totals = new Map<string, { ours: number; report: number }>();
console.log(`| file | links | ${services.map((s) => s.id + (REPORT_RULE[s.id] ? ' (report)' : '')).join(' | ')} |`);
console.log(`|---|---:|${services.map(() => '---:').join('|')}|`);
for (const report of reports) {
  if (!report.anchorLinks) continue;
  const text = fs.readFileSync(path.join(corpus, report.file), 'utf8');
  const uri = pathToFileURL(path.join(corpus, report.file)).href;
  const cells = services.map(({ id, service }) => {
    const model = service.getModel({ uri, version: 1, getText: () => text });
    const ids = new Set(model.headings.map((h) => h.slug));
    const ours = model.links.filter((l) => l.fragment && ids.has(l.fragment)).length;
    const theirs = REPORT_RULE[id] ? report.underRule?.[REPORT_RULE[id]] : undefined;
    const t = totals.get(id) ?? { ours: 0, report: 0 };
    totals.set(id, { ours: t.ours + ours, report: t.report + (theirs ?? 0) });
    return theirs === undefined ? String(ours) : `${ours} (${theirs})`;
  });
  console.log(`| ${report.file} | ${report.anchorLinks} | ${cells.join(' | ')} |`);
}
console.log(`| total | | ${services.map(({ id }) => (REPORT_RULE[id] ? `${totals.get(id)!.ours} (${totals.get(id)!.report})` : String(totals.get(id)!.ours))).join(' | ')} |`);
