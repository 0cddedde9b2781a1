/**
 * `npm run stress [-- --count N]`: the language service on many random documents and on pathological
 * inputs. Not a test (no timing assertion anywhere): it prints crashes, the slowest check, the time per
 * KB, and, for each pathological shape, the time at three sizes, so growth can be read (linear ≈ 2× per
 * doubling). Exit code 1 when anything crashed.
 */
import fc from 'fast-check';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { performance } from 'perf_hooks';
import { createLanguageService } from '../../server/src/service';
import { lint } from '../../server/src/cli/lint';
import { mutatedIssueArb, randomMarkdownArb } from '../support/mutations';

const countArg = process.argv.indexOf('--count');
const COUNT = countArg > 0 ? Number(process.argv[countArg + 1]) : 100_000;
const uri = 'file:///stress/issue.md';
let crashes = 0;

/** Everything a keystroke can trigger: diagnostics, fixes, and the providers at one position. */
async function checkAll(text: string, offset: number): Promise<void> {
  const service = createLanguageService();
  const doc = { uri, version: 1, getText: () => text };
  service.computeDiagnostics(doc);
  const end = service.getModel(doc).lines.positionAt(text.length);
  service.getCodeActions(doc, { start: { line: 0, character: 0 }, end });
  service.getFixAllEdits(doc);
  const position = service.getModel(doc).lines.positionAt(offset % (text.length + 1));
  service.getCompletions(doc, position);
  await service.getHover(doc, position);
  service.getDefinition(doc, position);
  service.getReferences(doc, position, true);
  service.prepareRename(doc, position);
  service.getDocumentSymbols(doc);
  service.getFoldingRanges(doc);
  service.getDocumentLinks(doc);
}

async function timed(text: string, offset = 0): Promise<number> {
  const t0 = performance.now();
  try {
    await checkAll(text, offset);
  } catch (err) {
    crashes++;
    console.log(`CRASH on a ${text.length}-char document: ${(err as Error).stack?.split('\n').slice(0, 3).join(' | ')}`);
    fs.writeFileSync(path.join(os.tmpdir(), `weekly-stress-crash-${crashes}.md`), text);
  }
  return performance.now() - t0;
}

async function randomDocuments(): Promise<void> {
  const arb = fc.tuple(fc.oneof(mutatedIssueArb, randomMarkdownArb), fc.nat());
  let slowest = 0;
  let slowestSize = 0;
  let totalMs = 0;
  let totalChars = 0;
  const batch = 1000;
  for (let done = 0; done < COUNT; done += batch) {
    for (const [text, offset] of fc.sample(arb, { numRuns: Math.min(batch, COUNT - done), seed: 7919 + done })) {
      const ms = await timed(text, offset);
      totalMs += ms;
      totalChars += text.length;
      if (ms > slowest) [slowest, slowestSize] = [ms, text.length];
    }
    if ((done / batch) % 10 === 0) process.stdout.write(`  ${done + batch} documents…\n`);
  }
  console.log(`\n| random documents | crashes | slowest check | mean per KB |`);
  console.log(`|---:|---:|---:|---:|`);
  console.log(`| ${COUNT} | ${crashes} | ${slowest.toFixed(1)} ms (${slowestSize} chars) | ${((totalMs / totalChars) * 1024).toFixed(3)} ms |`);
}

const lines = (n: number, line: (i: number) => string) => Array.from({ length: n }, (_, i) => line(i)).join('\n');
const pathological: Array<[string, (n: number) => string, number]> = [
  ['`[` in a row', (n) => '['.repeat(n), 50_000],
  ['nested `>`', (n) => '>'.repeat(n) + ' deep', 10_000],
  ['nested list levels (`- - - …`)', (n) => '- '.repeat(n) + 'deep', 10_000],
  ['nested list levels (indented)', (n) => lines(n, (i) => ' '.repeat(2 * (i % 200)) + '- x'), 10_000],
  ['1 MB single line', (n) => 'word [x](#y) '.repeat(Math.ceil(n / 13)).slice(0, n), 1_000_000],
  ['headings', (n) => lines(n, (i) => `## Heading ${i % 500}\n`), 100_000],
  ['tags', (n) => '# 目录\n\n## 参考链接\n\n## 目录x\n\n**标签**：' + lines(n, (i) => `#标签${i}`).replace(/\n/g, ' '), 100_000],
  ['NUL bytes', (n) => '# a\u0000b\n\n[x](#a\u0000b)\u0000'.repeat(Math.ceil(n / 16)), 100_000],
  ['lone surrogates', (n) => '## \uD800 \uDFFF x\n\n[y](#\uD800)\n'.repeat(Math.ceil(n / 24)), 100_000],
  ['a BOM and mixed CRLF/LF/CR', (n) => '\uFEFF# T\r\n\r\n## 目录\r1. [a](#a)\n\r\n## a\r\n'.repeat(Math.ceil(n / 40)), 100_000],
  ['unclosed links `[a](`', (n) => '[a]('.repeat(Math.ceil(n / 4)), 200_000],
  ['emphasis runs', (n) => '*'.repeat(n / 2) + 'x' + '*'.repeat(n / 2), 100_000],
];

async function pathologicalInputs(): Promise<void> {
  console.log(`\n| pathological input | size | ¼ size | ½ size | full size | full ÷ ½ |`);
  console.log(`|---|---:|---:|---:|---:|---:|`);
  for (const [name, make, size] of pathological) {
    const times: number[] = [];
    for (const n of [size / 4, size / 2, size]) times.push(await timed(make(Math.round(n))));
    console.log(`| ${name} | ${size} | ${times.map((t) => t.toFixed(0) + ' ms').join(' | ')} | ${(times[2] / Math.max(times[1], 0.01)).toFixed(1)} |`);
  }
}

function filesOnDisk(): void {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'weekly-stress-'));
  fs.writeFileSync(path.join(dir, 'invalid-utf8.md'), Buffer.from([0x23, 0x20, 0xc3, 0x28, 0x0a]));
  fs.writeFileSync(path.join(dir, 'binary.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3]));
  fs.writeFileSync(path.join(dir, 'bom-crlf.md'), '\uFEFF# T\r\n\r\n[a](#t)\r\n');
  const result = lint({ paths: [dir], format: 'text', root: dir, fix: false, cwd: dir });
  console.log(`\nCLI on invalid UTF-8, a binary .md and a BOM+CRLF file: exit ${result.exitCode}`);
  for (const line of result.stderr) console.log(`  ${line}`);
  console.log(`  output: ${result.stdout.trim() || '(no problems in the readable file)'}`);
  fs.rmSync(dir, { recursive: true, force: true });
}

async function main() {
  console.log(`stress: ${COUNT} random documents, then pathological inputs`);
  await randomDocuments();
  await pathologicalInputs();
  filesOnDisk();
  process.exitCode = crashes > 0 ? 1 : 0;
}
void main();
