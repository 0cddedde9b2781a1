import * as fs from 'fs';
import * as path from 'path';

/** ../shared/corpus beside the project: real Markdown of public repositories, read in place, never copied. */
export const corpusDir = path.resolve(__dirname, '../../../shared/corpus');

/** The corpus's anchor-report.json; a clone without ../shared says so and exits 0 (nothing to check). */
export function loadCorpusReport<T>(): T[] {
  const reportFile = path.join(corpusDir, 'anchor-report.json');
  if (!fs.existsSync(reportFile)) {
    console.log(`no corpus at ${corpusDir}: skipped`);
    process.exit(0);
  }
  return JSON.parse(fs.readFileSync(reportFile, 'utf8'));
}
