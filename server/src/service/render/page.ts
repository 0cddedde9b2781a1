/**
 * A whole HTML page around a rendered issue, with its Content-Security-Policy: the same page shape for
 * the VS Code webview (its cspSource and our script) and for the standalone export (no script at all).
 */
import { ISSUE_CSS } from './styles';

export interface PolicyOptions {
  nonce: string;
  /** The webview's resource origin (`webview.cspSource`); for a standalone file, 'self'. */
  resourceSource?: string;
  /** Allow https images (off in an untrusted workspace or by the user's choice). */
  remoteImages?: boolean;
}

/**
 * Nothing by default; scripts and styles only under our nonce; images from our own resources, data:
 * and (when allowed) https. `form-action` and `base-uri` do not fall back to default-src: set them too.
 */
export function contentSecurityPolicy(options: PolicyOptions): string {
  const own = options.resourceSource ?? "'self'";
  const images = [own, 'data:', ...(options.remoteImages === false ? [] : ['https:'])];
  return [
    "default-src 'none'",
    `img-src ${images.join(' ')}`,
    `style-src ${own} 'nonce-${options.nonce}'`,
    `script-src 'nonce-${options.nonce}'`,
    `font-src ${own}`,
    "form-action 'none'",
    "base-uri 'none'",
  ].join('; ');
}

export interface PageOptions extends PolicyOptions {
  title: string;
  lang?: string;
  /** The rendered issue (problem header and article). */
  bodyHtml: string;
  /** Scripts to load under the nonce (the webview's own script); none for an export. */
  scriptSrcs?: string[];
  /** Leave the CSP out: only for tests that prove the sanitizer holds on its own. */
  withoutPolicy?: boolean;
}

export function buildPage(options: PageOptions): string {
  const nonce = escapeHtml(options.nonce);
  const policy = options.withoutPolicy
    ? ''
    : `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(contentSecurityPolicy(options))}">\n`;
  const scripts = (options.scriptSrcs ?? []).map((src) => `<script nonce="${nonce}" src="${escapeHtml(src)}"></script>`).join('\n');
  return `<!DOCTYPE html>
<html lang="${escapeHtml(options.lang ?? 'en')}">
<head>
<meta charset="utf-8">
${policy}<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(options.title)}</title>
<style nonce="${nonce}">${ISSUE_CSS}</style>
</head>
<body>
<div id="weekly-preview">${options.bodyHtml}</div>
${scripts}
</body>
</html>
`;
}

/** A nonce: 128 bits from the platform's cryptographic generator (Node and browsers both have it). */
export function createNonce(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
