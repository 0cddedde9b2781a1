// Phase 1: the extension-host suite inside code-server, the way @vscode/test-web drives web extensions.
// The workbench URL carries ?payload=[["extensionDevelopmentPath",..],["extensionTestsPath",..]] (only
// honoured when the smoke-test driver is enabled); the workbench reports the suite's exit code through
// window.codeAutomationExit, and the extension host's console output reaches the page console.
import util from 'node:util';
import { launchBrowser, remoteUri, workbenchUrl } from './browser.mjs';
import { startCodeServer } from './codeServer.mjs';

/** The closing line printed by test/e2e/suite/index.ts. */
const SUMMARY = /extension-host suite: (\d+) passed, (\d+) failed/;
/** The mark test/e2e/suite/index.ts puts before its report lines, apart from the workbench's own logging. */
const REPORT_MARK = '\u2063';

/**
 * Runs the bundled suite `entry` against the extension unpacked at `extensionDir`, with `workspace`
 * open. Returns { passed, failed, exitCode }; prints the suite's (mocha spec) output as it comes.
 */
export async function runHostSuite({ tools, profile, extensionDir, entry, workspace, verbose, timeoutMs = Number(process.env.E2E_HOST_TIMEOUT_MS ?? 900_000), log = console.log }) {
  const server = await startCodeServer(tools, profile, { extraArgs: ['--vscode-option', 'enable-smoke-test-driver'] });
  const browser = await launchBrowser();
  const result = { passed: 0, failed: 0, exitCode: 1 };
  try {
    const { page } = browser;
    let printed = Promise.resolve(); // keeps console lines in order
    page.on('console', (message) => {
      printed = printed.then(async () => {
        let args = await Promise.all(message.args().map((a) => a.jsonValue().catch(() => '?')));
        // forwarded extension-host output arrives as ('%c INFO', 'color: …', ...original args)
        const forwarded = typeof args[0] === 'string' && args[0].startsWith('%c');
        if (forwarded) args = args.slice(2);
        const text = util.format(...args);
        const m = SUMMARY.exec(text);
        if (m) [result.passed, result.failed] = [Number(m[1]), Number(m[2])];
        const at = text.indexOf(REPORT_MARK);
        if (at >= 0) log(text.slice(at + 1).replace(/\s+$/, ''));
        else if (verbose) log(text.replace(/\s+$/, ''));
      });
    });
    let exit;
    const exited = new Promise((resolve) => { exit = resolve; });
    await page.exposeFunction('codeAutomationExit', (code) => exit(code)); // before the page loads
    const payload = [
      ['extensionDevelopmentPath', remoteUri(server.url, extensionDir)],
      ['extensionTestsPath', remoteUri(server.url, entry)],
    ];
    await page.goto(workbenchUrl(server.url, workspace, payload));
    let timer;
    const timedOut = new Promise((resolve) => { timer = setTimeout(() => resolve('timeout'), timeoutMs); });
    const code = await Promise.race([exited, timedOut]);
    clearTimeout(timer);
    await printed;
    if (code === 'timeout') {
      log(`extension-host suite: no exit code after ${timeoutMs / 1000} s (log: ${profile.log}, ${profile.userData}/logs)`);
      result.failed = Math.max(result.failed, 1);
    } else {
      result.exitCode = code;
      // a non-zero exit without a summary line (the suite failed to load) still counts as a failure
      if (code !== 0 && result.failed === 0) result.failed = 1;
    }
  } finally {
    await browser.close();
    await server.stop();
  }
  return result;
}
