/**
 * The issue as mail clients show it: inline styles (they drop `<style>`), one column of 640 px in the
 * layout tables they all lay out alike, real links kept. In-page anchors (the TOC) lead to the issue's
 * page on the site when its URL is known (`weekly.publish.baseUrl`), else the TOC is a plain list.
 */
import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';
import type { IssueModel } from '../../model/types';
import { PUBLISH_STYLES } from './publishStyles';
import { applyInlineStyles, checkboxesAsText, checkImages, element, isFootnoteBackref, unwrap, type PublishProblem } from './publishTree';

export const EMAIL_WIDTH = 640;

/** Restyles the tree for email in place; `pageUrl` is the issue's page on the site, when known. */
export function toEmail(tree: Root, model: IssueModel, pageUrl: string | undefined): { problems: PublishProblem[] } {
  const problems = checkImages(tree, (src) => absoluteImage(src, pageUrl), model.language === 'zh' ? '图片' : 'Image');
  visit(tree, 'element', (el, index, parent) => {
    if (el.tagName !== 'a' || !parent || index === undefined) return undefined;
    if (isFootnoteBackref(el)) {
      parent.children.splice(index, 1);
      return index;
    }
    const href = typeof el.properties.href === 'string' ? el.properties.href : '';
    if (/^(https?|mailto):/i.test(href)) return undefined;
    const resolved = href && pageUrl ? resolve(href, pageUrl) : undefined;
    if (resolved) el.properties.href = resolved;
    else {
      unwrap(parent, index, el);
      return index;
    }
    return undefined;
  });
  checkboxesAsText(tree);
  applyInlineStyles(tree);
  return { problems };
}

function resolve(href: string, base: string): string | undefined {
  try {
    return new URL(href, base).href;
  } catch {
    return undefined;
  }
}

/** https and http images as they are; relative and site-absolute ones from the issue's page, when known. */
function absoluteImage(src: string, pageUrl: string | undefined): string | undefined {
  if (/^https?:\/\//i.test(src)) return src;
  if (src.startsWith('//')) return 'https:' + src;
  if (/^[a-z][a-z0-9+.-]*:/i.test(src) || !pageUrl) return undefined;
  return resolve(src, pageUrl);
}

/** The content in a centred column: tables, since Outlook ignores max-width on a div. */
export function emailColumn(content: Root['children']): Element {
  const cell = element('td', `padding:24px 20px;${PUBLISH_STYLES.body}`, content as Element['children']);
  const inner = element('table', `width:100%;max-width:${EMAIL_WIDTH}px;border-collapse:collapse;background-color:#ffffff;`, [element('tr', undefined, [cell])]);
  Object.assign(inner.properties, { role: 'presentation', width: String(EMAIL_WIDTH), align: 'center' });
  const outer = element('table', 'width:100%;border-collapse:collapse;background-color:#ffffff;', [
    element('tr', undefined, [element('td', undefined, [inner])]),
  ]);
  Object.assign(outer.properties, { role: 'presentation', width: '100%' });
  return outer;
}
