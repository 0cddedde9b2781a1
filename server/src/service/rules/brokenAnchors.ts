import type { Link } from '../model/types';
import { resolveAnchor } from '../model/anchorResolution';
import type { Finding, Rule, RuleContext } from './rule';
import { translator } from '../edits/messages';
import { A } from './anchorMessages';

/** Findings for `#fragment` links that land nowhere, in or out of the TOC. */
function brokenAnchorFindings(ctx: RuleContext, code: string, inToc: boolean): Finding[] {
  const out: Finding[] = [];
  const t = translator(ctx);
  for (const link of ctx.model.links) {
    if (link.inToc !== inToc || link.fragment === undefined) continue;
    const res = resolveAnchor(ctx.model, link);
    if (res?.kind !== 'broken') continue;
    const hint = res.suggestion !== undefined ? t(A['anchor.didYouMean'], { suggestion: res.suggestion }) : '';
    out.push({
      code,
      ...fragmentRange(link),
      message: t(inToc ? A['anchor.brokenToc'] : A['anchor.broken'], { fragment: link.fragment, hint }),
      fixes: res.suggestion !== undefined ? [replaceFragmentFix(link, res.suggestion)] : [],
    });
  }
  return out;
}

/** The range of a link's destination when it is written inline, else the whole link. */
export function fragmentRange(link: Link): { start: number; end: number } {
  return link.destStart !== undefined && link.destEnd !== undefined
    ? { start: link.destStart, end: link.destEnd }
    : { start: link.start, end: link.end };
}

export function replaceFragmentFix(link: Link, anchor: string) {
  const range = fragmentRange(link);
  return {
    title: `Change the link to #${anchor}`,
    edits: link.destStart !== undefined ? [{ ...range, newText: '#' + encodeFragment(anchor) }] : [],
    isPreferred: true,
  };
}

/** Writes an anchor as a link destination: kept readable (CJK stays), but spaces and parentheses escaped. */
export function encodeFragment(anchor: string): string {
  // encodeURIComponent leaves ( and ) alone, and an unbalanced one would end the link destination.
  return anchor.replace(/[\s()<>%]/g, (c) => (c === '(' ? '%28' : c === ')' ? '%29' : encodeURIComponent(c)));
}

export const tocBrokenAnchorRule: Rule = {
  code: 'toc-broken-anchor',
  defaultSeverity: 'error',
  description: { en: 'A table-of-contents link points at no heading of this document.', zh: '目录中的链接指向本文档中不存在的标题。' },
  docPage: 'docs/rules/toc-broken-anchor.md',
  scope: 'any',
  check: (ctx) => brokenAnchorFindings(ctx, 'toc-broken-anchor', true),
};

export const brokenAnchorRule: Rule = {
  code: 'broken-anchor',
  defaultSeverity: 'warning',
  description: { en: 'A link to #anchor in this document matches no heading or HTML id.', zh: '文档内的 #锚点链接没有对应的标题或 HTML id。' },
  docPage: 'docs/rules/broken-anchor.md',
  scope: 'any',
  check: (ctx) => brokenAnchorFindings(ctx, 'broken-anchor', false),
};
