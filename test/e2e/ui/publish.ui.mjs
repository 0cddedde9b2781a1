// Copy for WeChat in a real VS Code: the preview's toolbar button puts the issue on the clipboard as
// rich text (text/html with inline styles, no <style>/<script>), and with something that would reach
// readers broken (the sample's local image) a modal warning lists it first, with "Copy anyway".
// The browser context is granted clipboard-read/clipboard-write, so the page can read back what was written.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { STEP_TIMEOUT_MS, Workbench } from '../harness/ui.mjs';

const SAMPLE = 'ai-weekly-sample.md';
const CLEAN = 'publish-clean.md';

let wb;

before(async () => {
  wb = await Workbench.open({ expectFile: SAMPLE });
  await wb.browser.context.grantPermissions(['clipboard-read', 'clipboard-write']);
  // The sample without its one local image: nothing would reach readers broken, so no warning.
  wb.writeVariant(SAMPLE, CLEAN, (t) => t.replace('](/assets/images/ai-weekly/ui.png)', '](https://example.com/ui.png)'));
});

after(async () => {
  if (wb) {
    await wb.screenshot('publish-final').catch(() => {});
    await wb.close();
  }
});

/** The preview frame whose #weekly-preview shows `hasText` and whose toolbar is up. */
async function findPreviewFrame(hasText, notSelector) {
  const deadline = Date.now() + STEP_TIMEOUT_MS;
  while (Date.now() < deadline) {
    for (const frame of wb.page.frames()) {
      const root = frame.locator('#weekly-preview');
      if (!(await root.count().catch(() => 0))) continue;
      if (!(await root.innerText({ timeout: 500 }).catch(() => '')).includes(hasText)) continue;
      if (notSelector && (await frame.locator(notSelector).count().catch(() => 1))) continue;
      if (await frame.locator('button.weekly-copy-wechat').isVisible().catch(() => false)) return frame;
    }
    await wb.page.waitForTimeout(200);
  }
  throw new Error(`no preview frame with a Copy for WeChat button shows "${hasText}"`);
}

/** The clipboard API works only in the focused document: a click on the title focuses the preview's. */
async function focusFrame(frame) {
  await frame.locator('#weekly-preview h1').first().click();
}

/** What the clipboard holds, read in the frame that wrote it (the top page is not the focused document). */
async function readClipboard(frame) {
  await focusFrame(frame);
  return frame.evaluate(async () => {
    const out = {};
    for (const item of await navigator.clipboard.read()) {
      for (const type of item.types) out[type] = await (await item.getType(type)).text();
    }
    return out;
  });
}

async function clearClipboard(frame) {
  await focusFrame(frame);
  await frame.evaluate(() => navigator.clipboard.writeText('before'));
}

function assertWechatHtml(html) {
  assert.match(html, /<section style="[^"]+"/, 'the content sits in a styled <section>');
  assert.match(html, /<h1 style="[^"]+">[^<]*FramePack/);
  assert.ok((html.match(/style="/g) ?? []).length > 100, 'inline styles throughout');
  assert.doesNotMatch(html, /<style\b|<script\b|<link\b/i);
  assert.doesNotMatch(html, /\sclass="|href="#/);
}

test('the preview\'s Copy for WeChat button puts text/html with inline styles on the clipboard', async () => {
  await wb.quickOpen(CLEAN);
  await wb.runCommand('Weekly: Open Weekly Preview to the Side');
  const preview = await findPreviewFrame('FramePack');
  await clearClipboard(preview);
  await preview.locator('button.weekly-copy-wechat').click();
  await wb.page.locator('.notifications-toasts', { hasText: 'Copied for WeChat' }).waitFor();
  const clip = await readClipboard(preview);
  assert.deepEqual(Object.keys(clip).sort(), ['text/html', 'text/plain']);
  assertWechatHtml(clip['text/html']);
  assert.match(clip['text/plain'], /FramePack/);
  assert.doesNotMatch(clip['text/plain'], /</);
  await wb.screenshot('publish-copied');
});

test('with a local image: a modal warning lists it, and "Copy anyway" copies', async () => {
  await wb.quickOpen(SAMPLE);
  // From the palette: the preview is shown with its button pointed out (the write must start on a click there).
  await wb.runCommand('Weekly: Copy for WeChat');
  await wb.page.locator('.notifications-toasts', { hasText: 'Click "Copy for WeChat" at the top of the preview' }).waitFor();
  // The sample's page, not the clean copy's (whose image is on example.com).
  const preview = await findPreviewFrame('DreamO', 'img[src="https://example.com/ui.png"]');
  assert.match(await preview.locator('button.weekly-copy-wechat').evaluate((b) => b.style.outline), /2px solid/, 'the button is pointed out');
  await clearClipboard(preview);
  await preview.locator('button.weekly-copy-wechat').click();
  const dialog = wb.page.locator('.monaco-dialog-box');
  await dialog.waitFor();
  assert.match(await dialog.innerText(), /1 problem\(s\) would reach readers/);
  assert.match(await dialog.innerText(), /Line 24: Image "\/assets\/images\/ai-weekly\/ui\.png" is left out: WeChat cannot load it/);
  await wb.screenshot('publish-warning');
  await dialog.getByRole('button', { name: 'Copy anyway' }).click();
  await wb.page.locator('.notifications-toasts', { hasText: 'Copied for WeChat' }).last().waitFor();
  const clip = await readClipboard(preview);
  assertWechatHtml(clip['text/html']);
  assert.match(clip['text/html'], /\[图片: FramePack 示例\]/, 'the left-out image says what was there');
});
