import { resolveAnchor } from '../model/anchorResolution';
import { fragmentRange, replaceFragmentFix } from './brokenAnchors';
import type { Finding, Rule } from './rule';

/** `#Foo` for a heading whose anchor is `#foo`: GitHub's page script forgives it, other sites do not. */
export const anchorCaseRule: Rule = {
  code: 'anchor-case',
  defaultSeverity: 'warning',
  scope: 'any',
  check(ctx) {
    const out: Finding[] = [];
    for (const link of ctx.model.links) {
      if (link.fragment === undefined) continue;
      const res = resolveAnchor(ctx.model, link);
      if (res?.kind !== 'case') continue;
      out.push({
        code: 'anchor-case',
        ...fragmentRange(link),
        message: `#${link.fragment} matches the anchor #${res.anchor} only when case is ignored; anchors are case-sensitive on most sites. Write #${res.anchor}.`,
        fixes: [replaceFragmentFix(link, res.anchor)],
      });
    }
    return out;
  },
};
