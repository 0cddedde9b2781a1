// A person's view of the broken-TOC-anchor diagnostic: open the issue with Ctrl+P, see the red
// squiggle and the Problems row, apply the quick fix from the light bulb, see the link change.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Workbench } from '../harness/ui.mjs';

const SAMPLE = 'ai-weekly-sample.md';
const FILE = 'broken-toc-anchor.md';
const GOOD = '#dreamid基于扩散模型的高保真快速换脸方法';
const BROKEN = '#dreamid基于扩散模型的高保真换脸方法';

let wb;
let text;

before(async () => {
  wb = await Workbench.open({ expectFile: SAMPLE });
  text = wb.writeVariant(SAMPLE, FILE, (t) => t.replace(`(${GOOD})`, `(${BROKEN})`));
});

after(async () => {
  if (wb) {
    await wb.screenshot('toc-quick-fix-final').catch(() => {});
    await wb.close();
  }
});

/** 1-based line and column where the broken destination starts, as the editor counts them. */
function brokenPosition() {
  const before = text.slice(0, text.indexOf(`(${BROKEN})`) + 1).split('\n');
  return { line: before.length, column: before.at(-1).length + 1 };
}

test('the broken TOC anchor has a red squiggle and a Problems row', async () => {
  await wb.quickOpen(FILE);
  await wb.waitForSquiggleOn(`(${BROKEN})`, 'error');

  await wb.runCommand('View: Focus Problems');
  const row = wb.page.locator('.markers-panel .monaco-list-row', { hasText: 'toc-broken-anchor' }).first();
  await row.waitFor();
  const { line, column } = brokenPosition();
  const rowText = await row.innerText();
  assert.match(rowText, new RegExp(`No heading has the anchor ${BROKEN} of this TOC entry`));
  assert.match(rowText, /weekly/);
  assert.match(rowText, new RegExp(`\\[Ln ${line}, Col ${column}\\]`));
  await wb.screenshot('toc-broken-anchor-problems');
});

test('the light bulb quick fix rewrites the link', async () => {
  await wb.page.locator('.tabs-container .tab', { hasText: FILE }).click();
  await wb.clickSquiggle('error', await wb.waitForSquiggleOn(`(${BROKEN})`, 'error'));
  await wb.applyCodeActionFromLightBulb(`Change the link to ${GOOD}`, () => wb.screenshot('toc-quick-fix-menu'));

  assert.match(await wb.visibleLineWith(`(${GOOD})`), new RegExp(`\\[DreamID：[^\\]]+\\]\\(${GOOD}\\)`));
  await wb.page.locator('.markers-panel .monaco-list-row', { hasText: 'toc-broken-anchor' }).waitFor({ state: 'detached' });
  await wb.screenshot('toc-quick-fix-applied');
});
