// Starts and stops code-server (VS Code's server + web workbench) for one phase of a run.
// Each phase gets its own server on a free loopback port, in its own process group, so stopping it also
// ends the extension hosts it started (a disconnected one would otherwise linger for hours).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { ROOT, isolatedEnv } from './env.mjs';

/** Quiet, deterministic workbench: no welcome page, tips, telemetry, updates, trust prompt or AI panels. */
const WORKBENCH_SETTINGS = {
  // The suites fill one workspace with copies of the sample issue, each of which repeats every paper of it:
  // paper-repeat is off here, and on in the suite that tests it (issue15.test.ts).
  'weekly.severity': { 'paper-repeat': 'off' },
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'security.workspace.trust.enabled': false,
  'chat.disableAIFeatures': true,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'git.enabled': false,
  'files.autoSave': 'off',
  'editor.stickyScroll.enabled': false, // it would cover the top lines in screenshots
};

/** Settings of a profile whose workspace opens untrusted, in Restricted Mode, without a prompt. */
export const UNTRUSTED_SETTINGS = {
  'security.workspace.trust.enabled': true,
  'security.workspace.trust.startupPrompt': 'never',
  'security.workspace.trust.emptyWindow': false,
  'security.workspace.trust.untrustedFiles': 'open',
};

/**
 * The folders of one code-server profile inside `dir`: HOME (for XDG), user data (with settings) and
 * the extensions folder (`extensions` to share one that already holds the VSIX). `settings` are merged
 * over the quiet defaults.
 */
export function makeProfile(dir, { settings = {}, extensions } = {}) {
  const profile = {
    dir,
    home: path.join(dir, 'home'),
    userData: path.join(dir, 'user-data'),
    extensions: extensions ?? path.join(dir, 'extensions'),
    config: path.join(dir, 'config.yaml'),
    log: path.join(dir, 'code-server.log'),
  };
  for (const d of [profile.home, path.join(profile.userData, 'User'), profile.extensions]) fs.mkdirSync(d, { recursive: true });
  fs.writeFileSync(profile.config, 'auth: none\n');
  fs.writeFileSync(path.join(profile.userData, 'User', 'settings.json'),
    JSON.stringify({ ...WORKBENCH_SETTINGS, ...settings }, null, 2));
  return profile;
}

function profileArgs(profile) {
  // --config/--user-data-dir/--extensions-dir: code-server would otherwise write under ~/.config and ~/.local
  return ['--config', profile.config, '--user-data-dir', profile.userData, '--extensions-dir', profile.extensions];
}

/** Installs a VSIX into the profile's extensions folder; returns the installed extension's folder. */
export function installVsix(tools, profile, vsix) {
  const r = spawnSync(tools.node, [tools.codeServer, ...profileArgs(profile), '--install-extension', vsix], {
    env: isolatedEnv(profile.home), encoding: 'utf8', timeout: 120_000,
  });
  if (r.status !== 0) throw new Error(`code-server --install-extension ${vsix} failed:\n${r.stdout}\n${r.stderr}`);
  const id = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const folder = fs.readdirSync(profile.extensions).find((f) => f.toLowerCase().startsWith(`${id.publisher}.${id.name}-`.toLowerCase()));
  if (!folder) throw new Error(`installed ${vsix} but found no ${id.publisher}.${id.name}-* in ${profile.extensions}`);
  return path.join(profile.extensions, folder);
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/**
 * Starts code-server with the profile; resolves once /healthz answers.
 * `extraArgs` e.g. ['--vscode-option', 'enable-smoke-test-driver'] for the extension-host suite.
 */
export async function startCodeServer(tools, profile, { extraArgs = [], port, untrusted = false } = {}) {
  port ??= await freePort();
  // Untrusted runs keep workspace trust on (the profile's settings open folders in Restricted Mode).
  const trustArgs = untrusted ? [] : ['--disable-workspace-trust'];
  const out = fs.openSync(profile.log, 'a');
  const child = spawn(tools.node, [
    tools.codeServer, ...profileArgs(profile), '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none',
    '--disable-telemetry', '--disable-update-check', ...trustArgs,
    '--disable-getting-started-override', ...extraArgs,
  ], { env: isolatedEnv(profile.home), stdio: ['ignore', out, out], detached: true /* setsid: own process group */ });
  fs.closeSync(out);
  const server = { url: `http://127.0.0.1:${port}`, port, pid: child.pid, child, exited: false };
  child.on('exit', () => { server.exited = true; });
  live.add(server);
  server.stop = () => stopCodeServer(server);
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline && !server.exited) {
    const ok = await fetch(`${server.url}/healthz`).then((r) => r.ok, () => false);
    if (ok) return server;
    await new Promise((r) => setTimeout(r, 300));
  }
  await server.stop();
  const tail = fs.readFileSync(profile.log, 'utf8').split('\n').slice(-20).join('\n');
  throw new Error(`code-server did not start (log ${profile.log}):\n${tail}`);
}

const live = new Set();

function killGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
    return true;
  } catch {
    return false; // the group is gone already
  }
}

/** SIGTERM to the whole process group, SIGKILL to what is left after a few seconds. */
export async function stopCodeServer(server) {
  live.delete(server);
  if (!killGroup(server.pid, 'SIGTERM')) return;
  const deadline = Date.now() + 5000;
  while (Date.now() < deadline && killGroup(server.pid, 0)) await new Promise((r) => setTimeout(r, 100));
  killGroup(server.pid, 'SIGKILL');
}

/** For exit handlers: stops, synchronously, every server this process started and has not stopped. */
export function killAllStarted() {
  for (const s of live) killGroup(s.pid, 'SIGKILL');
  live.clear();
}
