/**
 * The service's renderer, loaded on first use. The bundle keeps it in dist/render.js (esbuild.mjs), so
 * starting the extension does not load it (~390 KB of unified, remark, rehype and parse5) until a preview
 * or an export needs it.
 */
import type * as Render from '../../../server/src/service/render';

let loaded: typeof Render | undefined;

export function renderModule(): typeof Render {
  // A require() at the call, not an import: an import would load the renderer with this module.
  return (loaded ??= require('../../../server/src/service/render') as typeof Render);
}
