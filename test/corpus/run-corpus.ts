/**
 * `npm run corpus`: checks the anchor rules against ../shared/corpus (real Markdown from public
 * repositories, not part of this project) and its anchor-report.json, made with github-slugger.
 * Every broken link must be reported as toc-broken-anchor/broken-anchor, every case-only link as
 * anchor-case, every TOC label that names another heading as toc-text-mismatch, and nothing else.
 * No corpus file is an issue of this newsletter's format (none has its papers' fields), so none may get a
 * structure finding (a rule of scope 'issue': toc-missing-entry, ref-*, paper-*, tag-*, summary-draft…).
 * Exits 1 on any difference. Reads the corpus in place; a user's clone without ../shared skips it.
 */
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { allRules, createLanguageService } from '../../server/src/service';
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
const STRUCTURE_CODES = new Set(allRules.filter((r) => r.scope === 'issue').map((r) => r.code));
const structure = { findings: 0, files: 0, issues: 0 };
/** emphasis-unrendered (scope 'any') on the corpus: counted and listed, not held to a number. */
const emphasis: string[] = [];

let differences = 0;
const totals = { broken: 0, brokenFound: 0, caseOnly: 0, caseFound: 0, mismatch: 0, mismatchFound: 0, falsePositives: 0, links: 0, linksSeen: 0 };
for (const report of reports) {
  const file = path.join(corpus, report.file);
  const text = fs.readFileSync(file, 'utf8');
  const doc = { uri: pathToFileURL(file).href, version: 1, getText: () => text };
  const all = service.computeDiagnostics(doc);
  const findings = all.filter((d) => ANCHOR_CODES.has(String(d.code)));
  const model = service.getModel(doc);
  const structural = all.filter((d) => STRUCTURE_CODES.has(String(d.code)));
  if (service.isIssue(doc)) structure.issues++;
  if (structural.length) {
    structure.files++;
    structure.findings += structural.length;
    differences += structural.length;
    for (const d of structural) console.log(`STRUCTURE ${d.code}: ${report.file}:${d.range.start.line + 1} ${d.message}`);
  }
  for (const d of all) if (d.code === 'emphasis-unrendered') emphasis.push(`${report.file}:${d.range.start.line + 1} ${JSON.stringify(text.split('\n')[d.range.start.line].trim().slice(0, 80))}`);
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
console.log(`structure findings on files that are not issues: ${structure.findings} (${structure.files} files; ${structure.issues} of ${reports.length} files treated as issues)`);
console.log(`emphasis-unrendered: ${emphasis.length}${emphasis.length ? '\n  ' + emphasis.join('\n  ') : ''}`);
process.exit(differences ? 1 : 0);
