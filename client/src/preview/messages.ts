/** What the extension and the preview's webview script say to each other (postMessage), both ways. */

export type ToWebview =
  /** New content for the page; the script morphs it in place and keeps the scroll position. */
  | { type: 'update'; html: string; version: number }
  /** The editor scrolled: show this (fractional) source line at the top. */
  | { type: 'scrollToLine'; line: number }
  /** The toolbar's texts, in VS Code's language (the page is built before the script runs). */
  | { type: 'toolbar'; copyLabel: string; copyTitle: string }
  /** Copy for WeChat was run from the palette: show the user the button to click. */
  | { type: 'offerCopy' }
  /** What the pending clipboard write holds (the WeChat HTML), or that it was called off. */
  | { type: 'clipboardContent'; html: string }
  | { type: 'clipboardCancel' };

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
  | { type: 'openLink'; href: string }
  /** The toolbar's Copy for WeChat was clicked: a clipboard write is pending on the extension's answer. */
  | { type: 'copyForWeChat' }
  /** How the clipboard write ended (`error`: the browser's reason). */
  | { type: 'copyDone' }
  | { type: 'copyFailed'; error: string };
