/**
 * `weekly-issues lint` as users run it: the bundled dist/cli.js in a child process, on files in a
 * temporary folder. Output formats (exact), exit codes, --root, --slug, --max-warnings, --fix, folders,
 * globs and missing files. Needs `npm run build` (npm test builds first).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const REPO = path.resolve(__dirname, '..', '..');
const CLI = path.join(REPO, 'dist', 'cli.js');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}
function run(args: string[], cwd: string): Run {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    encoding: 'utf8',
    // English messages whatever the machine's locale.
    env: { ...process.env, LANG: 'C', LC_ALL: 'C', LC_MESSAGES: 'C' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
function json(r: Run): Array<Record<string, unknown>> {
  try {
    return JSON.parse(r.stdout);
  } catch {
    throw new Error(`the CLI did not print JSON (exit ${r.code}); stdout: ${JSON.stringify(r.stdout)}; stderr: ${r.stderr}`);
  }
}

let dir: string;
function write(rel: string, text: string | Buffer): string {
  const full = path.join(dir, rel);
  fs.mkdirSync(path.dirname(full), { recursive: true });
  fs.writeFileSync(full, text);
  return full;
}

// A plain Markdown file (not an issue): only the anchor rules apply.
// Line 5: 😀 is two UTF-16 units, so "#prat" starts at column 12 (not 11) and "#Part" at column 26.
const DOC = '# Doc\n\n## Part\n\n😀 See [p](#prat) or [q](#Part).\n';
// A TOC (a list of # links) with a broken entry: an error.
const GUIDE = '# Guide\n\n- [Install](#install)\n- [Usage](#usag)\n\n## Install\n\n## Usage\n';

before(() => {
  assert.ok(fs.existsSync(CLI), `${CLI} is missing: run "npm run build" first`);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'weekly-cli-'));
  write('doc.md', DOC);
  write('guide.md', GUIDE);
  write('clean.md', '# Clean\n\n## Part\n\n[p](#part)\n');
});
after(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('output formats', () => {
  it('text: path:line:col  severity  message  [code], one line each, 1-based UTF-16 columns', () => {
    const r = run(['lint', 'doc.md'], dir);
    assert.equal(r.code, 0, r.stderr);
    const lines = r.stdout.trimEnd().split('\n');
    assert.equal(lines.length, 2);
    assert.match(lines[0], /^doc\.md:5:12 {2}warning {2}Did you mean #part\? No heading or HTML id has the anchor #prat\. {2}\[broken-anchor\]$/);
    assert.match(lines[1], /^doc\.md:5:26 {2}warning {2}.*#Part.* {2}\[anchor-case\]$/);
    assert.equal(r.stderr, '');
  });

  it('json: exact objects, 1-based lines, UTF-16 columns, end positions', () => {
    const r = run(['lint', '--format', 'json', 'doc.md'], dir);
    assert.equal(r.code, 0, r.stderr);
    const problems = json(r);
    assert.deepEqual(
      problems.map(({ message, ...rest }) => ({ ...rest, message: typeof message })),
      [
        { file: 'doc.md', line: 5, column: 12, endLine: 5, endColumn: 17, severity: 'warning', code: 'broken-anchor', message: 'string' },
        { file: 'doc.md', line: 5, column: 26, endLine: 5, endColumn: 31, severity: 'warning', code: 'anchor-case', message: 'string' },
      ],
    );
    assert.equal(problems[0].message, 'Did you mean #part? No heading or HTML id has the anchor #prat.');
    // The column is in UTF-16 code units: the same as the JavaScript string index on that line, plus one.
    const line5 = DOC.split('\n')[4];
    assert.equal(problems[0].column, line5.indexOf('#prat') + 1);
  });

  it('json: an empty array when there is nothing to report', () => {
    const r = run(['lint', '--format', 'json', 'clean.md'], dir);
    assert.equal(r.code, 0);
    assert.deepEqual(json(r), []);
  });

  it('github: workflow-command annotations, error and warning levels', () => {
    const r = run(['lint', '--format', 'github', 'guide.md', 'doc.md'], dir);
    assert.equal(r.code, 1);
    const lines = r.stdout.trimEnd().split('\n');
    assert.deepEqual(
      lines.map((l) => l.replace(/::[^:]*$/, '::MESSAGE')),
      [
        '::warning file=doc.md,line=5,col=12,endLine=5,endColumn=17,title=broken-anchor::MESSAGE',
        '::warning file=doc.md,line=5,col=26,endLine=5,endColumn=31,title=anchor-case::MESSAGE',
        '::error file=guide.md,line=4,col=11,endLine=4,endColumn=16,title=toc-broken-anchor::MESSAGE',
      ],
    );
    assert.match(lines[2], /::Did you mean #usage\? No heading has the anchor #usag of this TOC entry\.$/);
  });

  it('github: messages and properties are escaped (%, newlines, colons and commas)', () => {
    write('odd,name:1.md', '# A\n\n[x](#100%25)\n');
    const r = run(['lint', '--format', 'github', 'odd,name:1.md'], dir);
    assert.equal(r.stdout.trimEnd().split('\n').length, 1);
    assert.match(r.stdout, /^::warning file=odd%2Cname%3A1\.md,line=3,/);
    assert.match(r.stdout, /#100%25/, 'a % in the message is written %25');
  });
});

describe('exit codes', () => {
  it('0 with warnings only, 1 with an error', () => {
    assert.equal(run(['lint', 'doc.md'], dir).code, 0);
    assert.equal(run(['lint', 'clean.md'], dir).code, 0);
    assert.equal(run(['lint', 'guide.md'], dir).code, 1);
  });

  it('--max-warnings: 1 when there are more warnings than allowed, 0 at the limit', () => {
    const over = run(['lint', '--max-warnings', '1', 'doc.md'], dir);
    assert.equal(over.code, 1);
    assert.match(over.stderr, /2 warnings, more than --max-warnings 1/);
    assert.equal(run(['lint', '--max-warnings', '2', 'doc.md'], dir).code, 0);
    assert.equal(run(['lint', '--max-warnings', '0', 'clean.md'], dir).code, 0);
  });

  // [what, args, stderr pattern]
  const usage: Array<[string, string[], RegExp]> = [
    ['unknown format', ['lint', '--format', 'xml', 'doc.md'], /--format must be one of text, json, github, sarif, junit, not "xml"/],
    ['unknown slug style', ['lint', '--slug', 'nope', 'doc.md'], /--slug must be one of github/],
    ['negative --max-warnings', ['lint', '--max-warnings', '-1', 'doc.md'], /--max-warnings/],
    ['negative --max-warnings, written with =', ['lint', '--max-warnings=-1', 'doc.md'], /--max-warnings takes a whole number, 0 or more/],
    ['not a number for --max-warnings', ['lint', '--max-warnings', 'lots', 'doc.md'], /--max-warnings takes a whole number/],
    ['no files', ['lint'], /lint needs at least one file, folder or glob/],
    ['unknown option', ['lint', '--frobnicate', 'doc.md'], /frobnicate/],
    ['unknown command', ['frob'], /unknown command "frob"/],
  ];
  for (const [what, args, pattern] of usage) {
    it(`2 on a usage error: ${what}, with a one-line message`, () => {
      const r = run(args, dir);
      assert.equal(r.code, 2);
      assert.match(r.stderr, pattern);
      assert.equal(r.stderr.trimEnd().split('\n').length, 1, r.stderr);
      assert.match(r.stderr, /^weekly-issues: /);
    });
  }

  it('2 on a missing file, named in one line; the other files are still checked', () => {
    const r = run(['lint', '--format', 'json', 'missing.md', 'guide.md', 'doc.md'], dir);
    assert.equal(r.code, 2);
    assert.equal(r.stderr, 'weekly-issues: missing.md: no such file or folder\n');
    assert.deepEqual([...new Set(json(r).map((p) => p.file))], ['doc.md', 'guide.md']);
  });

  it('2 on a file that is not UTF-8 text; the other files are still checked', () => {
    write('bin/binary.md', Buffer.from([0x23, 0x20, 0x00, 0xff, 0xfe]));
    write('bin/latin1.md', Buffer.from('# caf\xe9\n', 'latin1'));
    const r = run(['lint', '--format', 'json', 'bin/binary.md', 'bin/latin1.md', 'doc.md'], dir);
    assert.equal(r.code, 2);
    const lines = r.stderr.trimEnd().split('\n');
    assert.equal(lines.length, 2);
    assert.match(lines[0], /^weekly-issues: bin\/binary\.md: .*binary/);
    assert.match(lines[1], /^weekly-issues: bin\/latin1\.md: .*UTF-8/);
    assert.deepEqual([...new Set(json(r).map((p) => p.file))], ['doc.md']);
  });

  it('--help prints the usage and exits 0', () => {
    const r = run(['lint', '--help'], dir);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /--max-warnings N/);
  });
});

describe('folders and globs', () => {
  let tree: string;
  before(() => {
    tree = fs.mkdtempSync(path.join(dir, 'tree-'));
    const broken = '# X\n\n[x](#nowhere)\n';
    for (const rel of ['a.md', 'sub/b.md', 'sub/deep/c.markdown', 'node_modules/pkg/d.md', '.git/e.md', 'sub/node_modules/f.md', 'notes.txt']) {
      const full = path.join(tree, rel);
      fs.mkdirSync(path.dirname(full), { recursive: true });
      fs.writeFileSync(full, broken);
    }
  });
  const filesOf = (r: Run) => [...new Set(json(r).map((p) => p.file))];

  it('a folder: every Markdown file below it, skipping node_modules and .git', () => {
    const r = run(['lint', '--format', 'json', '.'], tree);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(filesOf(r), ['a.md', 'sub/b.md', 'sub/deep/c.markdown']);
  });

  it('a glob', () => {
    const r = run(['lint', '--format', 'json', 'sub/**/*.md'], tree);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(filesOf(r), ['sub/b.md']);
  });

  it('a glob that matches nothing: exit 2 with a one-line message', () => {
    const r = run(['lint', '--format', 'json', 'nothing/**/*.md', 'a.md'], tree);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^weekly-issues: nothing\/\*\*\/\*\.md: no file matches this pattern\n$/);
    assert.deepEqual(filesOf(r), ['a.md']);
  });

  it('a file named twice (directly and through its folder) is checked once', () => {
    const r = run(['lint', '--format', 'json', 'a.md', '.'], tree);
    assert.equal(json(r).filter((p) => p.file === 'a.md').length, 1);
  });
});

