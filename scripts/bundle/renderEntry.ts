/**
 * The entry of dist/render.js (esbuild.mjs): all the code that needs an HTML parser (parse5), which is
 * 40% of the whole: the preview's renderer (unified, remark, rehype) and the reading of link previews.
 * dist/extension.js requires it on first use: the extension at its first preview or export, the language
 * server when a hover first reads a page. So neither process loads it for nothing, the VSIX holds each
 * library once, and no one file is most of the VSIX (vsce flags a file over 85% of the package as large).
 */
export * from '../../server/src/service/render';
export { parseArxivFeed, parseOpenGraph } from '../../server/src/service/linkPreview/parse';
