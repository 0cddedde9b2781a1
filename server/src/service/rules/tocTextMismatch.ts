import type { Heading, Link } from '../model/types';
import { headingNamedBy, isHeading, looseText, resolveAnchor } from '../model/anchorResolution';
import { replaceFragmentFix } from './brokenAnchors';
import type { Finding, FindingFix, Rule, RuleContext } from './rule';
import { translator } from '../edits/messages';
import { A } from './anchorMessages';
import { escapeLinkText } from '../edits/listEdits';
import { memoize } from '../util/memo';

/**
 * A TOC line whose link resolves, but to a heading its text does not name. In a weekly issue the TOC
 * repeats the heading, so any difference counts; elsewhere only texts that share nothing do (a line for
 * one week that lands on another week's section).
 */
export const tocTextMismatchRule: Rule = {
  code: 'toc-text-mismatch',
  defaultSeverity: 'warning',
  description: { en: "A table-of-contents entry's text differs from the heading it links to.", zh: '目录条目的文字与其链接的标题不一致。' },
  docPage: 'docs/rules/toc-text-mismatch.md',
  scope: 'any',
  check(ctx) {
    const out: Finding[] = [];
    for (const entry of ctx.model.toc?.entries ?? []) {
      const link = entry.link;
      if (link.kind === 'html') continue; // raw HTML links: their text is not known
      const res = resolveAnchor(ctx.model, link);
      if (res?.kind !== 'exact' || !isHeading(res.target)) continue;
      const heading = res.target;
      if (!mismatched(ctx, link.text, heading.text)) continue;
      out.push({
        code: 'toc-text-mismatch',
        start: link.start,
        end: link.end,
        message: translator(ctx)(A['toc.textMismatch'], { text: link.text, heading: heading.text }),
        fixes: fixes(ctx, link, heading),
      });
    }
    return out;
  },
};

function mismatched(ctx: RuleContext, linkText: string, headingText: string): boolean {
  if (linkText === headingText) return false; // the usual TOC line: no need to normalize either
  if (ctx.isIssue) return collapse(linkText) !== collapse(headingText);
  const a = looseText(linkText);
  const b = looseText(headingText);
  return a.length > 0 && b.length > 0 && !a.includes(b) && !b.includes(a);
}

const collapse = memoize((text: string): string => text.replace(/\s+/g, ' ').trim());

function fixes(ctx: RuleContext, link: Link, heading: Heading): FindingFix[] {
  const out: FindingFix[] = [];
  const named = headingNamedBy(ctx.model, link.text);
  if (named && named !== heading) out.push(replaceFragmentFix(link, named.slug));
  if (link.textStart !== undefined && link.textEnd !== undefined) {
    out.push({
      title: `Change the entry's text to "${heading.text}"`,
      // Escaped: a heading with `[` or `]` written raw would break the link (and fix-all would loop).
      edits: [{ start: link.textStart, end: link.textEnd, newText: escapeLinkText(heading.text) }],
      isPreferred: out.length === 0,
    });
  }
  return out;
}
