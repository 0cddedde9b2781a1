/**
 * One issue rendered for where it is published: `wechat` (pasted into WeChat's editor) and `email`
 * (an HTML part and a plain-text part). The same sanitized, annotated tree as the preview, restyled.
 */
import type { Root } from 'hast';
import type { IssueModel } from '../../model/types';
import { escapeHtml } from '../page';
import { renderIssueTree, stringifyTree, type RenderOptions } from '../renderIssue';
import { emailColumn, toEmail } from './emailTarget';
import { toPlainText } from './plainText';
import { PUBLISH_STYLES } from './publishStyles';
import { element, type PublishProblem } from './publishTree';
import { toWechat, type Note } from './wechatTarget';

export type PublishTarget = 'wechat' | 'email';
export const PUBLISH_TARGETS: readonly PublishTarget[] = ['wechat', 'email'];

export interface PublishOptions extends Pick<RenderOptions, 'preset' | 'cache'> {
  /** The issue's page on the site (email: where the TOC links lead). */
  pageUrl?: string;
}

export interface PublishedIssue {
  /** The content alone, with every style inline: what goes on the clipboard. */
  fragment: string;
  /** A whole page around it, without `<style>`, `<script>` or `<link>`. */
  page: string;
  /** email: the plain-text part. */
  text?: string;
  title: string;
  lang: string;
  notes: Note[];
  problems: PublishProblem[];
}

export function renderForTarget(model: IssueModel, target: PublishTarget, options: PublishOptions = {}): PublishedIssue {
  const tree = renderIssueTree(model, { preset: options.preset, cache: options.cache });
  const lang = model.language === 'zh' ? 'zh-CN' : 'en';
  const title = model.title?.text ?? '';
  let notes: Note[] = [];
  let problems: PublishProblem[];
  let text: string | undefined;
  let body: Root;
  if (target === 'wechat') {
    ({ notes, problems } = toWechat(tree, model, options.preset));
    // WeChat keeps a pasted <section>'s inline style: the base font and colour go on it.
    body = { type: 'root', children: [element('section', PUBLISH_STYLES.body, tree.children as never)] };
  } else {
    ({ problems } = toEmail(tree, model, options.pageUrl));
    text = toPlainText(tree);
    body = { type: 'root', children: [emailColumn(tree.children)] };
  }
  const fragment = stringifyTree(body);
  return { fragment, page: publishPage(title, lang, fragment), text, title, lang, notes, problems };
}

/**
 * The standalone page: no stylesheet at all; its policy lets inline styles (ours only: the sanitizer
 * drops every `style` an issue writes) and images load, and nothing else.
 */
function publishPage(title: string, lang: string, fragment: string): string {
  const policy = "default-src 'none'; img-src https: http: data:; style-src 'unsafe-inline'; form-action 'none'; base-uri 'none'";
  return `<!DOCTYPE html>
<html lang="${escapeHtml(lang)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(policy)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
</head>
<body style="margin:0;padding:16px;background-color:#ffffff;">
${fragment}
</body>
</html>
`;
}
