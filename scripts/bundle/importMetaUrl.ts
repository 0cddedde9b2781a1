/**
 * `import.meta.url` for ES modules bundled into our CommonJS bundles (esbuild.mjs injects this and points
 * `import.meta.url` at it): fdir, under tinyglobby, calls createRequire(import.meta.url), which a CommonJS
 * bundle would leave undefined.
 */
import { pathToFileURL } from 'url';

export const bundleUrl = pathToFileURL(__filename).href;
