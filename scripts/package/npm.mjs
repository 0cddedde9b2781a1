// `npm run package:npm`: the npm package (weekly-issues-<version>.tgz), from the production bundles of the
// same sources as the VSIX. What goes in is package.json's `files` list: dist/cli.js, dist/api.js (each
// self-contained), the API's types, the config schema, README, LICENSE and CHANGELOG.
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..', '..');
for (const [cmd, args] of [[process.execPath, ['esbuild.mjs', '--production']], ['npm', ['pack', ...process.argv.slice(2)]]]) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
