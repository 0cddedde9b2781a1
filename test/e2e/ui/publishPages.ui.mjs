// The wechat and email pages of the sample issue (`weekly-issues render --target …`, dist/cli.js) in
// Debian's Chromium: screenshotted to test-results/ (docs/images/ has a copy of each for the README), and
// the look held to inline styles: the computed styles of headings, paragraphs and tag spans are the same
// with every <style> element removed. The preview's own page, which does depend on its stylesheet, is the
// check's control: there the same comparison must find differences. No code-server needed: the harness
// starts one per UI file anyway, this file only uses its browser and results folder.
// Remote images are answered with a local placeholder: nothing leaves this machine.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { launchBrowser } from '../harness/browser.mjs';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..', '..');
const SAMPLE = path.join(ROOT, 'examples', 'ai-weekly-sample.md');
const CLI = path.join(ROOT, 'dist', 'cli.js');
const RESULTS = process.env.E2E_RESULTS_DIR ?? path.join(ROOT, 'test-results');
const PLACEHOLDER = '<svg xmlns="http://www.w3.org/2000/svg" width="800" height="360"><rect width="800" height="360" fill="#e8ecf0"/>'
  + '<text x="400" y="190" font-size="28" text-anchor="middle" fill="#8a949e" font-family="sans-serif">image</text></svg>';

let browser;
let dir;

before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'weekly-publish-pages-'));
  for (const target of ['wechat', 'email', 'page']) {
    // The CLI exits 0 and reports the sample's local image on stderr (not --strict).
    execFileSync(process.execPath, [CLI, 'render', SAMPLE, '--target', target, '-o', path.join(dir, `${target}.html`), '--root', path.join(ROOT, 'examples')], { stdio: 'pipe' });
  }
  browser = await launchBrowser({ viewport: { width: 760, height: 820 } });
  await browser.context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('file:')) return route.continue();
    return route.request().resourceType() === 'image'
      ? route.fulfill({ status: 200, contentType: 'image/svg+xml', body: PLACEHOLDER })
      : route.abort();
  });
});

after(async () => {
  await browser?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

/** Computed styles that make the look, of the first few headings, paragraphs and tag spans. */
async function looks(page) {
  return page.evaluate(() => {
    const props = ['color', 'font-size', 'font-weight', 'line-height', 'margin-top', 'margin-bottom', 'padding-left', 'border-bottom-style', 'background-color', 'border-top-left-radius'];
    const out = {};
    const tags = [...document.querySelectorAll('span')].filter((s) => /^#\S/.test(s.textContent ?? '')).slice(0, 5);
    const groups = { h1: [...document.querySelectorAll('h1')].slice(0, 2), h2: [...document.querySelectorAll('h2')].slice(0, 3), p: [...document.querySelectorAll('p')].slice(0, 6), tag: tags };
    for (const [name, els] of Object.entries(groups)) {
      out[name] = els.map((el) => {
        const cs = getComputedStyle(el);
        return Object.fromEntries(props.map((p) => [p, cs.getPropertyValue(p)]));
      });
    }
    return out;
  });
}

async function withoutStyleElements(page) {
  await page.evaluate(() => document.querySelectorAll('style').forEach((s) => s.remove()));
}

for (const target of ['wechat', 'email']) {
  test(`${target}: screenshot, and the page looks the same with every <style> removed`, async () => {
    const page = await browser.context.newPage();
    await page.goto(pathToFileURL(path.join(dir, `${target}.html`)).href);
    await page.waitForLoadState('load');
    fs.mkdirSync(RESULTS, { recursive: true });
    // From the first paper's heading: its summary, tags and reference marks are what the README shows.
    await page.evaluate(() => {
      const paper = [...document.querySelectorAll('h2')].find((h) => (h.textContent ?? '').startsWith('FramePack'));
      if (paper) window.scrollTo(0, paper.getBoundingClientRect().top + window.scrollY - 12);
    });
    await page.screenshot({ path: path.join(RESULTS, `publish-${target}.png`) });
    const before = await looks(page);
    assert.ok(before.h1.length >= 1 && before.h2.length >= 2 && before.p.length >= 3, 'headings and paragraphs found');
    assert.equal(before.tag.length, 5, 'tag spans found');
    // Styled, not the browser's defaults: a tag has a background, h1 is not 32px (the default 2em).
    assert.notEqual(before.tag[0]['background-color'], 'rgba(0, 0, 0, 0)');
    assert.notEqual(before.h1[0]['font-size'], '32px');
    assert.equal(await page.locator('style, link[rel="stylesheet"], script').count(), 0);
    await withoutStyleElements(page);
    assert.deepEqual(await looks(page), before);
    await page.close();
  });
}

test('control: the preview\'s page depends on its <style>, and the same check sees it', async () => {
  const page = await browser.context.newPage();
  await page.goto(pathToFileURL(path.join(dir, 'page.html')).href);
  const before = await looks(page);
  assert.ok(await page.locator('style').count() > 0);
  await withoutStyleElements(page);
  assert.notDeepEqual(await looks(page), before);
  await page.close();
});
