import { rebuildTocEdit, reorderTocEdits, topEntries } from '../edits/tocBuilder';
import type { FindingFix, Rule } from './rule';
import { S, translator } from '../edits/messages';

/** TOC entries not in the order of the sections they point to; reported once, on the first out-of-place entry. */
export const tocOrderRule: Rule = {
  code: 'toc-order',
  defaultSeverity: 'warning',
  description: { en: 'The table of contents lists the sections in another order than the document.', zh: '目录中条目的顺序与文档中小节的顺序不同。' },
  docPage: 'docs/rules/toc-order.md',
  scope: 'issue',
  check(ctx) {
    const top = topEntries(ctx.model).filter((t) => t.target);
    const index = top.findIndex((t, i) => i > 0 && t.target!.start < top[i - 1].target!.start);
    if (index < 0) return [];
    const { entry, target } = top[index];
    const t = translator(ctx);
    const fixes: FindingFix[] = [{ title: t(S['toc.fix.reorder']), edits: reorderTocEdits(ctx.model), isPreferred: true }];
    const rebuild = rebuildTocEdit(ctx.model);
    if (rebuild) fixes.push({ title: t(S['toc.fix.update']), edits: [rebuild] });
    return [
      {
        code: 'toc-order',
        start: entry.link.start,
        end: entry.link.end,
        message: t(S['toc.order'], { heading: target!.text, previous: top[index - 1].target!.text }),
        fixes,
      },
    ];
  },
};
