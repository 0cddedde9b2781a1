import type { Paper } from '../model/types';
import { addStubEdits, referenceOwners } from '../structure/referenceBuilder';
import type { Finding, FindingFix, Rule, RuleContext } from './rule';
import { S, translator } from '../structure/messages';

/** Papers that no reference entry belongs to (see ownerOf for "belongs"). */
export function papersWithoutReferences(ctx: RuleContext): Paper[] {
  const owners = new Set(referenceOwners(ctx.model));
  return ctx.model.papers.filter((p) => !owners.has(p));
}

/**
 * A paper with no entry in the reference list. The fix adds stubs (project page, GitHub, paper) whose
 * links search for the paper until the editor pastes the real ones (see placeholderUrl).
 */
export const refMissingRule: Rule = {
  code: 'ref-missing',
  defaultSeverity: 'warning',
  scope: 'issue',
  check(ctx) {
    const missing = papersWithoutReferences(ctx);
    if (missing.length === 0) return [];
    const preset = ctx.config.presets[ctx.model.language];
    const t = translator(ctx);
    const kinds = Object.values(preset.referenceKinds).join(' / ');
    const all: FindingFix | undefined =
      missing.length > 1 ? { title: t(S['ref.fix.stubsAll'], { count: missing.length }), edits: addStubEdits(ctx.model, missing, preset) } : undefined;
    return missing.map((paper): Finding => {
      const fixes: FindingFix[] = [{ title: t(S['ref.fix.stubs'], { name: paper.name, kinds }), edits: addStubEdits(ctx.model, [paper], preset) }];
      if (all) fixes.push(all);
      // Every finding prefers the same edit set, so fix-all adds all the stubs at once.
      fixes[fixes.length - 1].isPreferred = true;
      return {
        code: 'ref-missing',
        start: paper.heading.contentStart,
        end: paper.heading.contentEnd,
        message: t(S['ref.missing'], { name: paper.name, kinds }),
        fixes,
      };
    });
  },
};
