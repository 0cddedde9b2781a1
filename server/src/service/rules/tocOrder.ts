import { rebuildTocEdit, reorderTocEdits, topEntries } from '../structure/tocBuilder';
import type { FindingFix, Rule } from './rule';

/** TOC entries not in the order of the sections they point to; reported once, on the first out-of-place entry. */
export const tocOrderRule: Rule = {
  code: 'toc-order',
  defaultSeverity: 'warning',
  scope: 'issue',
  check(ctx) {
    const top = topEntries(ctx.model).filter((t) => t.target);
    const index = top.findIndex((t, i) => i > 0 && t.target!.start < top[i - 1].target!.start);
    if (index < 0) return [];
    const { entry, target } = top[index];
    const fixes: FindingFix[] = [{ title: 'Reorder the table of contents like the sections', edits: reorderTocEdits(ctx.model), isPreferred: true }];
    const rebuild = rebuildTocEdit(ctx.model);
    if (rebuild) fixes.push({ title: 'Update table of contents', edits: [rebuild] });
    return [
      {
        code: 'toc-order',
        start: entry.link.start,
        end: entry.link.end,
        message: `"${target!.text}" comes before "${top[index - 1].target!.text}" in the document but after it in the table of contents. Reorder the entries like the sections.`,
        fixes,
      },
    ];
  },
};
