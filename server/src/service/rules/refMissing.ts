import type { Paper } from '../model/types';
import { addStubEdits, looseName, modelOwnerOf, referenceOwners } from '../structure/referenceBuilder';
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
    // Stubs only where they would belong to their paper: not for a paper with no short name, nor for one
    // whose name another paper's longer or earlier name would claim (two "DreamO"s): fix-all would add
    // stubs that never count, pass after pass.
    const stubbable = missing.filter((paper) => stubsBelongTo(ctx, paper));
    const all: FindingFix | undefined =
      stubbable.length > 1 ? { title: t(S['ref.fix.stubsAll'], { count: stubbable.length }), edits: addStubEdits(ctx.model, stubbable, preset) } : undefined;
    return missing.map((paper): Finding => {
      const fixes: FindingFix[] = [];
      if (stubbable.includes(paper)) {
        fixes.push({ title: t(S['ref.fix.stubs'], { name: paper.name, kinds }), edits: addStubEdits(ctx.model, [paper], preset) });
        if (all) fixes.push(all);
        // Every finding prefers the same edit set, so fix-all adds all the stubs at once.
        fixes[fixes.length - 1].isPreferred = true;
      }
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

function stubsBelongTo(ctx: RuleContext, paper: Paper): boolean {
  if (!looseName(paper.name)) return false;
  const preset = ctx.config.presets[ctx.model.language];
  return modelOwnerOf(ctx.model, { text: `${paper.name} ${preset.referenceKinds.project}`, url: '' }) === paper;
}
