/**
 * `npm run corpus`: checks the anchor rules against ../shared/corpus (real Markdown from public
 * repositories, not part of this project) and its anchor-report.json, made with github-slugger.
 * Every broken link must be reported as toc-broken-anchor/broken-anchor, every case-only link as
 * anchor-case, every TOC label that names another heading as toc-text-mismatch, and nothing else.
 * Exits 1 on any difference. Reads the corpus in place; a user's clone without ../shared skips it.
 */
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { createLanguageService } from '../../server/src/service';
import { corpusDir, loadCorpusReport } from './corpusReport';

interface Expected { line: number; href?: string; kind?: string }
interface FileReport {
  file: string;
  anchorLinks: number;
  exact: number;
  caseOnly: Expected[];
  broken: Expected[];
  labelMismatch: Expected[];
}

const corpus = corpusDir;
const reports = loadCorpusReport<FileReport>();
const service = createLanguageService({ fileExists: fs.existsSync });
const ANCHOR_CODES = new Set(['toc-broken-anchor', 'broken-anchor', 'anchor-case', 'toc-text-mismatch']);

let differences = 0;
const totals = { broken: 0, brokenFound: 0, caseOnly: 0, caseFound: 0, mismatch: 0, mismatchFound: 0, falsePositives: 0, links: 0, linksSeen: 0 };
for (const report of reports) {
  const file = path.join(corpus, report.file);
  const text = fs.readFileSync(file, 'utf8');
  const doc = { uri: pathToFileURL(file).href, version: 1, getText: () => text };
  const findings = service.computeDiagnostics(doc).filter((d) => ANCHOR_CODES.has(String(d.code)));
  const model = service.getModel(doc);
  totals.linksSeen += model.links.filter((l) => l.fragment !== undefined && l.fragment !== '').length;
  totals.links += report.anchorLinks;
  const used = new Set<number>();
  const expect = (items: Expected[], codes: string[], label: string) => {
    let found = 0;
    for (const item of items) {
      const i = findings.findIndex((d, k) => !used.has(k) && d.range.start.line + 1 === item.line && codes.includes(String(d.code)));
      if (i >= 0) {
        used.add(i);
        found++;
      } else {
        differences++;
        console.log(`MISSED ${label}: ${report.file}:${item.line} ${item.href ?? ''}`);
      }
    }
    return found;
  };
  totals.broken += report.broken.length;
  totals.brokenFound += expect(report.broken, ['toc-broken-anchor', 'broken-anchor'], 'broken');
  totals.caseOnly += report.caseOnly.length;
  totals.caseFound += expect(report.caseOnly, ['anchor-case'], 'case-only');
  totals.mismatch += report.labelMismatch.length;
  totals.mismatchFound += expect(report.labelMismatch, ['toc-text-mismatch'], 'label≠heading');
  findings.forEach((d, k) => {
    if (used.has(k)) return;
    differences++;
    totals.falsePositives++;
    console.log(`EXTRA ${d.code}: ${report.file}:${d.range.start.line + 1} ${d.message}`);
  });
}
console.log(
  `corpus: ${reports.length} files, ${totals.links} anchor links in the report (${totals.linksSeen} fragment links seen); ` +
    `broken ${totals.brokenFound}/${totals.broken}, case-only ${totals.caseFound}/${totals.caseOnly}, ` +
    `label≠heading ${totals.mismatchFound}/${totals.mismatch}, false positives ${totals.falsePositives}`,
);
process.exit(differences ? 1 : 0);