describe('--root and --slug', () => {
  const ISSUE = '# 周报\n\n## 目录\n\n1. [论文：标题](#论文标题)\n\n## 论文：标题\n\n![图](/assets/img/fig.png)\n\n**概要**：一句话。\n\n**标签**：#测试\n\n## 参考链接\n\n1. [论文 论文链接](https://arxiv.org/abs/2501.00001)\n';

  it('site-absolute image paths resolve under --root (default: the current folder)', () => {
    write('site/issues/issue.md', ISSUE);
    write('site/assets/img/fig.png', 'not really a png');
    const fromHere = run(['lint', '--format', 'json', 'issues/issue.md'], path.join(dir, 'site'));
    assert.deepEqual(json(fromHere), [], 'cwd is the root: the image is found');
    const elsewhere = run(['lint', '--format', 'json', 'site/issues/issue.md'], dir);
    assert.deepEqual(json(elsewhere).map((p) => [p.code, p.line]), [['image-missing', 9]]);
    const withRoot = run(['lint', '--format', 'json', '--root', 'site', 'site/issues/issue.md'], dir);
    assert.deepEqual(json(withRoot), []);
  });

  it('--slug github is accepted and is what the anchors are checked with', () => {
    const r = run(['lint', '--format', 'json', '--slug', 'github', 'doc.md'], dir);
    assert.equal(r.code, 0);
    assert.equal(json(r).length, 2);
  });
});

