// The UI in Chinese: a code-server of its own started with --locale zh-cn. No Chinese language pack can
// be downloaded here, so the test declares zh-cn as an available display language with an empty core
// translation (fixtures/zh-cn.i18n.json, in the user data's languagepacks.json, the file code-server's
// language-pack service writes): VS Code's own strings stay English, and extensions get locale zh-cn,
// as with a real language pack. Asserted: the palette's Weekly titles (package.nls.zh-cn.json), the
// New Paper Entry prompt (vscode.l10n bundle), a server message (the client's locale reaches it), and the
// preview's problem header (VS Code's display language).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { Workbench } from '../harness/ui.mjs';
import { ensureTools } from '../harness/tools.mjs';
import { installVsix, makeProfile, startCodeServer } from '../harness/codeServer.mjs';
import { vsixPath } from '../harness/vsix.mjs';

const CORE_TRANSLATIONS = path.join(path.dirname(new URL(import.meta.url).pathname), '..', 'fixtures', 'zh-cn.i18n.json');
let server;
let wb;

before(async () => {
  const workspace = process.env.E2E_WORKSPACE;
  assert.ok(workspace, 'run through the harness: npm run test:e2e -- --layer ui --only ZhCn');
  const tools = ensureTools(() => {});
  const profile = makeProfile(path.join(path.dirname(workspace), 'zh-cn'));
  installVsix(tools, profile, vsixPath());
  fs.writeFileSync(path.join(profile.userData, 'languagepacks.json'), JSON.stringify({
    'zh-cn': {
      hash: 'weekly-e2e',
      extensions: [{ extensionIdentifier: { id: 'weekly-e2e.zh-cn' }, version: '0.0.0' }],
      translations: { vscode: CORE_TRANSLATIONS },
      label: '中文(简体)',
    },
  }));
  server = await startCodeServer(tools, profile, { extraArgs: ['--locale', 'zh-cn'] });
  fs.writeFileSync(path.join(workspace, 'notes-zh.md'), '# 笔记\n\n不是周报。\n');
  wb = await Workbench.open({ expectFile: 'ai-weekly-sample.md', serverUrl: server.url, workspace });
});

after(async () => {
  if (wb) {
    await wb.screenshot('authoring-zh-cn-final').catch(() => {});
    await wb.close();
  }
  await server?.stop();
});

test('the Weekly commands have Chinese titles in the command palette', async () => {
  await wb.quickOpen('ai-weekly-sample.md');
  await wb.page.keyboard.press('F1');
  // One title at a time: the list shows only the rows that fit, and there are more Weekly commands than that.
  for (const title of ['新建论文条目', '新建一期周报', '更新目录', '重新编号参考链接', '修复本期所有问题', '检查本期链接']) {
    await wb.page.locator('.quick-input-widget input').fill(`>Weekly: ${title}`);
    await wb.page.locator('.quick-input-list .monaco-list-row', { hasText: `Weekly: ${title}` }).first().waitFor();
  }
  await wb.screenshot('authoring-zh-cn-palette');
  await wb.page.keyboard.press('Escape');
});

test('New Paper Entry asks in Chinese', async () => {
  await wb.runCommand('Weekly: 新建论文条目');
  const message = wb.page.locator('.quick-input-widget .quick-input-message', { hasText: '论文简称（如 FramePack），或其 arXiv / Hugging Face / GitHub 链接以自动查找' });
  await message.waitFor();
  await wb.screenshot('authoring-zh-cn-prompt');
  await wb.page.keyboard.press('Escape');
  await wb.page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
});

test('the server answers in Chinese: New Paper Entry on a file that is not an issue', async () => {
  await wb.quickOpen('notes-zh.md');
  await wb.runCommand('Weekly: 新建论文条目');
  const toast = wb.page.locator('.notifications-toasts .notification-toast', { hasText: '此文件不是周报' });
  await toast.waitFor();
  assert.match(await toast.innerText(), /此文件不是周报（需要目录和参考链接标题以及论文字段/);
  await wb.screenshot('authoring-zh-cn-server-message');
});

test('the preview\'s problem header speaks the display language', async () => {
  await wb.quickOpen('ai-weekly-sample.md');
  await wb.runCommand('Weekly: 在侧边打开周报预览');
  const deadline = Date.now() + 30_000;
  let header;
  while (!header && Date.now() < deadline) {
    for (const frame of wb.page.frames()) {
      const found = frame.locator('header.weekly-problems');
      if (await found.count().catch(() => 0)) header = found;
    }
    if (!header) await wb.page.waitForTimeout(200);
  }
  assert.ok(header, 'the preview shows its problem header');
  // The sample's one note (ref-kind-mismatch), counted in Chinese; the issue's own texts stay in its language.
  assert.deepEqual(await header.locator('span').allInnerTexts(), ['0 个错误', '0 个警告', '1 条提示']);
  assert.equal(await header.getAttribute('title'), '转到第一个问题');
  await wb.screenshot('authoring-zh-cn-preview-header');
});
