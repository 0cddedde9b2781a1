/**
 * `weekly-issues lint` and paper-repeat: across the files of the run and `--archive DIR`, with the related
 * location in `--format json`. The bundled dist/cli.js in a child process (needs `node esbuild.mjs`).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const CLI = path.join(__dirname, '..', '..', 'dist', 'cli.js');

function issue(name: string, heading: string, url: string): string {
  return `# 周报\n\n## 目录\n\n1. [${name}：${heading}](#${(name + heading).toLowerCase()})\n\n## ${name}：${heading}\n\n**概要**：${name} 做了一件事。\n\n**标签**：#视频生成\n\n## 参考链接\n\n1. [${name} 论文链接](${url})\n`;
}

let dir: string;
before(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'weekly-repeat-'));
  fs.mkdirSync(path.join(dir, 'archive'));
  fs.writeFileSync(path.join(dir, 'archive', '2025-04-18.md'), issue('FramePack', '视频生成的上下文压缩', 'https://arxiv.org/abs/2504.12626'));
  fs.writeFileSync(path.join(dir, '2025-05-09.md'), issue('FramePack', '又一次', 'https://arxiv.org/pdf/2504.12626v2'));
  fs.writeFileSync(path.join(dir, '2025-05-16.md'), issue('Other', '无关', 'https://arxiv.org/abs/2505.00001'));
});
after(() => fs.rmSync(dir, { recursive: true, force: true }));

function lint(args: string[]) {
  const r = spawnSync(process.execPath, [CLI, 'lint', '--format', 'json', ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, LANG: 'C', LC_ALL: 'C' } });
  return { code: r.status, problems: JSON.parse(r.stdout) as Array<Record<string, unknown>>, stderr: r.stderr };
}

describe('lint: paper-repeat', () => {
  it('with --archive: the later issue gets paper-repeat with the earlier heading as related location; the unrelated one nothing', () => {
    const { code, problems, stderr } = lint(['--archive', 'archive', '2025-05-09.md', '2025-05-16.md']);
    assert.equal(stderr, '');
    assert.equal(code, 0, 'a warning');
    assert.deepEqual(problems, [
      {
        file: '2025-05-09.md',
        line: 7,
        column: 4,
        endLine: 7,
        endColumn: 4 + 'FramePack：又一次'.length,
        severity: 'warning',
        code: 'paper-repeat',
        message: '"FramePack" was already covered in 2025-04-18 (FramePack：视频生成的上下文压缩): the same arxiv:2504.12626. Drop it, or say what is new.',
        related: [{ file: 'archive/2025-04-18.md', line: 7, column: 4, endLine: 7, endColumn: 4 + 'FramePack：视频生成的上下文压缩'.length, message: 'First covered here' }],
      },
    ]);
  });

  it('without --archive, the files of the run count; alone, the later issue is clean', () => {
    assert.equal(lint(['.']).problems.filter((p) => p.code === 'paper-repeat').length, 1);
    assert.deepEqual(lint(['2025-05-09.md']).problems, []);
  });

  it('a missing archive folder is a usage problem (exit 2), named', () => {
    const { code, stderr } = lint(['--archive', 'nope', '2025-05-09.md']);
    assert.equal(code, 2);
    assert.match(stderr, /nope/);
  });
});
