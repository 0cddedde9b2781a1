/** What the extension and the preview's webview script say to each other (postMessage), both ways. */

export type ToWebview =
  /** New content for the page; the script morphs it in place and keeps the scroll position. */
  | { type: 'update'; html: string; version: number }
  /** The editor scrolled: show this (fractional) source line at the top. */
  | { type: 'scrollToLine'; line: number };

export type FromWebview =
  /** The script is up: the extension answers with the editor's position. */
  | { type: 'ready' }
  /** The preview was scrolled by the user: this source line is at its top. */
  | { type: 'previewScrolled'; line: number }
  /** Double-click: reveal this source line in the editor. */
  | { type: 'revealLine'; line: number }
  /** A web link was clicked: the extension opens http(s)/mailto in the browser, nothing else. */
  | { type: 'openExternal'; href: string }
  /** A relative link was clicked (another file of the workspace). */
  | { type: 'openLink'; href: string };
