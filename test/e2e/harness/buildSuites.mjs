// Bundles the extension-host suites: test/e2e/suite/index.ts (the run() entry, with mocha inside) and
// every test/e2e/suite/*.test.ts, each to its own CommonJS file in the run's folder. index.js finds the
// *.test.js files beside it at run time, so adding a suite needs no change here. Everything but `vscode`
// is bundled in, so the output folder may live anywhere.
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './env.mjs';

export const SUITE_SRC = path.join(ROOT, 'test', 'e2e', 'suite');

/** `only`: comma-separated parts of file names; empty for all. */
export function matchesOnly(file, only = '') {
  return only.split(',').some((part) => file.includes(part.trim()));
}

export function listSuites(only = '') {
  return fs.readdirSync(SUITE_SRC).filter((f) => f.endsWith('.test.ts') && matchesOnly(f, only)).sort();
}

/**
 * Builds the suites whose file name contains `only` (all when empty); `grep` (a mocha grep pattern) goes
 * into options.json beside them, since the workbench payload cannot carry environment variables.
 * Returns the entry and the test files.
 */
export async function buildSuites(outDir, { only = '', grep = '' } = {}) {
  const tests = listSuites(only);
  if (tests.length === 0) throw new Error(`no extension-host suite in ${path.relative(ROOT, SUITE_SRC)} matches "${only}"`);
  fs.rmSync(outDir, { recursive: true, force: true });
  await esbuild.build({
    entryPoints: ['index.ts', ...tests].map((f) => path.join(SUITE_SRC, f)),
    outdir: outDir,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20', // VS Code's extension host: Node 20+ (Electron) or Node 24 (code-server)
    sourcemap: 'inline', // stack traces of failed asserts point into the .ts files
    external: ['vscode'],
    logLevel: 'warning',
    // mocha is bundled in (its package is ESM-only at the top); only its parallel mode, which we never
    // use, require.resolve()s worker files
    logOverride: { 'require-resolve-not-external': 'silent' },
  });
  fs.writeFileSync(path.join(outDir, 'options.json'), JSON.stringify({ grep }) + '\n');
  return { entry: path.join(outDir, 'index.js'), tests: tests.map((f) => f.replace(/\.ts$/, '.js')) };
}
