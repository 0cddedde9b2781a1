/**
 * The workspace index built from a real folder while files are deleted, renamed, rewritten, created and
 * replaced by folders, beside a symbolic-link loop and a 50 MB Markdown file: nothing throws, progress ends,
 * and once the events are handled the index equals a fresh index of the final tree.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { URI } from 'vscode-uri';
import { WorkspaceIndex } from '../../server/src/service/indexing/workspaceIndex';
import { createFsWorkspace } from '../../server/src/node/fsWorkspace';
import { defaultPresets } from '../../server/src/service/config/weeklyConfig';
import { githubSlugStyle } from '../../server/src/service/slug/github';

const issue = (n: number, tag: string) => `# Issue ${n}\n\n## 目录\n\n1. [P${n}：x](#p${n}x)\n\n## P${n}：x\n\n**概要**：y。\n\n**标签**：#${tag} #t${n % 7}\n\n### **参考链接**\n\n1. [P${n} 论文链接](https://arxiv.org/abs/2504.${String(10000 + n)})\n`;

function makeIndex(dir: string, logs: string[]): WorkspaceIndex {
  return new WorkspaceIndex({
    workspace: createFsWorkspace({ maxFileSize: () => 5 * 1024 * 1024 }),
    roots: () => [dir],
    exclude: () => [],
    slugStyle: () => githubSlugStyle,
    presets: () => defaultPresets,
    log: (m) => logs.push(m),
  });
}

const snapshot = (index: WorkspaceIndex) =>
  [...index.all()].map((e) => [e.uri, e.tags.map((t) => t.name).sort().join(' ')] as const).sort((a, b) => (a[0] < b[0] ? -1 : 1));

test('an index built under changing files ends equal to a fresh index of the final tree', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'weekly-index-change-'));
  const file = (n: number) => path.join(dir, 'issues', `issue-${n}.md`);
  const uri = (p: string) => URI.file(p).toString();
  fs.mkdirSync(path.join(dir, 'issues'));
  for (let n = 0; n < 400; n++) fs.writeFileSync(file(n), issue(n, 'old'));
  // A symbolic-link loop and a 50 MB Markdown file (over weekly.maxFileSize here) beside them.
  fs.symlinkSync(dir, path.join(dir, 'issues', 'loop'));
  const fd = fs.openSync(path.join(dir, 'huge.md'), 'w');
  fs.ftruncateSync(fd, 50 * 1024 * 1024);
  fs.closeSync(fd);

  const logs: string[] = [];
  const index = makeIndex(dir, logs);
  const events: Array<Promise<void>> = [];
  let mutated = false;
  let lastProgress = 0;
  const report = await index.build((done, total) => {
    lastProgress = done / total;
    if (mutated || done < 64) return;
    mutated = true;
    // What the file watcher tells the server while the build reads the rest.
    for (let n = 0; n < 40; n++) {
      fs.rmSync(file(n)); // deleted (some already read, some not yet)
      index.removeFile(uri(file(n)));
    }
    for (let n = 390; n < 400; n++) {
      const to = path.join(dir, 'issues', `renamed-${n}.md`);
      fs.renameSync(file(n), to);
      index.removeFile(uri(file(n)));
      events.push(index.refreshFile(uri(to)));
    }
    for (let n = 40; n < 60; n++) {
      fs.writeFileSync(file(n), issue(n, 'new')); // rewritten, before or after the build read it
      events.push(index.refreshFile(uri(file(n))));
    }
    for (let n = 60; n < 65; n++) {
      fs.rmSync(file(n));
      fs.mkdirSync(file(n)); // a folder named like the file
      index.removeFile(uri(file(n)));
    }
    for (let n = 400; n < 410; n++) {
      fs.writeFileSync(file(n), issue(n, 'created'));
      events.push(index.refreshFile(uri(file(n))));
    }
  });
  await Promise.all(events);
  assert.ok(mutated, 'the changes happened during the build');
  assert.equal(lastProgress, 1, 'progress ends');
  assert.ok(report.files >= 400);
  assert.ok(logs.some((l) => /huge\.md/.test(l) && /maxFileSize/.test(l)), logs.join('\n'));

  const fresh = makeIndex(dir, []);
  await fresh.build();
  assert.deepEqual(snapshot(index), snapshot(fresh));
  assert.equal(index.size, 400 - 40 - 5 + 10, 'deleted and replaced files are gone, renamed and created ones there');
  fs.rmSync(dir, { recursive: true, force: true });
});
