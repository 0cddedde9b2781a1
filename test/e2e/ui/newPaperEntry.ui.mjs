// "New Paper Entry" as a person runs it: F1, the command, then each step of VS Code's quick input
// answered by typing and Enter (the tag step: type a tag, Enter, another, Enter, Enter on the empty line
// to go on). The saved file must be the whole expected text; one Ctrl+Z brings the original back.
// Escape midway changes nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { Workbench } from '../harness/ui.mjs';

const SAMPLE = 'ai-weekly-sample.md';
const FILE = 'ui-new-entry.md';

let wb;
let original;

before(async () => {
  wb = await Workbench.open({ expectFile: SAMPLE });
  original = wb.writeVariant(SAMPLE, FILE, (t) => t + '\n');
});

after(async () => {
  if (wb) {
    await wb.screenshot('new-paper-entry-final').catch(() => {});
    await wb.close();
  }
});

const onDisk = () => fs.readFileSync(path.join(wb.workspace, FILE), 'utf8');

/** Waits for the quick input to show a step whose message contains `prompt`, types `text`, presses Enter. */
async function answer(prompt, text) {
  const widget = wb.page.locator('.quick-input-widget');
  await widget.locator('.quick-input-message, .quick-input-header input', { hasText: prompt }).first().waitFor().catch(async () => {
    // QuickPick steps show their text as the input's placeholder, not as a message.
    await widget.locator(`input[placeholder*="${prompt}"], input[aria-label*="${prompt}"]`).first().waitFor();
  });
  const input = widget.locator('input.input').first();
  await input.focus();
  if (text) await wb.page.keyboard.type(text);
  await wb.page.keyboard.press('Enter');
}

async function save() {
  await wb.page.keyboard.press('Control+S');
  await wb.page.locator('.tabs-container .tab.active.dirty').waitFor({ state: 'detached' });
}

function expectedText() {
  const section = '## NewNet：一个新模型\n\n![NewNet 图]()\n\n**概要**：新方法。\n\n**标签**：#扩散模型 #新标签\n\n---\n\n';
  const cut = original.indexOf('### **参考链接**');
  const head = original.slice(0, cut)
    .replace('4. [DreamID', '4. [NewNet：一个新模型](#newnet一个新模型)\n5. [DreamID')
    .replace('5. [DreamO', '6. [DreamO').replace('6. [StyleMe3D', '7. [StyleMe3D')
    .replace('## DreamID：', section + '## DreamID：');
  const refs = original.slice(cut)
    .replace(/\n(\d+)\. \[(DreamI|DreamO|StyleMe3D)/g, (_, n, w) => `\n${Number(n) + 2}. [${w}`)
    .replace('11. [DreamID 项目主页]', '9. [NewNet GitHub 仓库](https://github.com/a/newnet)\n10. [NewNet 论文链接](https://arxiv.org/abs/2504.00001)\n11. [DreamID 项目主页]');
  return head + refs;
}

test('typing through New Paper Entry inserts section, TOC entry and references; one undo restores', async () => {
  await wb.quickOpen(FILE);
  const line = original.split('\n').indexOf('## DreamID：基于扩散模型的高保真快速换脸方法') + 1;
  await wb.goToLine(line, 1);
  await wb.runCommand('Weekly: New Paper Entry');
  await answer("short name", 'NewNet');
  await answer('one-line title', '一个新模型');
  await answer('summary', '新方法。');
  await answer('Tags:', '扩散模型'); // an existing tag, picked by typing it
  await answer('Tags:', '新标签'); // a new one
  await wb.screenshot('new-paper-entry-tags');
  await answer('Tags:', ''); // Enter on the empty line goes on
  await answer('Project page', 'https://arxiv.org/abs/2504.00001'); // recognised as the paper link
  await answer('GitHub repository', 'https://github.com/a/newnet');
  await answer('Paper URL', ''); // prefilled with the arXiv URL pasted above
  await wb.page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
  await wb.visibleLineWith('**概要**：新方法。');
  await wb.screenshot('new-paper-entry-inserted');
  await save();
  assert.equal(onDisk(), expectedText());

  await wb.page.keyboard.press('Control+Z');
  await save();
  assert.equal(onDisk(), original, 'one undo restores the original');
});

test('Escape at the title step changes nothing', async () => {
  await wb.runCommand('Weekly: New Paper Entry');
  await answer('short name', 'Cancelled');
  const widget = wb.page.locator('.quick-input-widget');
  await widget.locator('.quick-input-message', { hasText: 'one-line title' }).waitFor();
  await wb.page.keyboard.press('Escape');
  await widget.waitFor({ state: 'hidden' });
  assert.equal(await wb.page.locator('.tabs-container .tab.active.dirty').count(), 0, 'the editor is not dirty');
  assert.equal(onDisk(), original);
});
