// Bundles the extension (client and server in one file), the preview's webview script and the CLI into
// dist/ (CommonJS, Node 20).
import * as esbuild from 'esbuild';
import * as fs from 'fs';
import * as path from 'path';

const production = process.argv.includes('--production');
const root = import.meta.dirname;
// The CLI's `--version` and the API's `version`: package.json's, fixed into the bundle at build time, so the
// bundle answers without reading a file beside it (it works wherever it is copied, and the VSIX and the npm
// package, built from the same package.json, cannot disagree).
const { version } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));

/**
 * One copy of each HTML-entity table in a bundle. markdown-it asks for `entities` 4, parse5 (rehype-raw,
 * link previews) for `entities` 9, micromark for `character-entities`: three tables of the same WHATWG
 * named references, ~110 KB minified. Every `entities` import is resolved to the project's own `entities`
 * (9; markdown-it uses only `decodeHTML`/`decodeHTMLStrict`, whose behaviour did not change), and
 * micromark's lookup is answered from it (scripts/bundle/decodeNamedCharacterReference.ts).
 */
const oneEntityTable = {
  name: 'one-entity-table',
  setup(build) {
    build.onResolve({ filter: /^entities(\/.*)?$/ }, (args) =>
      args.pluginData === 'project' ? undefined : build.resolve(args.path, { kind: args.kind, resolveDir: root, pluginData: 'project' }),
    );
    build.onResolve({ filter: /^decode-named-character-reference$/ }, () => ({
      path: path.join(root, 'scripts/bundle/decodeNamedCharacterReference.ts'),
    }));
  },
};

/**
 * What needs an HTML parser goes to dist/render.js (entry and why: scripts/bundle/renderEntry.ts): in
 * dist/extension.js, the client's (lazy) require of the renderer and the link previews' dynamic import of
 * their parsers become `require("./render.js")` and `import("./render.js")`.
 */
const htmlApart = {
  name: 'html-apart',
  setup(build) {
    const apart = { path: './render.js', external: true };
    build.onResolve({ filter: /\/service\/render$/ }, (args) => (args.importer.includes(`${path.sep}client${path.sep}`) ? apart : undefined));
    build.onResolve({ filter: /^\.\/parse$/ }, (args) => (args.importer.endsWith(path.join('linkPreview', 'previewService.ts')) ? apart : undefined));
  },
};

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  plugins: [oneEntityTable],
  // ES modules among the dependencies use import.meta.url, which a CommonJS bundle leaves undefined.
  inject: ['scripts/bundle/importMetaUrl.ts'],
  define: { 'import.meta.url': 'bundleUrl' },
  // jsonc-parser's "main" is a UMD build whose require() calls esbuild cannot follow: bundle its ES build.
  alias: { 'jsonc-parser': './node_modules/jsonc-parser/lib/esm/main.js' },
};

await Promise.all([
  // The extension host loads dist/extension.js as the extension; the language client runs the same file as
  // the language server (see client/src/main.ts for why one bundle serves both). Each requires dist/render.js
  // on first use: the extension at its first preview or export, the server when a hover first reads a page.
  esbuild.build({ ...common, plugins: [...common.plugins, htmlApart], entryPoints: ['client/src/main.ts'], outfile: 'dist/extension.js', external: ['vscode'] }),
  esbuild.build({ ...common, entryPoints: ['scripts/bundle/renderEntry.ts'], outfile: 'dist/render.js' }),
  // The preview webview's script: a browser bundle, loaded by the webview under its CSP nonce.
  esbuild.build({ ...common, platform: 'browser', target: 'es2022', format: 'iife', inject: [], define: {}, entryPoints: ['client/src/preview/webview/main.ts'], outfile: 'dist/preview.js' }),
  // The Tag Trends panel's script (client/src/archive/webview/tagTrends.ts), the same way.
  esbuild.build({ ...common, platform: 'browser', target: 'es2022', format: 'iife', inject: [], define: {}, entryPoints: ['client/src/archive/webview/tagTrends.ts'], outfile: 'dist/tagTrends.js' }),
  // The npm package: the CLI and the library API (`import { lintText } from 'weekly-issues'`), each one
  // self-contained file (no require of dist/render.js: the npm package ships only these two).
  esbuild.build({
    ...common,
    define: { ...common.define, WEEKLY_ISSUES_VERSION: JSON.stringify(version) },
    entryPoints: ['server/src/cli/main.ts'],
    outfile: 'dist/cli.js',
    banner: { js: '#!/usr/bin/env node' },
  }),
  esbuild.build({
    ...common,
    define: { ...common.define, WEEKLY_ISSUES_VERSION: JSON.stringify(version) },
    entryPoints: ['server/src/cli/api.ts'],
    outfile: 'dist/api.js',
  }),
]);
