import * as fs from 'fs';
import * as path from 'path';

// Set by esbuild.mjs (`define`) from package.json when the CLI and the API are bundled.
declare const WEEKLY_ISSUES_VERSION: string | undefined;

/**
 * The package's version. The bundles carry it (fixed at build time, so they need no file beside them);
 * run from the sources (tsx, the tests) it is read from the repository's package.json.
 */
export function packageVersion(): string {
  if (typeof WEEKLY_ISSUES_VERSION === 'string') return WEEKLY_ISSUES_VERSION;
  const manifest = path.join(__dirname, '..', '..', '..', 'package.json');
  return (JSON.parse(fs.readFileSync(manifest, 'utf8')) as { version: string }).version;
}