describe('the sample issue', () => {
  const sample = fs.readFileSync(path.join(REPO, 'examples', 'ai-weekly-sample.md'), 'utf8');
  const atWarningOrError = (r: Run) => json(r).filter((p) => p.severity === 'error' || p.severity === 'warning');

  it('has nothing at warning or error level, with its image under --root', () => {
    const r = run(['lint', '--format', 'json', '--root', 'examples', 'examples/ai-weekly-sample.md'], REPO);
    assert.deepEqual(atWarningOrError(r), []);
    assert.equal(r.code, 0, r.stderr);
  });

  // [what, original, broken, expected code, line of the change]
  const variants: Array<[string, string, string, string]> = [
    ['a TOC fragment with a typo', '(#dreamid基于扩散模型的高保真快速换脸方法)', '(#dreamid基于扩散模形的高保真快速换脸方法)', 'toc-broken-anchor'],
    ['a TOC fragment in the wrong case', '(#describe-anything局部区域的精细图像与视频描述模型)', '(#Describe-Anything局部区域的精细图像与视频描述模型)', 'anchor-case'],
    ['a TOC line landing on another paper', '5. [DreamO：多条件图像定制统一框架](#dreamo多条件图像定制统一框架)', '5. [DreamO：多条件图像定制统一框架](#dreamid基于扩散模型的高保真快速换脸方法)', 'toc-text-mismatch'],
  ];
  for (const [what, original, broken, code] of variants) {
    it(`a broken variant: ${what} gives ${code} on the right line`, () => {
      assert.ok(sample.includes(original), `the sample holds ${original}`);
      const text = sample.replace(original, broken);
      write('sample/examples/variant.md', text);
      fs.mkdirSync(path.join(dir, 'sample/assets/images/ai-weekly'), { recursive: true });
      fs.copyFileSync(path.join(REPO, 'examples/assets/images/ai-weekly/ui.png'), path.join(dir, 'sample/assets/images/ai-weekly/ui.png'));
      const r = run(['lint', '--format', 'json', '--root', 'sample', 'sample/examples/variant.md'], dir);
      const expectedLine = text.slice(0, text.indexOf(broken)).split('\n').length;
      const found = atWarningOrError(r).filter((p) => p.code === code);
      assert.deepEqual(found.map((p) => p.line), [expectedLine], JSON.stringify(json(r), null, 1));
    });
  }
});

