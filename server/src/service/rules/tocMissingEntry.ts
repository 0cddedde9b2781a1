import type { Paper } from '../model/types';
import { insertTocEntries, rebuildTocEdit, tocTargets } from '../edits/tocBuilder';
import type { Finding, FindingFix, Rule, RuleContext } from './rule';
import { S, translator } from '../edits/messages';

/** Papers that no TOC entry is meant for (by its link, or by the heading a broken link was meant for). */
export function papersMissingFromToc(ctx: RuleContext): Paper[] {
  const targets = new Set(tocTargets(ctx.model));
  // A heading with no text has no anchor to link to: nothing to add for it.
  return ctx.model.papers.filter((p) => p.heading.slug !== '' && !targets.has(p.heading));
}

/** A paper section that no TOC entry links to. Only issues with a TOC: there is nothing to add to otherwise. */
export const tocMissingEntryRule: Rule = {
  code: 'toc-missing-entry',
  defaultSeverity: 'warning',
  description: { en: 'A paper section has no entry in the table of contents.', zh: '论文小节在目录中没有条目。' },
  docPage: 'docs/rules/toc-missing-entry.md',
  scope: 'issue',
  check(ctx) {
    if (!ctx.model.toc) return [];
    const missing = papersMissingFromToc(ctx);
    if (missing.length === 0) return [];
    const t = translator(ctx);
    const rebuild = rebuildTocEdit(ctx.model);
    const all: FindingFix | undefined =
      missing.length > 1 ? { title: t(S['toc.fix.addAll'], { count: missing.length }), edits: insertTocEntries(ctx.model, missing.map((p) => p.heading)) } : undefined;
    return missing.map((paper): Finding => {
      const fixes: FindingFix[] = [{ title: t(S['toc.fix.addEntry'], { heading: paper.heading.text }), edits: insertTocEntries(ctx.model, [paper.heading]) }];
      if (all) fixes.push(all);
      if (rebuild) fixes.push({ title: t(S['toc.fix.update']), edits: [rebuild] });
      // Fix-all adds every missing entry in one go, so each finding prefers the same, widest insertion.
      fixes[all ? 1 : 0].isPreferred = true;
      return {
        code: 'toc-missing-entry',
        start: paper.heading.contentStart,
        end: paper.heading.contentEnd,
        message: t(S['toc.missingEntry'], { heading: paper.heading.text }),
        fixes,
      };
    });
  },
};
