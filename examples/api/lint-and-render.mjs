// The weekly-issues library API in a script (see README.txt beside this file):
//   npm install -D weekly-issues && node lint-and-render.mjs path/to/issue.md
// prints the problems of the issue, then writes it as an HTML page beside it.
import { readFileSync, writeFileSync } from 'node:fs';
import { lintText, renderIssue, version } from 'weekly-issues';

const file = process.argv[2] ?? 'issue.md';
const text = readFileSync(file, 'utf8');
const problems = lintText(text, { fileName: file });
for (const p of problems) console.log(`${p.file}:${p.line}:${p.column} ${p.severity} ${p.message} [${p.code}]`);
const page = renderIssue(text, { fileName: file, problems: false });
writeFileSync(file.replace(/\.md$/, '.html'), page.html);
console.log(`weekly-issues ${version}: ${problems.length} problem(s); wrote ${file.replace(/\.md$/, '.html')} ("${page.title}")`);
process.exitCode = problems.some((p) => p.severity === 'error') ? 1 : 0;