describe('--fix', () => {
  it('writes the fixed file and reports what is left', () => {
    const file = write('fix/doc.md', '# Doc\n\n## Part\n\nSee [a](#Part), [b](#prat) and [c](#zzzzzzzzzzzzzzzz).\n');
    const r = run(['lint', '--fix', '--format', 'json', 'fix/doc.md'], dir);
    assert.equal(fs.readFileSync(file, 'utf8'), '# Doc\n\n## Part\n\nSee [a](#part), [b](#part) and [c](#zzzzzzzzzzzzzzzz).\n');
    assert.deepEqual(json(r).map((p) => [p.code, p.line, p.column]), [['broken-anchor', 5, 36]]);
    assert.equal(r.code, 0);
  });

  it('a file with nothing to fix is left untouched (same bytes, same modification time)', () => {
    const file = write('fix/clean.md', '# Clean\r\n\r\n[p](#clean)\r\n');
    const before = fs.statSync(file).mtimeMs;
    const r = run(['lint', '--fix', 'fix/clean.md'], dir);
    assert.equal(r.code, 0);
    assert.equal(fs.readFileSync(file, 'utf8'), '# Clean\r\n\r\n[p](#clean)\r\n');
    assert.equal(fs.statSync(file).mtimeMs, before);
  });

  it('fixes a weekly issue in one go: relinks a TOC line without also adding a second one', () => {
    const original = fs.readFileSync(path.join(REPO, 'test', 'fixtures', 'broken-issue.md'), 'utf8');
    const file = write('fix/issue.md', original);
    const r = run(['lint', '--fix', '--format', 'json', 'fix/issue.md'], dir);
    const expected = original.replace('(#第二篇新模形)', '(#第二篇新模型)').replace('3. [第三篇](#第一篇好方法)', '3. [第三篇](#第三篇)');
    assert.equal(fs.readFileSync(file, 'utf8'), expected);
    // What is left has no fix: the link to a heading that does not exist.
    assert.deepEqual(json(r).map((p) => [p.code, p.line]), [['broken-anchor', 11]]);
  });

  it('keeps a byte-order mark and CRLF line ends; columns on the first line do not count the BOM', () => {
    const file = write('fix/bom.md', '\ufeff# Doc\r\n\r\n[x](#Doc) [y](#nowhere-at-all-zz)\r\n');
    const r = run(['lint', '--fix', '--format', 'json', 'fix/bom.md'], dir);
    assert.deepEqual([...fs.readFileSync(file).subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    assert.equal(fs.readFileSync(file, 'utf8'), '\ufeff# Doc\r\n\r\n[x](#doc) [y](#nowhere-at-all-zz)\r\n');
    assert.deepEqual(json(r).map((p) => [p.code, p.line, p.column]), [['broken-anchor', 3, 15]]);
    const first = write('fix/bom-first-line.md', '\ufeff[x](#nope-nothing-here)\n');
    assert.deepEqual(json(run(['lint', '--format', 'json', 'fix/bom-first-line.md'], dir)).map((p) => p.column), [5]);
    assert.ok(fs.existsSync(first));
  });

  it('fixes an error and exits 0 when none is left', () => {
    const file = write('fix/guide.md', GUIDE);
    const r = run(['lint', '--fix', 'fix/guide.md'], dir);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.equal(fs.readFileSync(file, 'utf8'), GUIDE.replace('(#usag)', '(#usage)'));
  });
});
