// `npm run package`: the VSIX, from the production bundles. package.json is both the extension's manifest
// and the npm package's, and its `files` list (the npm package's contents) cannot sit beside .vscodeignore:
// vsce refuses a project with both. So vsce runs in a staging folder holding what .vscodeignore lets in and
// the same manifest less `files`; the VSIX lands in the repository as weekly-issues-<version>.vsix.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..', '..');
const run = (cmd, args, cwd) => {
  const r = spawnSync(cmd, args, { cwd, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

run(process.execPath, ['esbuild.mjs', '--production'], root);
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
delete manifest.files;
const stage = fs.mkdtempSync(path.join(os.tmpdir(), 'weekly-vsix-'));
try {
  fs.writeFileSync(path.join(stage, 'package.json'), JSON.stringify(manifest, null, 2) + '\n');
  // Everything .vscodeignore might let in; it picks (the stage holds no sources, tests or node_modules).
  for (const entry of ['.vscodeignore', 'dist', 'snippets', 'syntaxes', 'schemas', 'l10n', 'images', 'media', 'README.md', 'CHANGELOG.md', 'LICENSE', 'docs']) {
    if (fs.existsSync(path.join(root, entry))) fs.cpSync(path.join(root, entry), path.join(stage, entry), { recursive: true });
  }
  for (const f of fs.readdirSync(root)) if (/^package\.nls(\..+)?\.json$/.test(f)) fs.copyFileSync(path.join(root, f), path.join(stage, f));
  const out = path.join(root, `${manifest.name}-${manifest.version}.vsix`);
  run(process.execPath, [path.join(root, 'node_modules/@vscode/vsce/vsce'), 'package', '--no-dependencies', '--out', out], stage);
} finally {
  fs.rmSync(stage, { recursive: true, force: true });
}
