import { renumberEdits } from '../edits/referenceBuilder';
import type { Rule } from './rule';
import { S, translator } from '../edits/messages';

/** An ordered reference list not numbered 1..N in order; reported on the first wrong number. */
export const refNumberingRule: Rule = {
  code: 'ref-numbering',
  defaultSeverity: 'warning',
  description: { en: 'The reference list is not numbered 1, 2, 3 … in order.', zh: '参考列表没有按 1、2、3……顺序编号。' },
  docPage: 'docs/rules/ref-numbering.md',
  scope: 'issue',
  check(ctx) {
    const refs = ctx.model.references;
    if (!refs || !refs.lists.every((l) => l.ordered)) return [];
    const index = refs.entries.findIndex((e, i) => e.number !== undefined && e.number !== i + 1);
    if (index < 0) return [];
    const item = refs.entries[index].item;
    const t = translator(ctx);
    return [
      {
        code: 'ref-numbering',
        start: item.markerStart,
        end: item.markerEnd - 1,
        message: t(S['ref.numbering'], { position: index + 1, number: item.number!, count: refs.entries.length }),
        fixes: [{ title: t(S['ref.fix.renumber']), edits: renumberEdits(ctx.model), isPreferred: true }],
      },
    ];
  },
};
