import { resolveAnchor } from '../model/anchorResolution';
import { fragmentRange, replaceFragmentFix } from './brokenAnchors';
import type { Finding, Rule } from './rule';
import { translator } from '../edits/messages';
import { A } from './anchorMessages';

/** `#Foo` for a heading whose anchor is `#foo`: GitHub's page script forgives it, other sites do not. */
export const anchorCaseRule: Rule = {
  code: 'anchor-case',
  defaultSeverity: 'warning',
  description: { en: "A link's #anchor matches a heading only when case is ignored.", zh: '链接的 #锚点只有在忽略大小写时才与标题匹配。' },
  docPage: 'docs/rules/anchor-case.md',
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
        message: translator(ctx)(A['anchor.case'], { fragment: link.fragment, anchor: res.anchor }),
        fixes: [replaceFragmentFix(link, res.anchor)],
      });
    }
    return out;
  },
};
