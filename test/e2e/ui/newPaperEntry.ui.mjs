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

/**
 * Waits for step `step` of the quick input (its title reads "(step/7)") with an empty input, types
 * `text` and presses Enter.
 */
async function answer(step, text) {
  const widget = wb.page.locator('.quick-input-widget');
  await widget.locator('.quick-input-title', { hasText: `(${step}/7)` }).waitFor();
  const input = widget.locator('.quick-input-box input').first();
  await input.waitFor();
  await wb.page.waitForFunction((el) => el.value === '', await input.elementHandle());
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
  await answer(1, 'NewNet');
  await answer(2, '一个新模型');
  await answer(3, '新方法。');
  await answer(4, '扩散模型'); // a known tag, chosen by typing it
  await answer(4, '新标签'); // a new one
  await wb.screenshot('new-paper-entry-tags');
  await answer(4, ''); // Enter on the empty line goes on
  await answer(5, 'https://arxiv.org/abs/2504.00001'); // pasted as project page: recognised as the paper link
  await answer(6, 'https://github.com/a/newnet');
  // Step 7 comes prefilled with the arXiv URL pasted above: just Enter.
  await wb.page.locator('.quick-input-widget .quick-input-title', { hasText: '(7/7)' }).waitFor();
  assert.equal(await wb.page.locator('.quick-input-widget .quick-input-box input').first().inputValue(), 'https://arxiv.org/abs/2504.00001');
  await wb.page.keyboard.press('Enter');
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
  await answer(1, 'Cancelled');
  const widget = wb.page.locator('.quick-input-widget');
  await widget.locator('.quick-input-title', { hasText: '(2/7)' }).waitFor();
  await wb.page.keyboard.press('Escape');
  await widget.waitFor({ state: 'hidden' });
  assert.equal(await wb.page.locator('.tabs-container .tab.active.dirty').count(), 0, 'the editor is not dirty');
  assert.equal(onDisk(), original);
});

test('tag step: text typed to filter, a tick, OK: exactly the ticked tag (the filter text is no tag)', async () => {
  await wb.quickOpen(FILE);
  await wb.goToLine(original.split('\n').indexOf('## DreamID：基于扩散模型的高保真快速换脸方法') + 1, 1);
  await wb.runCommand('Weekly: New Paper Entry');
  await answer(1, 'SegNet');
  // The prompts after the first name the paper; the heading is shown as it is written (full-width colon).
  await wb.page.locator('.quick-input-widget .quick-input-title', { hasText: 'New Paper Entry: SegNet (2/7)' }).waitFor();
  await wb.page.locator('.quick-input-widget .quick-input-message', { hasText: 'the heading becomes "SegNet：…"' }).waitFor();
  await answer(2, '分割模型');
  await answer(3, '');
  const widget = wb.page.locator('.quick-input-widget');
  await widget.locator('.quick-input-title', { hasText: '(4/7)' }).waitFor();
  await wb.page.keyboard.type('分割'); // a person filtering the list
  const row = widget.locator('.quick-input-list .monaco-list-row', { hasText: '#图像分割' }).first();
  await row.waitFor();
  await row.locator('.monaco-custom-toggle, input[type="checkbox"]').first().click();
  await wb.screenshot('new-paper-entry-tag-filter');
  await widget.locator('.quick-input-action .monaco-button', { hasText: /^OK$|^确定$/ }).first().click();
  await answer(5, '');
  await answer(6, '');
  await answer(7, '');
  await widget.waitFor({ state: 'hidden' });
  await wb.visibleLineWith('## SegNet：分割模型');
  await save();
  const written = onDisk();
  const section = written.slice(written.indexOf('## SegNet：分割模型'), written.indexOf('## DreamID：'));
  assert.equal(section, '## SegNet：分割模型\n\n![SegNet 图]()\n\n**概要**：\n\n**标签**：#图像分割\n\n---\n\n');
  await wb.page.keyboard.press('Control+Z');
  await save();
  assert.equal(onDisk(), original, 'one undo restores the original');
});
