import type { Link } from '../model/types';
import { resolveAnchor } from '../model/anchorResolution';
import type { Finding, Rule, RuleContext } from './rule';

/** Findings for `#fragment` links that land nowhere, in or out of the TOC. */
function brokenAnchorFindings(ctx: RuleContext, code: string, inToc: boolean): Finding[] {
  const out: Finding[] = [];
  for (const link of ctx.model.links) {
    if (link.inToc !== inToc || link.fragment === undefined) continue;
    const res = resolveAnchor(ctx.model, link);
    if (res?.kind !== 'broken') continue;
    const where = inToc ? 'This table-of-contents entry links to' : 'This link points to';
    const hint = res.suggestion !== undefined ? ` Did you mean #${res.suggestion}?` : ' Check the heading it should land on.';
    out.push({
      code,
      ...fragmentRange(link),
      message: `${where} #${link.fragment}, but no heading or HTML id has that anchor.${hint}`,
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
  scope: 'any',
  check: (ctx) => brokenAnchorFindings(ctx, 'toc-broken-anchor', true),
};

export const brokenAnchorRule: Rule = {
  code: 'broken-anchor',
  defaultSeverity: 'warning',
  scope: 'any',
  check: (ctx) => brokenAnchorFindings(ctx, 'broken-anchor', false),
};
