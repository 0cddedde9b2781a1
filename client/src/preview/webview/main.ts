/// <reference lib="dom" />
/**
 * The preview's own script, bundled to dist/preview.js and loaded under the page's CSP nonce. It morphs new
 * content in place (morphdom: unchanged nodes, images included, stay as they are: no flicker), keeps the
 * scroll position, syncs scrolling with the editor by source line, and routes every link click through the
 * extension: the webview itself never navigates. It reads no implicit globals (heading ids name window
 * properties, see render/annotate.ts) and never turns document text into markup itself.
 */
import morphdom from 'morphdom';
import type { FromWebview, ToWebview } from '../messages';
import { collectMarks, lineAtPosition, positionOfLine } from './lineMap';
import { createToolbar } from './toolbar';

interface VsCodeApi {
  postMessage(message: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const api = acquireVsCodeApi();
const post = (message: FromWebview) => api.postMessage(message);
const container = document.getElementById('weekly-preview') as HTMLElement;

/**
 * Scroll events we caused (editor sync, content update) arrive later and must not echo back to the editor.
 * An event that finds the page where we put it is ours; the first one elsewhere is the user's, and ends the
 * expectation. By position, not by a time window: on a busy machine frames come late, and a window would
 * either let echoes through or swallow the user's own scrolling.
 */
let expectedY: number | undefined;
function isOwnScroll(): boolean {
  if (expectedY !== undefined && Math.abs(window.scrollY - expectedY) < 2) return true;
  expectedY = undefined;
  return false;
}
const expectScrollAt = (y: number) => {
  expectedY = y;
};

function stickyHeaderHeight(): number {
  const header = container.querySelector('.weekly-problems');
  return header ? header.getBoundingClientRect().height : 0;
}

function scrollQuietly(y: number): void {
  window.scrollTo(0, Math.max(0, y));
  expectScrollAt(window.scrollY); // where the page could go (clamped at its ends)
}

function scrollToLine(line: number): void {
  const y = positionOfLine(collectMarks(container, window.scrollY), line);
  if (y !== undefined) scrollQuietly(y - stickyHeaderHeight());
}

let scrollFrame = 0;
window.addEventListener(
  'scroll',
  () => {
    if (scrollFrame) return;
    // One report per frame, however many scroll events the frame had.
    scrollFrame = requestAnimationFrame(() => {
      scrollFrame = 0;
      if (isOwnScroll()) return;
      const line = lineAtPosition(collectMarks(container, window.scrollY), window.scrollY + stickyHeaderHeight());
      if (line !== undefined) post({ type: 'previewScrolled', line });
    });
  },
  { passive: true },
);

function applyUpdate(html: string): void {
  const y = window.scrollY;
  morphdom(container, `<div id="weekly-preview">${html}</div>`, {
    // Skip subtrees that did not change: the cheap check that keeps a keystroke's update small.
    onBeforeElUpdated: (from, to) => !from.isEqualNode(to),
  });
  if (window.scrollY !== y) scrollQuietly(y);
  else expectScrollAt(y);
}

const toolbarMessage = createToolbar(post);

window.addEventListener('message', (event: MessageEvent<ToWebview>) => {
  const message = event.data;
  if (message && toolbarMessage(message)) return;
  if (message?.type === 'update') applyUpdate(message.html);
  else if (message?.type === 'scrollToLine') scrollToLine(message.line);
});

function scrollToFragment(raw: string): void {
  let fragment = raw;
  try {
    fragment = decodeURIComponent(raw);
  } catch {
    // an undecodable fragment is looked up as written
  }
  const target = document.getElementById(fragment) ?? document.getElementById('user-content-' + fragment);
  // A user action: the scroll it causes is reported to the editor like any other.
  if (target) window.scrollTo(0, target.getBoundingClientRect().top + window.scrollY - stickyHeaderHeight());
}

document.addEventListener('click', (event) => {
  const link = (event.target as Element | null)?.closest?.('a');
  if (!link) return;
  event.preventDefault();
  const href = link.getAttribute('href');
  if (!href) return;
  if (href.startsWith('#')) scrollToFragment(href.slice(1));
  else if (/^(https?|mailto):/i.test(href)) post({ type: 'openExternal', href });
  else if (!/^[a-z][a-z0-9+.-]*:/i.test(href)) post({ type: 'openLink', href });
});

// The problem header jumps to the first problem: in the editor (revealLine) and in the page.
function goToFirstProblem(target: EventTarget | null): boolean {
  const header = (target as Element | null)?.closest?.<HTMLElement>('.weekly-problems[data-first-line]');
  if (!header) return false;
  const line = Number(header.dataset.firstLine);
  post({ type: 'revealLine', line });
  scrollToLine(line);
  return true;
}
document.addEventListener('click', (event) => {
  if (goToFirstProblem(event.target)) event.preventDefault();
});
document.addEventListener('keydown', (event) => {
  if ((event.key === 'Enter' || event.key === ' ') && goToFirstProblem(event.target)) event.preventDefault();
});

document.addEventListener('dblclick', (event) => {
  const block = (event.target as Element | null)?.closest?.<HTMLElement>('[data-line]');
  if (block) post({ type: 'revealLine', line: Number(block.dataset.line) });
});

post({ type: 'ready' });
