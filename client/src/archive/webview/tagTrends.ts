/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * The Tag Trends page's script (dist/tagTrends.js, loaded under the page's nonce): a click on a bar, a
 * legend entry or a table row sends its tag to the extension, which reveals it in the Tags view; the tag
 * the panel was opened for is highlighted. Reads tags from data attributes only; never navigates.
 */
interface VsCodeApi {
  postMessage(message: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const api = acquireVsCodeApi();

document.addEventListener('click', (event) => {
  const target = (event.target as Element | null)?.closest('[data-tag]');
  if (!target) return;
  event.preventDefault();
  const tag = target.getAttribute('data-tag');
  if (tag) api.postMessage({ type: 'revealTag', tag });
});

const highlight = document.body.dataset.highlight;
if (highlight) {
  for (const el of document.querySelectorAll('rect.bar[data-tag], tr[data-tag]')) {
    if (el.getAttribute('data-tag') === highlight) el.classList.add('highlight');
  }
}
