/** `lint` reports `**概要：**内容` (and not `**概要**：内容`); `--fix` turns the first into the second, and nothing else. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { lint } from '../../server/src/cli/lint';

const issue = (summary: string) => `# T\n\n## 目录\n\n1. [A](#a)\n\n## A\n\n${summary}\n\n**标签**：#测试 #例子\n\n### **参考链接**\n\n1. [A 项目主页](https://a.example/)\n`;

test('emphasis-unrendered in the CLI: reported on the unrendered label only, and --fix moves the colon out', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'weekly-emph-'));
  const file = path.join(dir, 'issue.md');
  const run = (fix: boolean) => JSON.parse(lint({ paths: [file], format: 'json', root: dir, fix, cwd: dir }).stdout) as Array<{ code: string; line: number }>;
  fs.writeFileSync(file, issue('**概要：**内容很好。'));
  // The label CommonMark leaves as text is still the summary field: no paper-missing-field beside it.
  assert.deepEqual(run(false).map((f) => [f.code, f.line]), [['emphasis-unrendered', 9]]);
  assert.deepEqual(run(true), []);
  assert.equal(fs.readFileSync(file, 'utf8'), issue('**概要**：内容很好。'));
  fs.writeFileSync(file, issue('**概要**：内容很好。'));
  assert.deepEqual(run(false), []);
  fs.rmSync(dir, { recursive: true, force: true });
});
