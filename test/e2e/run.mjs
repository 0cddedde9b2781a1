#!/usr/bin/env node
// `npm run test:e2e`: the extension in a real VS Code (code-server + Debian's Chromium), from the VSIX
// users install. Phase 1 runs the extension-host suites (test/e2e/suite/*.test.ts), phase 2 the UI tests
// (test/e2e/ui/*.ui.mjs). Prints timings, peak memory and a closing "e2e: N passed, N failed" line;
// exits non-zero on any failure, and when no test ran at all.
//
//   node test/e2e/run.mjs --help   lists the options (one layer, some suites, a given VSIX, ...)
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildSuites, listSuites } from './harness/buildSuites.mjs';
import { installVsix, killAllStarted, makeProfile, UNTRUSTED_SETTINGS } from './harness/codeServer.mjs';
import { EXAMPLES_DIR, RESULTS_DIR, ROOT, newRunDir } from './harness/env.mjs';
import { runHostSuite } from './harness/hostPhase.mjs';
import { startMemorySampler } from './harness/memory.mjs';
import { ensureSystemPackages, ensureTools } from './harness/tools.mjs';
import { isUntrustedUiTest, listUiTests, runUiTestFile } from './harness/uiPhase.mjs';
import { packageVsix } from './harness/vsix.mjs';

const USAGE = `usage: node test/e2e/run.mjs [--layer host|ui] [--only NAME] [--grep PATTERN] [--no-package] [--vsix FILE] [--verbose]
  --layer       run one layer only
  --only NAME   only the suite / UI files whose name contains NAME (or one of NAME,NAME2,...)
  --grep PAT    only the tests whose title matches PAT (mocha grep / node --test-name-pattern)
  --no-package  reuse the VSIX from the last \`npm run package\`
  --vsix FILE   test this VSIX instead (a release artifact, or a deliberately broken build)`;

let parsed;
try {
  parsed = parseArgs({
    options: {
      help: { type: 'boolean', short: 'h', default: false },
      layer: { type: 'string', default: 'all' },
      only: { type: 'string', default: '' },
      grep: { type: 'string', default: '' },
      'no-package': { type: 'boolean', default: false },
      vsix: { type: 'string' },
      verbose: { type: 'boolean', default: !!process.env.E2E_VERBOSE },
    },
  });
} catch (err) {
  console.error(`${err.message}\n${USAGE}`);
  process.exit(2);
}
const opts = parsed.values;
if (opts.help) {
  console.log(USAGE);
  process.exit(0);
}
if (!['all', 'host', 'ui'].includes(opts.layer)) {
  console.error(`--layer must be host or ui, not "${opts.layer}"`);
  process.exit(2);
}

const started = Date.now();
const RUN_DIR = newRunDir('e2e');
const timings = {};
async function timed(name, fn) {
  const t0 = Date.now();
  try {
    return await fn();
  } finally {
    timings[name] = (Date.now() - t0) / 1000;
    console.log(`e2e: ${name} took ${timings[name].toFixed(1)} s`);
  }
}

/** A fresh copy of examples/ (the sample issues and their assets) for one phase to change at will. */
function makeWorkspace(dir) {
  const ws = path.join(dir, 'workspace');
  fs.cpSync(EXAMPLES_DIR, ws, { recursive: true });
  return ws;
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    killAllStarted();
    process.exit(130);
  });
}
process.on('exit', killAllStarted);

const memory = startMemorySampler();
const totals = { passed: 0, failed: 0, skipped: 0 };
const add = (r) => { totals.passed += r.passed; totals.failed += r.failed; totals.skipped += r.skipped ?? 0; };
try {
  const tools = await timed('tools', () => {
    ensureSystemPackages();
    return ensureTools();
  });
  const vsix = opts.vsix ? path.resolve(opts.vsix) : await timed('package', () => packageVsix({ reuse: opts['no-package'] }));
  if (!fs.existsSync(vsix)) throw new Error(`no VSIX at ${vsix}`);
  console.log(`e2e: testing ${path.relative(process.cwd(), vsix)} (${Math.round(fs.statSync(vsix).size / 1024)} KB)`);
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const shared = makeProfile(path.join(RUN_DIR, 'install'));
  const extensionDir = await timed('install', () => installVsix(tools, shared, vsix));

  // --only picks files by name in both layers; a layer with no match is left out, not failed
  const runHost = opts.layer !== 'ui' && listSuites(opts.only).length > 0;
  const uiFiles = opts.layer === 'host' ? [] : listUiTests(opts.only);
  if (!runHost && uiFiles.length === 0) throw new Error(`no extension-host suite or UI test matches "${opts.only}" (--layer ${opts.layer})`);
  if (runHost) {
    const { entry, tests } = await timed('build-suites', () => buildSuites(path.join(RUN_DIR, 'suites'), { only: opts.only, grep: opts.grep }));
    console.log(`\ne2e: extension-host suites (${tests.join(', ')}) in code-server`);
    const dir = path.join(RUN_DIR, 'host');
    // its own, empty extensions folder: the packaged extension is loaded once, as the one under test
    const profile = makeProfile(dir);
    add(await timed('host-suite', () => runHostSuite({
      tools, profile, extensionDir, entry, workspace: makeWorkspace(dir), verbose: opts.verbose,
    })));
  }
  for (const file of uiFiles) {
    const name = path.basename(file, '.ui.mjs');
    console.log(`\ne2e: UI test ${path.relative(ROOT, file)} in Chromium`);
    const dir = path.join(RUN_DIR, `ui-${name}`);
    const untrusted = isUntrustedUiTest(file);
    const profile = makeProfile(dir, { extensions: shared.extensions, settings: untrusted ? UNTRUSTED_SETTINGS : {} });
    add(await timed(`ui:${name}`, () => runUiTestFile({
      tools, profile, file, workspace: makeWorkspace(dir), resultsDir: RESULTS_DIR, grep: opts.grep, untrusted,
    })));
  }
} catch (error) {
  console.error(`\ne2e: ${error instanceof Error ? error.message : error}`);
  totals.failed += 1;
} finally {
  killAllStarted();
}

const peakMiB = memory.stop();
const total = (Date.now() - started) / 1000;
const summary = { ...totals, seconds: { total, ...timings }, peakMemoryMiB: peakMiB, date: new Date().toISOString() };
fs.mkdirSync(RESULTS_DIR, { recursive: true });
fs.writeFileSync(path.join(RESULTS_DIR, 'e2e-summary.json'), JSON.stringify(summary, null, 2) + '\n');
console.log(`\ne2e: ${total.toFixed(1)} s in all; peak memory ${peakMiB} MiB (PSS of code-server, extension hosts, Chromium and runners)`);
console.log(`e2e: screenshots and e2e-summary.json in ${path.relative(process.cwd(), RESULTS_DIR) || '.'}/; logs in ${path.relative(process.cwd(), RUN_DIR)}/`);
if (totals.passed === 0 && totals.failed === 0) totals.failed = 1; // ran no test: not a pass
console.log(`e2e: ${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`);
process.exitCode = totals.failed > 0 ? 1 : 0;
