/**
 * `weekly-issues new-entry`: one run as a real process (argument parsing, exit code, the file written),
 * the other cases through the command's function, which is what that process calls.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { newEntryCommand } from '../../server/src/cli/newEntry';
import { lint } from '../../server/src/cli/lint';
import { SAMPLE_MISLABEL_MESSAGE } from '../support/sampleMislabel';

const root = path.resolve(__dirname, '..', '..');
const main = path.join(root, 'server', 'src', 'cli', 'main.ts');
// tsx resolved from the repository, since the CLI runs in a temporary folder.
const tsx = require.resolve('tsx', { paths: [root] });
const sample = fs.readFileSync(path.join(root, 'examples', 'ai-weekly-sample.md'), 'utf8');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'weekly-new-entry-'));
after(() => fs.rmSync(dir, { recursive: true, force: true }));
const C = { LANG: 'C' };

test('new-entry (a real process) adds the section, the TOC entry and the references; only its empty figure is reported', () => {
  const file = path.join(dir, 'issue.md');
  fs.writeFileSync(file, sample);
  const args = ['new-entry', 'issue.md', '--name', 'NewNet', '--title', '一个新模型', '--summary', '新方法。', '--tag', '扩散模型', '--tag', '#新标签',
    '--link', 'https://arxiv.org/abs/2504.00001', '--link', 'https://newnet.github.io/'];
  const r = spawnSync(process.execPath, ['--import', pathToFileURL(tsx).href, main, ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, LC_ALL: '', LC_MESSAGES: '', LANG: 'C' },
  });
  assert.equal(r.stderr, '');
  assert.equal(r.status, 0);
  assert.equal(r.stdout, 'issue.md: added "NewNet" (section, TOC entry, references)\n');
  const expected = sample
    .replace('提升艺术风格一致性)\n', '提升艺术风格一致性)\n7. [NewNet：一个新模型](#newnet一个新模型)\n')
    .replace('#实时渲染  \n\n---\n\n', '#实时渲染  \n\n---\n\n## NewNet：一个新模型\n\n![NewNet 图]()\n\n**概要**：新方法。\n\n**标签**：#扩散模型 #新标签\n\n---\n\n')
    .replace(/\n$/, '\n18. [NewNet 项目主页](https://newnet.github.io/)\n19. [NewNet 论文链接](https://arxiv.org/abs/2504.00001)\n');
  assert.equal(fs.readFileSync(file, 'utf8'), expected);
  // The sample's images live under examples/: that is the site root.
  const report = lint({ paths: [file], format: 'text', root: path.join(root, 'examples'), fix: false, cwd: dir });
  // Only the figure New Paper Entry leaves empty is reported, until it is filled in, beside the sample's own
  // mislabelled reference (ref-kind-mismatch, now three lines lower).
  assert.equal(
    report.stdout,
    'issue.md:85:1  warning  The image "NewNet 图" has no path yet: add the figure, or remove the image.  [image-missing]\n' +
      `issue.md:98:5  info  ${SAMPLE_MISLABEL_MESSAGE.en}  [ref-kind-mismatch]\n`,
  );
});

test('--dry-run prints the result and leaves the file alone', async () => {
  const file = path.join(dir, 'dry.md');
  fs.writeFileSync(file, sample);
  const r = await newEntryCommand(['dry.md', '--name', 'X', '--dry-run'], dir, C);
  assert.equal(r.exitCode, 0);
  assert.match(r.stdout, /\n## X\n\n!\[X 图\]\(\)\n\n\*\*概要\*\*：\n\n\*\*标签\*\*：\n\n---\n\n### \*\*参考链接\*\*/);
  assert.equal(fs.readFileSync(file, 'utf8'), sample);
});

test('refusals: exit 1 with the reason (in Chinese under a zh_CN locale), exit 2 for usage and I/O', async () => {
  const file = path.join(dir, 'refuse.md');
  fs.writeFileSync(file, sample);
  assert.deepEqual(await newEntryCommand(['refuse.md', '--name', 'DreamO'], dir, { LANG: 'zh_CN.UTF-8' }), {
    exitCode: 1,
    stdout: '',
    stderr: ['refuse.md: 本期已经有名为“DreamO”的论文。'],
  });
  fs.writeFileSync(path.join(dir, 'notes.md'), '# Notes\n\ntext\n');
  const r = await newEntryCommand(['notes.md', '--name', 'X'], dir, C);
  assert.equal(r.exitCode, 1);
  assert.match(r.stderr[0], /^notes\.md: This file is not a weekly issue/);
  assert.equal(fs.readFileSync(path.join(dir, 'notes.md'), 'utf8'), '# Notes\n\ntext\n');
  assert.equal((await newEntryCommand(['refuse.md'], dir, C)).exitCode, 2);
  assert.equal((await newEntryCommand(['refuse.md', 'other.md', '--name', 'X'], dir, C)).exitCode, 2);
  assert.equal((await newEntryCommand(['missing.md', '--name', 'X'], dir, C)).exitCode, 2);
  await assert.rejects(newEntryCommand(['refuse.md', '--name', 'X', '--bogus'], dir, C), { code: 'ERR_PARSE_ARGS_UNKNOWN_OPTION' });
  assert.equal(fs.readFileSync(file, 'utf8'), sample);
});
