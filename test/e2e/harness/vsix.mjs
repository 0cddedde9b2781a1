// The VSIX under test is the one users install: built by `npm run package` (production bundle + vsce).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './env.mjs';

export function vsixPath() {
  const { name, version } = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  return path.join(ROOT, `${name}-${version}.vsix`);
}

/** Runs `npm run package` (or, with `reuse`, takes the existing VSIX) and returns the VSIX's path. */
export function packageVsix({ reuse = false } = {}) {
  const vsix = vsixPath();
  if (reuse && fs.existsSync(vsix)) return vsix;
  if (!reuse) {
    const r = spawnSync('npm', ['run', '--silent', 'package'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 << 20 });
    const output = `${r.stdout}${r.stderr}`;
    if (r.status !== 0) throw new Error(`npm run package failed (exit ${r.status ?? r.signal}):\n${output}`);
    // vsce lists every file it packs; keep its warnings and the DONE line (`npx vsce ls` shows the list)
    process.stdout.write(output.split('\n').filter((l) => l.trim() && !/^\s*[├└│]|Files included in the VSIX|\.vsix$/.test(l)).join('\n') + '\n');
  }
  if (!fs.existsSync(vsix)) throw new Error(`no ${path.basename(vsix)}: run npm run package`);
  return vsix;
}
