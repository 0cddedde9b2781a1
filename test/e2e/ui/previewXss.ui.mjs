// The XSS corpus (test/fixtures/xss.md) in a real Chromium: nothing of it may run.
// 1. `weekly-issues render` writes it as a standalone page with the preview's CSP; Chromium opens it,
//    every element is clicked and double-clicked, and neither the flag the vectors set (window.__xss), nor the
//    console, nor a dialog, nor a navigation shows that anything ran. The same page without its CSP proves
//    the sanitizer holds on its own, and a control page with one unsanitized vector proves the flag works.
// 2. The same file in the real preview webview of VS Code: same checks inside the webview's frame.
// The standalone part needs only Chromium and dist/cli.js (run it alone: `node --test test/e2e/ui/previewXss.ui.mjs`);
// the webview part runs under the harness (npm run test:e2e), which sets E2E_SERVER_URL.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { launchBrowser } from '../harness/browser.mjs';
import { ROOT, RESULTS_DIR } from '../harness/env.mjs';

const CORPUS = path.join(ROOT, 'test', 'fixtures', 'xss.md');
const CLI = path.join(ROOT, 'dist', 'cli.js');
const CSP_META = /<meta http-equiv="Content-Security-Policy"[^>]*>\n?/;

let dir;
let browser;
/** What the corpus's vectors log when they run: `console.log('XSS <name>')` (the editor also logs lines that merely mention xss). */
const isVectorLog = (text) => /^XSS\b/.test(text);

before(async () => {
  assert.ok(fs.existsSync(CLI), 'dist/cli.js exists (npm run build)');
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'weekly-xss-'));
  browser = await launchBrowser({ viewport: { width: 1200, height: 900 } });
});

