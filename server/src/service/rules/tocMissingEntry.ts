import type { Paper } from '../model/types';
import { entryTarget, insertTocEntries, rebuildTocEdit } from '../structure/tocBuilder';
import type { Finding, FindingFix, Rule, RuleContext } from './rule';

/** Papers that no TOC entry is meant for (by its link, or by the heading a broken link was meant for). */
export function papersMissingFromToc(ctx: RuleContext): Paper[] {
  const targets = new Set((ctx.model.toc?.entries ?? []).map((e) => entryTarget(ctx.model, e)));
  return ctx.model.papers.filter((p) => !targets.has(p.heading));
}

/** A paper section that no TOC entry links to. Only issues with a TOC: there is nothing to add to otherwise. */
export const tocMissingEntryRule: Rule = {
  code: 'toc-missing-entry',
  defaultSeverity: 'warning',
  scope: 'issue',
  check(ctx) {
    if (!ctx.model.toc) return [];
    const missing = papersMissingFromToc(ctx);
    if (missing.length === 0) return [];
    const rebuild = rebuildTocEdit(ctx.model);
    const all: FindingFix | undefined =
      missing.length > 1 ? { title: `Add the ${missing.length} missing table-of-contents entries`, edits: insertTocEntries(ctx.model, missing.map((p) => p.heading)) } : undefined;
    return missing.map((paper): Finding => {
      const fixes: FindingFix[] = [{ title: `Add "${paper.heading.text}" to the table of contents`, edits: insertTocEntries(ctx.model, [paper.heading]) }];
      if (all) fixes.push(all);
      if (rebuild) fixes.push({ title: 'Update table of contents', edits: [rebuild] });
      // Fix-all adds every missing entry in one go, so each finding prefers the same, widest insertion.
      fixes[all ? 1 : 0].isPreferred = true;
      return {
        code: 'toc-missing-entry',
        start: paper.heading.contentStart,
        end: paper.heading.contentEnd,
        message: `The table of contents has no entry for "${paper.heading.text}". Add one so readers can jump to it.`,
        fixes,
      };
    });
  },
};
