/// <reference lib="dom" />
/**
 * The preview's toolbar: Copy for WeChat. VS Code's clipboard API carries plain text only; a page can put
 * `text/html` on the clipboard with `navigator.clipboard.write`, which the browser allows while the page
 * has focus from a click. So the write starts on the click itself, with the content as promises that the
 * extension fulfils once it has the WeChat HTML (and the user's "Copy anyway", if anything would reach
 * readers broken). Built by script with CSSOM styles: the page's CSP allows no inline style or handler.
 */
import type { FromWebview, ToWebview } from '../messages';

interface PendingCopy {
  resolve(html: string): void;
  reject(reason: Error): void;
  cancelled: boolean;
}

/** A block's end as a line break, so the plain-text flavour reads like the page. */
function plainTextOf(html: string): string {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  for (const block of Array.from(doc.body.querySelectorAll('p, h1, h2, h3, h4, h5, h6, li, pre, blockquote, tr, hr'))) block.append('\n');
  return (doc.body.textContent ?? '').replace(/\n{3,}/g, '\n\n').trim() + '\n';
}

export function createToolbar(post: (message: FromWebview) => void): (message: ToWebview) => boolean {
  const bar = document.createElement('div');
  bar.className = 'weekly-toolbar';
  Object.assign(bar.style, { position: 'fixed', top: '6px', right: '10px', zIndex: '10', display: 'none' });
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'weekly-copy-wechat';
  Object.assign(button.style, {
    font: 'inherit', fontSize: '12px', padding: '3px 10px', cursor: 'pointer', borderRadius: '2px',
    border: '1px solid var(--vscode-button-border, transparent)',
    color: 'var(--vscode-button-foreground, #fff)', background: 'var(--vscode-button-background, #0e639c)',
  });
  bar.append(button);
  document.body.append(bar);

  let pending: PendingCopy | undefined;
  button.addEventListener('click', () => {
    if (pending) {
      pending.cancelled = true;
      pending.reject(new Error('superseded'));
    }
    const copy = {} as PendingCopy;
    const html = new Promise<string>((resolve, reject) => Object.assign(copy, { resolve, reject, cancelled: false }));
    pending = copy;
    const blob = (type: string) => html.then((h) => new Blob([type === 'text/html' ? h : plainTextOf(h)], { type }));
    post({ type: 'copyForWeChat' });
    navigator.clipboard
      .write([new ClipboardItem({ 'text/html': blob('text/html'), 'text/plain': blob('text/plain') })])
      .then(
        () => post({ type: 'copyDone' }),
        (err: unknown) => copy.cancelled || post({ type: 'copyFailed', error: String((err as Error)?.message ?? err) }),
      )
      .finally(() => {
        if (pending === copy) pending = undefined;
      });
  });

  return (message) => {
    switch (message.type) {
      case 'toolbar':
        button.textContent = message.copyLabel;
        button.title = message.copyTitle;
        bar.style.display = 'block';
        return true;
      case 'offerCopy':
        button.focus();
        button.style.outline = '2px solid var(--vscode-focusBorder, #007fd4)';
        return true;
      case 'clipboardContent':
        button.style.outline = '';
        pending?.resolve(message.html);
        return true;
      case 'clipboardCancel':
        if (pending) {
          pending.cancelled = true;
          pending.reject(new Error('cancelled'));
        }
        return true;
      default:
        return false;
    }
  };
}
