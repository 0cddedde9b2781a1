import type { LanguagePreset } from '../config/weeklyConfig';
import type { Paper } from '../model/types';
import { addStubEdits, kindOfEntry, looseName, modelOwnerOf, placeholderUrl, REFERENCE_KINDS, referenceOwners, type ReferenceKind } from '../edits/referenceBuilder';
import type { Finding, FindingFix, Rule, RuleContext } from './rule';
import { sameIssueRepeats } from '../paperRepeat/paperRepeats';
import { S, translator } from '../edits/messages';

/**
 * Papers that no reference entry belongs to (see ownerOf for "belongs"), but for a second paper of one
 * identity or short name in the issue: paper-repeat reports it, and the first took the shared entries.
 */
export function papersWithoutReferences(ctx: RuleContext): Paper[] {
  const owners = new Set(referenceOwners(ctx.model));
  const repeats = new Set(sameIssueRepeats(ctx.model).map((r) => r.paper));
  return ctx.model.papers.filter((p) => !owners.has(p) && !repeats.has(p));
}

/**
 * The required kinds of reference (`requiredReferenceKinds`) that a paper with entries has none of, in
 * the order stubs are written. Papers without entries are ref-missing's first case.
 */
export function missingReferenceKinds(ctx: RuleContext): Map<Paper, ReferenceKind[]> {
  const required = REFERENCE_KINDS.filter((k) => ctx.config.requiredReferenceKinds.includes(k));
  const out = new Map<Paper, ReferenceKind[]>();
  if (required.length === 0) return out;
  const preset = ctx.config.presets[ctx.model.language];
  const kinds = new Map<Paper, Set<ReferenceKind | undefined>>();
  const entries = ctx.model.references?.entries ?? [];
  referenceOwners(ctx.model).forEach((owner, i) => {
    if (!owner) return;
    const set = kinds.get(owner) ?? new Set();
    set.add(kindOfEntry(entries[i], owner, preset));
    kinds.set(owner, set);
  });
  for (const paper of ctx.model.papers) {
    const have = kinds.get(paper);
    const lacking = have ? required.filter((k) => !have.has(k)) : [];
    if (lacking.length > 0) out.set(paper, lacking);
  }
  return out;
}

/**
 * A paper with no entry in the reference list, or (with `requiredReferenceKinds`) none of a required
 * kind. The fix adds stubs (project page, GitHub, paper, or the missing kind) whose links search for
 * the paper until the editor pastes the real ones (see placeholderUrl).
 */
export const refMissingRule: Rule = {
  code: 'ref-missing',
  defaultSeverity: 'warning',
  description: { en: 'A paper has no entry (or not every required kind) in the reference list.', zh: '论文在参考列表中没有条目（或缺少要求的链接类型）。' },
  docPage: 'docs/rules/ref-missing.md',
  scope: 'issue',
  check(ctx) {
    const missing = papersWithoutReferences(ctx);
    const lackingKinds = missingReferenceKinds(ctx);
    if (missing.length === 0 && lackingKinds.size === 0) return [];
    const preset = ctx.config.presets[ctx.model.language];
    const t = translator(ctx);
    const kinds = Object.values(preset.referenceKinds).join(' / ');
    // Stubs only where they would belong to their paper: not for a paper with no short name, nor for one
    // whose name another paper's longer or earlier name would claim (two "DreamO"s): fix-all would add
    // stubs that never count, pass after pass. A stub of a missing kind must also read as that kind.
    const stubbable = missing.filter((paper) => stubsBelongTo(ctx, paper, 'project'));
    const stubbableKinds = new Map<Paper, ReferenceKind[]>();
    for (const [paper, lacking] of lackingKinds) {
      const ok = lacking.filter((kind) => stubsBelongTo(ctx, paper, kind, true));
      if (ok.length > 0) stubbableKinds.set(paper, ok);
    }
    const kindsOf = (paper: Paper): readonly ReferenceKind[] => stubbableKinds.get(paper) ?? REFERENCE_KINDS;
    const count = stubbable.length + [...stubbableKinds.values()].reduce((n, l) => n + l.length, 0);
    // One edit set for every stub, preferred by every finding, so fix-all adds them all at once.
    const all: FindingFix | undefined =
      count > 1 ? { title: t(S[stubbableKinds.size > 0 ? 'ref.fix.stubsAllKinds' : 'ref.fix.stubsAll'], { count: stubbable.length + stubbableKinds.size }), edits: addStubEdits(ctx.model, [...stubbable, ...stubbableKinds.keys()], preset, kindsOf) } : undefined;
    const withAll = (fixes: FindingFix[]): FindingFix[] => {
      if (fixes.length === 0) return fixes;
      if (all) fixes.push(all);
      fixes[fixes.length - 1].isPreferred = true;
      return fixes;
    };
    const out: Finding[] = missing.map((paper): Finding => ({
      code: 'ref-missing',
      start: paper.heading.contentStart,
      end: paper.heading.contentEnd,
      message: t(S['ref.missing'], { name: paper.name, kinds }),
      fixes: withAll(stubbable.includes(paper) ? [{ title: t(S['ref.fix.stubs'], { name: paper.name, kinds }), edits: addStubEdits(ctx.model, [paper], preset) }] : []),
    }));
    for (const [paper, lacking] of lackingKinds) {
      for (const kind of lacking) {
        const label = preset.referenceKinds[kind];
        const fixes: FindingFix[] = stubbableKinds.get(paper)?.includes(kind)
          ? [{ title: t(S['ref.fix.stubs'], { name: paper.name, kinds: label }), edits: addStubEdits(ctx.model, [paper], preset, () => [kind]) }]
          : [];
        out.push({
          code: 'ref-missing',
          start: paper.heading.contentStart,
          end: paper.heading.contentEnd,
          message: t(S['ref.missingKind'], { name: paper.name, label, kind }),
          fixes: withAll(fixes),
        });
      }
    }
    return out;
  },
};

/**
 * Whether a stub of `kind` for `paper` would belong to it and, for a required kind, read as that kind
 * (a preset label such as "Code" that reads as another kind would make fix-all add it pass after pass).
 */
function stubsBelongTo(ctx: RuleContext, paper: Paper, kind: ReferenceKind, mustReadAsKind = false): boolean {
  if (!looseName(paper.name)) return false;
  const preset: LanguagePreset = ctx.config.presets[ctx.model.language];
  const stub = { text: `${paper.name} ${preset.referenceKinds[kind]}`, url: placeholderUrl(kind, paper.name) };
  if (modelOwnerOf(ctx.model, stub) !== paper) return false;
  return !mustReadAsKind || kindOfEntry(stub, paper, preset) === kind;
}
