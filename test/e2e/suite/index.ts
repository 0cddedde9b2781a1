/**
 * The extension-host test entry, in the shape @vscode/test-electron (and code-server's smoke-test
 * driver payload) expects: a module exporting `run(): Promise<void>`. It runs every `*.test.js` bundled
 * next to it (built from test/e2e/suite/*.test.ts by test/e2e/harness/buildSuites.mjs) with mocha's
 * tdd interface, so a feature adds its suite file and nothing else.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as util from 'util';
import Mocha from 'mocha';

/**
 * Marks the lines the harness shows without --verbose: the extension host's console reaches it mixed
 * with the workbench's own logging. Must match test/e2e/harness/hostPhase.mjs.
 */
const REPORT_MARK = '\u2063';
const report = (...args: unknown[]) => console.log(REPORT_MARK + util.format(...args));

/** Options the harness wrote beside the bundle (see buildSuites.mjs). */
function readOptions(): { grep?: string } {
  try {
    return JSON.parse(fs.readFileSync(path.join(__dirname, 'options.json'), 'utf8'));
  } catch {
    return {};
  }
}

export function run(): Promise<void> {
  Mocha.reporters.Base.consoleLog = report;
  const mocha = new Mocha({
    ui: 'tdd',
    color: false,
    reporter: 'spec',
    timeout: 60_000, // the first test waits for the extension and its language server to start
    grep: readOptions().grep || process.env.E2E_GREP || undefined,
  });
  for (const file of fs.readdirSync(__dirname).filter((f) => f.endsWith('.test.js')).sort()) {
    mocha.addFile(path.join(__dirname, file));
  }
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const { passes = 0, failures: failed = 0, pending = 0 } = runner.stats ?? {};
      // the harness reads this line; keep its wording
      report(`extension-host suite: ${passes} passed, ${failed} failed${pending ? `, ${pending} skipped` : ''}`);
      if (failures > 0) reject(new Error(`${failures} extension-host test(s) failed`));
      else resolve();
    });
  });
}
