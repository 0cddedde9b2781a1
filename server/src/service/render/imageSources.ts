/**
 * Where an image in an issue comes from: a remote URL, a local file (relative to the document, or
 * site-absolute `/assets/…` under the site root), or nowhere we will load from. The preview turns local
 * files into webview URIs; the export writes them relative to the output file.
 */
import * as path from 'path';

export type ImageSource =
  | { kind: 'remote'; url: string; secure: boolean }
  | { kind: 'local'; path: string }
  | { kind: 'unresolved'; reason: string };

export interface ImageContext {
  /** The document's own path; without one (untitled), relative images cannot be found. */
  documentPath?: string;
  /** Where `/…` paths resolve: `weekly.siteRoot`, else the workspace folder. */
  siteRoot?: string;
}

export function resolveImageSource(src: string, context: ImageContext): ImageSource {
  if (/^https:\/\//i.test(src)) return { kind: 'remote', url: src, secure: true };
  if (/^http:\/\//i.test(src)) return { kind: 'remote', url: src, secure: false };
  if (src.startsWith('//')) return { kind: 'remote', url: 'https:' + src, secure: true };
  if (/^[a-z][a-z0-9+.-]*:/i.test(src)) return { kind: 'unresolved', reason: 'unsupported scheme' };
  const filePart = decodePath(src.replace(/[?#].*$/, ''));
  if (!filePart) return { kind: 'unresolved', reason: 'empty path' };
  if (filePart.startsWith('/')) {
    if (!context.siteRoot) return { kind: 'unresolved', reason: 'no site root for a site-absolute path' };
    return { kind: 'local', path: path.join(context.siteRoot, filePart) };
  }
  if (!context.documentPath) return { kind: 'unresolved', reason: 'the document is not saved' };
  return { kind: 'local', path: path.resolve(path.dirname(context.documentPath), filePart) };
}

function decodePath(p: string): string {
  try {
    return decodeURIComponent(p);
  } catch {
    return p;
  }
}

/**
 * An image source as a standalone page should write it: local files relative to the page's folder (so the
 * page works where it is saved), remote ones as they are, anything unresolved as written.
 */
export function pageImageSrc(src: string, context: ImageContext & { pageDir: string }): string {
  const source = resolveImageSource(src, context);
  return source.kind === 'local' ? relativeImageUrl(context.pageDir, source.path) : src;
}

/** A local file as a URL relative to a page's folder, each segment percent-encoded. */
export function relativeImageUrl(pageDir: string, file: string): string {
  return path.relative(pageDir, file).split(path.sep).map(encodeURIComponent).join('/');
}
