// What a UI test (test/e2e/ui/*.ui.mjs, run by `node --test`) uses to act like a person in the
// workbench: the harness has started code-server with the VSIX installed and passes, in the environment,
// E2E_SERVER_URL, E2E_WORKSPACE (a fresh copy of examples/) and E2E_RESULTS_DIR (for screenshots).
import fs from 'node:fs';
import path from 'node:path';
import { launchBrowser, workbenchUrl } from './browser.mjs';

/** How long a UI step may wait for the workbench (generous: 2 shared cores). */
export const STEP_TIMEOUT_MS = Number(process.env.E2E_STEP_TIMEOUT_MS ?? 90_000);

function env(name) {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run UI tests through the harness (npm run test:e2e -- --layer ui)`);
  return value;
}

export class Workbench {
  /**
   * Opens the workspace in a fresh Chromium and waits until its explorer lists `expectFile`. The server,
   * workspace and results folder come from the harness's environment unless given.
   */
  static async open({ expectFile, serverUrl = env('E2E_SERVER_URL'), workspace = env('E2E_WORKSPACE'), resultsDir = env('E2E_RESULTS_DIR') } = {}) {
    const browser = await launchBrowser();
    const wb = new Workbench(browser, workspace, resultsDir);
    const { page } = browser;
    page.setDefaultTimeout(STEP_TIMEOUT_MS);
    page.on('pageerror', (e) => console.log('# page error:', e.message));
    await page.goto(workbenchUrl(serverUrl, workspace));
    await page.locator('.monaco-workbench').waitFor();
    if (expectFile) await page.locator('.explorer-folders-view .monaco-list-row', { hasText: expectFile }).first().waitFor();
    return wb;
  }

  constructor(browser, workspace, resultsDir) {
    this.browser = browser;
    this.page = browser.page;
    this.workspace = workspace;
    this.resultsDir = resultsDir;
  }

  /** Writes a variant of a workspace file (before opening it) and returns its text. */
  writeVariant(source, name, edit) {
    const original = fs.readFileSync(path.join(this.workspace, source), 'utf8');
    const text = edit(original);
    if (text === original) throw new Error(`the edit for ${name} left ${source} unchanged`);
    fs.writeFileSync(path.join(this.workspace, name), text);
    return text;
  }

  /** Ctrl+P, type the file name, Enter; resolves when its editor tab is active. */
  async quickOpen(fileName) {
    await this.page.keyboard.press('Control+P');
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill(fileName);
    // The focused row, not any row: Enter picks the focused one, and the list may still be filtering.
    await this.page.locator('.quick-input-list .monaco-list-row.focused', { hasText: fileName }).first().waitFor();
    await this.page.keyboard.press('Enter');
    await this.page.locator('.tabs-container .tab.active', { hasText: fileName }).waitFor();
    await this.page.locator('.editor-instance .monaco-editor .view-lines').first().waitFor();
  }

  /** F1, type the command's label, Enter. */
  async runCommand(label) {
    await this.page.keyboard.press('F1');
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill('>' + label);
    await this.page.locator('.quick-input-list .monaco-list-row.focused', { hasText: label }).first().waitFor();
    await this.page.keyboard.press('Enter');
  }

  /** Ctrl+G to a 1-based line and column of the active editor. */
  async goToLine(line, column = 1) {
    await this.page.keyboard.press('Control+G');
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill(`:${line}:${column}`); // the ':' prefix selects go-to-line
    await this.page.keyboard.press('Enter');
    await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
  }

  /** The active editor's squiggles of one severity ('error', 'warning', 'info', 'hint'). */
  squiggles(severity = 'error') {
    return this.page.locator(`.editor-instance .monaco-editor .squiggly-${severity}`);
  }

  /**
   * Waits for a squiggle of `severity` drawn on the rendered line that contains `needle` (so a squiggle
   * elsewhere does not count); returns its index for clickSquiggle.
   */
  async waitForSquiggleOn(needle, severity = 'error') {
    const line = this.page.locator('.editor-instance .monaco-editor .view-line', { hasText: needle }).first();
    await line.waitFor();
    const deadline = Date.now() + STEP_TIMEOUT_MS;
    for (;;) {
      const lineBox = await line.boundingBox();
      const boxes = await this.squiggles(severity).evaluateAll((els) => els.map((e) => {
        const r = e.getBoundingClientRect();
        return { y: r.y + r.height / 2 };
      }));
      const n = boxes.findIndex((b) => lineBox && b.y >= lineBox.y && b.y <= lineBox.y + lineBox.height + 4);
      if (n >= 0) return n;
      if (Date.now() > deadline) throw new Error(`no ${severity} squiggle on the line with "${needle}"`);
      await this.page.waitForTimeout(200);
    }
  }

  /** Clicks in the middle of the n-th squiggle, which puts the cursor inside its diagnostic's range. */
  async clickSquiggle(severity = 'error', n = 0) {
    const squiggle = this.squiggles(severity).nth(n);
    await squiggle.waitFor();
    const box = await squiggle.boundingBox();
    await this.page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  }

  /**
   * Clicks the light bulb (drawn in the gutter of the cursor's line by recent VS Code) and picks the
   * code action titled `title`. `beforePick` runs while the menu is open (e.g. a screenshot).
   */
  async applyCodeActionFromLightBulb(title, beforePick) {
    const bulb = this.page.locator('.editor-instance [class*="codicon-gutter-lightbulb"]:visible, .editor-instance .lightBulbWidget .codicon:visible').first();
    await bulb.waitFor();
    await bulb.click();
    const action = this.page.locator('.action-widget .monaco-list-row', { hasText: title }).first();
    await action.waitFor();
    if (beforePick) await beforePick();
    await action.click();
    await action.waitFor({ state: 'detached' });
  }

  /** The text of the active editor's rendered line that contains `needle` (Monaco renders visible lines only). */
  async visibleLineWith(needle) {
    const line = this.page.locator('.editor-instance .monaco-editor .view-line', { hasText: needle }).first();
    await line.waitFor();
    return (await line.innerText()).replace(/\u00a0/g, ' ');
  }

  /** A PNG of the whole window in the results folder; returns its path. */
  async screenshot(name) {
    fs.mkdirSync(this.resultsDir, { recursive: true });
    const file = path.join(this.resultsDir, `${name}.png`);
    await this.page.screenshot({ path: file });
    return file;
  }

  async close() {
    await this.browser.close();
  }
}
