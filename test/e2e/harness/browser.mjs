// Debian's Chromium driven by playwright-core, on a fresh throwaway profile.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CHROMIUM, CHROMIUM_ARGS, isolatedEnv } from './env.mjs';
import { loadPlaywright } from './tools.mjs';

/** Launches Chromium; `close()` also removes its profile. The viewport fits README screenshots. */
export async function launchBrowser({ viewport = { width: 1400, height: 900 } } = {}) {
  const { chromium } = loadPlaywright();
  // Playwright refuses --user-data-dir in args: a fresh profile goes through launchPersistentContext.
  const profileDir = fs.mkdtempSync(path.join(os.tmpdir(), 'weekly-e2e-chromium-'));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM, headless: true, viewport, args: CHROMIUM_ARGS,
    // Chromium writes ~/.config/chromium/Crash Reports, ~/.pki and dconf's cache: a HOME of its own
    env: isolatedEnv(path.join(profileDir, 'home')),
  });
  const page = context.pages()[0] ?? await context.newPage();
  return {
    context,
    page,
    async close() {
      await context.close().catch(() => {});
      fs.rmSync(profileDir, { recursive: true, force: true });
    },
  };
}

/** The workbench URL that opens `folder`; `payload` pairs are the smoke-test driver's launch options. */
export function workbenchUrl(serverUrl, folder, payload) {
  let url = `${serverUrl}/?folder=${encodeURIComponent(folder)}`;
  if (payload) url += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  return url;
}

/** code-server's remote authority is its host:port; files of this machine are vscode-remote:// URIs. */
export function remoteUri(serverUrl, absPath) {
  return `vscode-remote://${new URL(serverUrl).host}${absPath}`;
}
