// Phase 2: the UI tests. Each test/e2e/ui/*.ui.mjs file gets a fresh copy of examples/, its own
// code-server (without the smoke-test driver, which hides notification toasts) with the VSIX installed,
// and runs under `node --test` with Node 24; a TAP copy of its report gives the counts.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { matchesOnly } from './buildSuites.mjs';
import { startCodeServer } from './codeServer.mjs';
import { isolatedEnv } from './env.mjs';

export const UI_DIR = path.join(path.dirname(new URL(import.meta.url).pathname), '..', 'ui');

/** A UI test named `*.untrusted.ui.mjs` runs in a workspace VS Code does not trust (Restricted Mode). */
export const isUntrustedUiTest = (file) => file.endsWith('.untrusted.ui.mjs');

export function listUiTests(only = '') {
  return fs.readdirSync(UI_DIR).filter((f) => f.endsWith('.ui.mjs') && matchesOnly(f, only)).sort().map((f) => path.join(UI_DIR, f));
}

function countTap(tapFile) {
  const tap = fs.existsSync(tapFile) ? fs.readFileSync(tapFile, 'utf8') : '';
  const count = (key) => Number(new RegExp(`^# ${key} (\\d+)$`, 'm').exec(tap)?.[1] ?? 0);
  return { passed: count('pass'), failed: count('fail') + count('cancelled'), skipped: count('skipped') + count('todo') };
}

/** Runs one UI test file against its own code-server; returns { passed, failed, skipped }. */
export async function runUiTestFile({ tools, profile, file, workspace, resultsDir, grep, timeoutMs = 600_000, untrusted = false }) {
  const server = await startCodeServer(tools, profile, { untrusted });
  const tapFile = path.join(profile.dir, 'report.tap');
  try {
    const args = ['--test', '--test-concurrency=1',
      '--test-reporter=spec', '--test-reporter-destination=stdout',
      '--test-reporter=tap', `--test-reporter-destination=${tapFile}`];
    if (grep) args.push(`--test-name-pattern=${grep}`);
    const child = spawn(tools.node, [...args, file], {
      stdio: ['ignore', 'inherit', 'inherit'],
      env: isolatedEnv(profile.home, { E2E_SERVER_URL: server.url, E2E_WORKSPACE: workspace, E2E_RESULTS_DIR: resultsDir }),
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    const code = await new Promise((resolve) => child.on('exit', (c, signal) => resolve(c ?? signal)));
    clearTimeout(timer);
    const counts = countTap(tapFile);
    // a crash before any report (or a kill) still counts as a failure
    if (code !== 0 && counts.failed === 0) counts.failed = 1;
    return counts;
  } finally {
    await server.stop();
  }
}
