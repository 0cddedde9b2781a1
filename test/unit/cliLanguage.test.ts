/**
 * The CLI speaks the terminal's language: its help, usage errors, I/O problems and summaries in Chinese
 * under a zh_CN locale, and in English otherwise (the other CLI tests pin LANG=C and check the English
 * texts exactly). Needs `npm run build`.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const CLI = path.join(__dirname, '..', '..', 'dist', 'cli.js');
const HAN = /[\u4e00-\u9fff]/;

function run(args: string[], cwd: string, lang: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, LC_ALL: '', LC_MESSAGES: '', LANG: lang, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('the CLI in the terminal\'s language', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'weekly-cli-language-'));
    fs.writeFileSync(path.join(dir, 'binary.md'), Buffer.from([0x23, 0x20, 0x00, 0x01]));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('help: every line of the commands and options in Chinese, with the same options as the English help', () => {
    const zh = run(['--help'], dir, 'zh_CN.UTF-8');
    const en = run(['--help'], dir, 'C');
    assert.equal(zh.code, 0);
    assert.match(zh.stdout, /^用法：weekly-issues <命令> \[选项\]/);
    assert.match(en.stdout, /^Usage: weekly-issues <command> \[options\]/);
    const options = (s: string) => [...s.matchAll(/^\s+(--?[a-z][\w-]*)/gm)].map((m) => m[1]);
    assert.deepEqual(options(zh.stdout), options(en.stdout), 'the same options, in the same order');
    for (const line of zh.stdout.split('\n').filter((l) => /^\s+--?[a-z]/.test(l) && !/^\s+--?[\w-]+(,\s*--?[\w-]+)?\s*$/.test(l))) {
      assert.match(line, HAN, `an option line said in Chinese: ${line}`);
    }
  });

  it('a usage error, a missing file, a binary file and the render summary, in Chinese', () => {
    const usage = run(['lint', '--max-warnings', 'x', 'a.md'], dir, 'zh_CN.UTF-8');
    assert.equal(usage.code, 2);
    assert.equal(usage.stderr, 'weekly-issues: --max-warnings 需要 0 或更大的整数\n');
    const missing = run(['lint', 'nope.md'], dir, 'zh_CN.UTF-8');
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /nope\.md: 没有这个文件或文件夹/);
    const binary = run(['lint', 'binary.md'], dir, 'zh_CN.UTF-8');
    assert.match(binary.stderr, /binary\.md: 看起来是二进制文件（含有 NUL 字节）；未检查/);
    fs.copyFileSync(path.join(__dirname, '..', 'fixtures', 'broken-issue.md'), path.join(dir, 'issue.md'));
    const rendered = run(['render', 'issue.md', '-o', 'out.html'], dir, 'zh_CN.UTF-8');
    assert.equal(rendered.code, 0, rendered.stderr);
    const [, errors, warnings] = /^已写入 out\.html（(\d+) 个错误，(\d+) 条警告）\n$/.exec(rendered.stdout) ?? [];
    assert.ok(Number(errors) + Number(warnings) > 0, rendered.stdout);
    const plural = (n: string, word: string) => `${n} ${word}${n === '1' ? '' : 's'}`;
    assert.equal(run(['render', 'issue.md', '-o', 'out.html'], dir, 'C').stdout, `Wrote out.html (${plural(errors, 'error')}, ${plural(warnings, 'warning')})\n`);
  });

  it('an unknown command, in either language', () => {
    assert.equal(run(['nope'], dir, 'zh_CN.UTF-8').stderr, 'weekly-issues: 未知命令“nope”；请试试 "weekly-issues --help"\n');
    assert.equal(run(['nope'], dir, 'en_US.UTF-8').stderr, 'weekly-issues: unknown command "nope"; try "weekly-issues --help"\n');
  });
});