after(async () => {
  await browser?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

/** Renders the corpus with the real CLI; returns the page's HTML. */
function renderCorpus() {
  const out = path.join(dir, 'xss.html');
  const r = spawnSync(process.execPath, [CLI, 'render', CORPUS, '-o', out], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return fs.readFileSync(out, 'utf8');
}

/**
 * Opens a page, provokes every element (click, hover, focus; submit-like keys), and returns what ran:
 * the flag, console lines mentioning XSS, dialogs, page errors and navigations away from the page.
 */
async function provoke(file, frameOf = (page) => page.mainFrame()) {
  const page = await browser.context.newPage();
  const events = { console: [], dialogs: [], errors: [], navigations: [] };
  page.on('console', (m) => events.console.push(m.text()));
  page.on('dialog', (d) => {
    events.dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('pageerror', (e) => events.errors.push(e.message));
  const url = pathToFileURL(file).href;
  await page.goto(url);
  page.on('framenavigated', (f) => {
    if (f === page.mainFrame() && f.url().split('#')[0] !== url) events.navigations.push(f.url());
  });
  const frame = frameOf(page);
  const count = await frame.locator('body *').count();
  for (let i = 0; i < count; i++) {
    const el = frame.locator('body *').nth(i);
    if (!(await el.isVisible().catch(() => false))) continue;
    // A click moves the mouse onto the element first: mouseover/mouseenter fire too.
    await el.click({ timeout: 2000, force: true, noWaitAfter: true }).catch(() => {});
    await el.dblclick({ timeout: 2000, force: true, noWaitAfter: true }).catch(() => {});
  }
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await page.waitForTimeout(500); // let timers, image errors and animations fire, if anything armed them
  const flag = await frame.evaluate(() => (typeof window.__xss === 'undefined' ? undefined : String(window.__xss)));
  const result = { flag, ...events, xssLogs: events.console.filter(isVectorLog), clicked: count };
  await page.close();
  return result;
}

test('control: an unsanitized vector does set the flag in this browser (the check can fail)', async () => {
  const control = path.join(dir, 'control.html');
  fs.writeFileSync(control, '<!DOCTYPE html><p>control</p><img src="x" onerror="window.__xss=\'control\';console.log(\'XSS control\')">');
  const r = await provoke(control);
  assert.equal(r.flag, 'control');
  assert.deepEqual(r.xssLogs, ['XSS control']);
});

test('the corpus rendered with the preview CSP: nothing runs', async () => {
  const html = renderCorpus();
  assert.match(html, CSP_META, 'the page carries the CSP');
  const file = path.join(dir, 'with-csp.html');
  fs.writeFileSync(file, html);
  const r = await provoke(file);
  assert.ok(r.clicked > 50, `${r.clicked} elements provoked`);
  assert.equal(r.flag, undefined);
  assert.deepEqual(r.xssLogs, []);
  assert.deepEqual(r.dialogs, []);
  assert.deepEqual(r.errors, []);
  assert.deepEqual(r.navigations, []);
  // Nothing even tried: a CSP violation would mean a vector reached the page and only the policy stopped it.
  assert.deepEqual(r.console.filter((t) => /Content Security Policy/i.test(t) && !/img-src/.test(t)), []);
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const page = await browser.context.newPage();
  await page.goto(pathToFileURL(file).href);
  await page.screenshot({ path: path.join(RESULTS_DIR, 'preview-xss-standalone.png'), fullPage: true });
  await page.close();
});

test('the corpus rendered without any CSP: the sanitizer alone keeps everything inert', async () => {
  const file = path.join(dir, 'without-csp.html');
  fs.writeFileSync(file, renderCorpus().replace(CSP_META, ''));
  const r = await provoke(file);
  assert.equal(r.flag, undefined);
  assert.deepEqual(r.xssLogs, []);
  assert.deepEqual(r.dialogs, []);
  assert.deepEqual(r.errors, []);
  assert.deepEqual(r.navigations, []);
});

test('the corpus in the real VS Code preview webview: nothing runs', { skip: !process.env.E2E_SERVER_URL && 'needs the harness (E2E_SERVER_URL)' }, async () => {
  const { Workbench, STEP_TIMEOUT_MS } = await import('../harness/ui.mjs');
  const wb = await Workbench.open({ expectFile: 'ai-weekly-sample.md' });
  try {
    fs.copyFileSync(CORPUS, path.join(wb.workspace, 'xss.md'));
    const logs = [];
    wb.page.on('console', (m) => logs.push(m.text()));
    wb.page.on('dialog', (d) => {
      logs.push('dialog: ' + d.message());
      void d.dismiss();
    });
    await wb.quickOpen('xss.md');
    await wb.runCommand('Weekly: Open Weekly Preview to the Side');
    let frame;
    const deadline = Date.now() + STEP_TIMEOUT_MS;
    while (!frame && Date.now() < deadline) {
      for (const f of wb.page.frames()) {
        if ((await f.locator('#weekly-preview h1').count().catch(() => 0)) > 0) frame = f;
      }
      if (!frame) await wb.page.waitForTimeout(200);
    }
    assert.ok(frame, 'the preview webview shows the corpus');
    const count = await frame.locator('#weekly-preview *').count();
    assert.ok(count > 50, `${count} elements in the webview`);
    for (let i = 0; i < count; i++) {
      const el = frame.locator('#weekly-preview *').nth(i);
      if (!(await el.isVisible().catch(() => false))) continue;
      await el.click({ timeout: 1000, force: true, noWaitAfter: true }).catch(() => {});
    }
    await wb.page.waitForTimeout(500);
    assert.equal(await frame.evaluate(() => typeof window.__xss), 'undefined');
    assert.deepEqual(logs.filter((t) => isVectorLog(t) || t.startsWith('dialog: ')), []);
    // The workbench is still there: no click navigated the webview or the window away.
    assert.ok(await wb.page.locator('.monaco-workbench').isVisible());
    await wb.screenshot('preview-xss-webview');
  } finally {
    await wb.close();
  }
});
