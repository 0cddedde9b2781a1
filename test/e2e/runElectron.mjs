#!/usr/bin/env node
// `npm run test:electron`: the same extension-host suites (test/e2e/suite/*.test.ts) under
// @vscode/test-electron, in desktop VS Code. That downloads a VS Code build, so it works only where
// Microsoft's update servers are reachable; here use `npm run test:e2e`, which runs them in code-server.
//
//   node test/e2e/runElectron.mjs [--only NAME] [--grep PATTERN]   (VSCODE_VERSION=1.139.1 to pin)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { runTests } from '@vscode/test-electron';
import { buildSuites } from './harness/buildSuites.mjs';
import { E2E_DIR, EXAMPLES_DIR, ROOT, newRunDir } from './harness/env.mjs';

const { values: opts } = parseArgs({ options: { only: { type: 'string', default: '' }, grep: { type: 'string', default: '' } } });

const build = spawnSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: 'inherit' });
if (build.status !== 0) process.exit(1);
const dir = path.join(E2E_DIR, 'electron');
const { entry } = await buildSuites(path.join(newRunDir('electron'), 'suites'), { only: opts.only, grep: opts.grep });
const workspace = path.join(dir, 'workspace');
fs.rmSync(workspace, { recursive: true, force: true });
fs.cpSync(EXAMPLES_DIR, workspace, { recursive: true });

try {
  await runTests({
    version: process.env.VSCODE_VERSION ?? 'stable',
    cachePath: path.join(dir, 'vscode'),
    extensionDevelopmentPath: ROOT,
    extensionTestsPath: entry,
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome',
      '--user-data-dir', path.join(dir, 'user-data'), '--extensions-dir', path.join(dir, 'extensions')],
  });
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  if (/ENOTFOUND|ECONNREFUSED|EAI_AGAIN|getaddrinfo|download/i.test(message)) {
    console.error(`test:electron: could not download VS Code (${message}).\n` +
      'This machine cannot reach VS Code\'s update servers: run `npm run test:e2e`, which runs the same suites in code-server.');
  } else {
    console.error(`test:electron: ${message}`);
  }
  process.exit(1);
}
