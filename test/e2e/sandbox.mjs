#!/usr/bin/env node
// `npm start`: the extension as users get it, in a real VS Code in your browser. Builds the VSIX,
// installs it into the harness's code-server, opens examples/ and runs until Ctrl+C.
//
//   node test/e2e/sandbox.mjs [--port N] [--folder DIR] [--screenshot FILE]
//     --port N           listen on 127.0.0.1:N (default 8080, or a free port when 8080 is taken)
//     --folder DIR       open DIR instead of examples/
//     --screenshot FILE  instead of waiting: open a broken copy of the sample issue, show its quick fix
//                        and the Problems panel, save a PNG to FILE (the README's picture), and stop
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { freePort, installVsix, killAllStarted, makeProfile, startCodeServer } from './harness/codeServer.mjs';
import { E2E_DIR, EXAMPLES_DIR, ROOT } from './harness/env.mjs';
import { ensureSystemPackages, ensureTools } from './harness/tools.mjs';
import { packageVsix } from './harness/vsix.mjs';

const { values: opts } = parseArgs({
  options: { port: { type: 'string' }, folder: { type: 'string' }, screenshot: { type: 'string' } },
});

async function portToUse() {
  if (opts.port) return Number(opts.port);
  const taken = await fetch('http://127.0.0.1:8080/').then(() => true, () => false);
  return taken ? freePort() : 8080;
}

async function takeScreenshot(server, workspace, file) {
  const { Workbench } = await import('./harness/ui.mjs');
  const good = '#dreamid基于扩散模型的高保真快速换脸方法';
  const broken = '#dreamid基于扩散模型的高保真换脸方法';
  const wb = await Workbench.open({ serverUrl: server.url, workspace, resultsDir: path.dirname(file), expectFile: 'ai-weekly-sample.md' });
  try {
    const text = wb.writeVariant('ai-weekly-sample.md', 'broken-toc-anchor.md', (t) => t.replace(`(${good})`, `(${broken})`));
    await wb.quickOpen('broken-toc-anchor.md');
    await wb.page.locator('.editor-instance .squiggly-error').first().waitFor();
    await wb.runCommand('View: Focus Problems');
    await wb.page.locator('.markers-panel .monaco-list-row', { hasText: 'toc-broken-anchor' }).first().waitFor();
    const lines = text.slice(0, text.indexOf(`(${broken})`) + 1).split('\n');
    await wb.page.locator('.tabs-container .tab', { hasText: 'broken-toc-anchor.md' }).click();
    await wb.goToLine(lines.length, lines.at(-1).length + 3);
    await wb.page.keyboard.press('Control+.');
    await wb.page.locator('.action-widget .monaco-list-row', { hasText: 'Change the link to' }).first().waitFor();
    await wb.page.waitForTimeout(500); // let the menu's fade-in finish before the picture
    fs.mkdirSync(path.dirname(file), { recursive: true });
    await wb.page.screenshot({ path: file });
    console.log(`sandbox: screenshot saved to ${path.relative(process.cwd(), file)}`);
  } finally {
    await wb.close();
  }
}

const tools = (() => {
  ensureSystemPackages();
  return ensureTools();
})();
const vsix = packageVsix();
const dir = path.join(E2E_DIR, 'sandbox');
fs.rmSync(dir, { recursive: true, force: true });
const profile = makeProfile(dir);
installVsix(tools, profile, vsix);

let folder = path.resolve(opts.folder ?? EXAMPLES_DIR);
if (opts.screenshot) {
  folder = path.join(dir, 'workspace'); // a throwaway copy: the picture needs a broken file
  fs.cpSync(EXAMPLES_DIR, folder, { recursive: true });
}
const server = await startCodeServer(tools, profile, { port: await portToUse() });
let stopping = false;
const stop = async () => {
  stopping = true;
  await server.stop();
  killAllStarted();
};
process.on('exit', killAllStarted);

if (opts.screenshot) {
  try {
    await takeScreenshot(server, folder, path.resolve(opts.screenshot));
  } finally {
    await stop();
  }
} else {
  console.log(`\nWeekly Issues ${path.basename(vsix)} is running in VS Code (code-server) on ${path.relative(ROOT, folder) || folder}.`);
  console.log(`Open this in your browser:\n\n  ${server.url}/?folder=${encodeURIComponent(folder)}\n`);
  console.log(`Logs: ${path.relative(process.cwd(), profile.log)}. Stop with Ctrl+C.`);
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
      console.log('\nsandbox: stopping code-server');
      void stop().then(() => process.exit(0));
    });
  }
  server.child.on('exit', (code) => {
    if (stopping) return;
    console.error(`sandbox: code-server exited (${code}); see ${profile.log}`);
    process.exit(1);
  });
}
